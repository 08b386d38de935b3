// The JSON report; see report_writer.hpp. nlohmann/json stays in this file:
// it is not part of the public headers.
#include "report_writer.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace lockgraph::detail {
namespace {

using ordered_json = nlohmann::ordered_json;

constexpr int report_version = 1;

ordered_json location_json(const std::string& file, unsigned line, unsigned column) {
  ordered_json j;
  j["file"] = file;
  j["line"] = line;
  j["column"] = column;
  return j;
}

ordered_json finding_json(const finding& f) {
  ordered_json j;
  j["check"] = f.check;
  j["severity"] = f.severity;
  j["file"] = f.file;
  j["line"] = f.line;
  j["column"] = f.column;
  j["message"] = f.message;
  j["locks"] = f.locks;
  j["threads"] = f.threads;
  ordered_json notes = ordered_json::array();
  for (const note& n : f.notes) {
    ordered_json jn = location_json(n.file, n.line, n.column);
    jn["message"] = n.message;
    notes.push_back(std::move(jn));
  }
  j["notes"] = std::move(notes);
  j["fingerprint"] = f.fingerprint;
  if (f.concurrent) j["concurrent"] = *f.concurrent;
  return j;
}

ordered_json graph_json(const report_data& data) {
  ordered_json nodes = ordered_json::array();
  for (const graph_node_out& n : data.nodes) {
    ordered_json jn;
    jn["name"] = n.name;
    jn["kind"] = n.kind;
    nodes.push_back(std::move(jn));
  }
  ordered_json edges = ordered_json::array();
  for (const graph_edge_out& e : data.edges) {
    ordered_json je;
    je["from"] = e.from;
    je["to"] = e.to;
    ordered_json sites = ordered_json::array();
    for (const location_out& s : e.sites) sites.push_back(location_json(s.file, s.line, s.column));
    je["sites"] = std::move(sites);
    je["in_cycle"] = e.in_cycle;
    edges.push_back(std::move(je));
  }
  ordered_json j;
  j["nodes"] = std::move(nodes);
  j["edges"] = std::move(edges);
  return j;
}

}  // namespace

std::string report_json(const report_data& data) {
  ordered_json root;
  root["version"] = report_version;
  root["tool"] = "lockgraph run";
  ordered_json findings = ordered_json::array();
  for (const finding& f : data.findings) findings.push_back(finding_json(f));
  root["findings"] = std::move(findings);
  root["lock_graph"] = graph_json(data);
  return root.dump(2, ' ', /*ensure_ascii=*/false, ordered_json::error_handler_t::replace) + "\n";
}

bool write_text_file(const std::string& path, const std::string& text, std::string& error) {
  const std::string temporary = path + ".tmp" + std::to_string(::getpid());
  std::FILE* out = std::fopen(temporary.c_str(), "w");
  if (!out) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  const bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  const int saved = errno;
  if (std::fclose(out) != 0 || !written) {
    error = path + ": " + std::strerror(written ? errno : saved);
    std::remove(temporary.c_str());
    return false;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    error = path + ": " + std::strerror(errno);
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace lockgraph::detail
