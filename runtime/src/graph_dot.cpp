// The lock-order graph as Graphviz DOT; see graph_dot.hpp.
//
// The static checker has its own emitter (checker/report/DotEmitter.cpp,
// over the checker's report types). The two are kept separate on purpose:
// the runtime must build without the checker, and the checker should not
// compile runtime sources; what they share is about thirty lines of format.
// The lit test testcases/runtime/graph-dot.cpp checks that this output and
// `lockgraph graph` on the run's JSON report are byte-for-byte the same.
#include "graph_dot.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

namespace lockgraph::detail {
namespace {

// A DOT string literal: quotes and backslashes escaped, newlines as \n.
std::string quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

std::string_view base_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// "bank.cpp:24" for the first witness site; empty when there is none.
std::string site_label(const graph_edge_out& e) {
  if (e.sites.empty()) return {};
  const location_out& site = e.sites.front();
  std::string label(base_name(site.file));
  if (site.line != 0) label += (label.empty() ? "" : ":") + std::to_string(site.line);
  return label;
}

std::string attributes(const std::vector<std::string>& list) {
  if (list.empty()) return {};
  std::string out = " [";
  for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + list[i];
  return out + "]";
}

}  // namespace

std::string graph_dot(const report_data& data) {
  // Nodes from the node list and from edge ends, so that every end of an
  // edge can be coloured.
  std::map<std::string, std::string> kinds;
  for (const graph_node_out& n : data.nodes) kinds[n.name] = n.kind;
  std::set<std::string> in_cycle;
  for (const graph_edge_out& e : data.edges) {
    kinds.emplace(e.from, std::string());
    kinds.emplace(e.to, std::string());
    if (e.in_cycle) {
      in_cycle.insert(e.from);
      in_cycle.insert(e.to);
    }
  }
  std::vector<const graph_edge_out*> edges;
  for (const graph_edge_out& e : data.edges) edges.push_back(&e);
  std::stable_sort(edges.begin(), edges.end(),
                   [](const graph_edge_out* a, const graph_edge_out* b) {
                     return std::tie(a->from, a->to) < std::tie(b->from, b->to);
                   });

  std::string out = "digraph lockgraph {\n  node [shape=box];\n";
  for (const auto& [name, kind] : kinds) {
    std::vector<std::string> attrs;
    if (!kind.empty()) attrs.push_back("tooltip=" + quote(kind));
    if (in_cycle.contains(name)) attrs.push_back("color=red");
    out += "  " + quote(name) + attributes(attrs) + ";\n";
  }
  for (const graph_edge_out* e : edges) {
    std::vector<std::string> attrs;
    if (const std::string label = site_label(*e); !label.empty())
      attrs.push_back("label=" + quote(label));
    if (e->in_cycle) attrs.push_back("color=red");
    out += "  " + quote(e->from) + " -> " + quote(e->to) + attributes(attrs) + ";\n";
  }
  return out + "}\n";
}

}  // namespace lockgraph::detail
