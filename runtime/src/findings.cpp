// Order, fingerprints and text of findings; see findings.hpp.
#include "findings.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <tuple>

#include <unistd.h>

namespace lockgraph::detail {
namespace {

constexpr std::uint64_t fnv_offset_basis = 0xcbf29ce484222325ULL;
constexpr std::uint64_t fnv_prime = 0x100000001b3ULL;

// 64-bit FNV-1a fed field by field, byte-compatible with the checker's.
class fnv1a {
 public:
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
      hash_ ^= p[i];
      hash_ *= fnv_prime;
    }
  }
  void number(std::uint64_t value) {  // little-endian: host-independent
    for (int i = 0; i < 8; ++i) {
      const auto byte = static_cast<unsigned char>(value >> (8 * i));
      bytes(&byte, 1);
    }
  }
  void field(std::string_view text) {  // length first: ("ab","c") != ("a","bc")
    number(text.size());
    bytes(text.data(), text.size());
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = fnv_offset_basis;
};

std::string trim(std::string_view text) {
  const char* blank = " \t\r\n\v\f";
  const auto begin = text.find_first_not_of(blank);
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(blank);
  return std::string(text.substr(begin, end - begin + 1));
}

// Lines of the files findings point at, read once per report.
class source_lines {
 public:
  std::string line(const std::string& file, unsigned number) {
    if (file.empty() || number == 0) return {};
    auto [it, inserted] = files_.try_emplace(file);
    if (inserted) {
      std::ifstream in(file);
      for (std::string text; std::getline(in, text);) it->second.push_back(std::move(text));
    }
    return number <= it->second.size() ? it->second[number - 1] : std::string();
  }

 private:
  std::map<std::string, std::vector<std::string>> files_;
};

auto note_key(const note& n) { return std::tie(n.file, n.line, n.column, n.message); }

bool notes_less(const std::vector<note>& a, const std::vector<note>& b) {
  return std::lexicographical_compare(
      a.begin(), a.end(), b.begin(), b.end(),
      [](const note& x, const note& y) { return note_key(x) < note_key(y); });
}

std::string position(const std::string& file, unsigned line, unsigned column) {
  if (file.empty()) return "lockgraph";
  std::string out = file;
  if (line) {
    out += ':' + std::to_string(line);
    if (column) out += ':' + std::to_string(column);
  }
  return out;
}

}  // namespace

std::string report_path_of(std::string_view file) {
  if (file.empty() || file.front() != '/') return std::string(file);
  char buffer[4096];
  if (!::getcwd(buffer, sizeof buffer)) return std::string(file);
  std::string_view cwd(buffer);
  if (cwd != "/" && file.size() > cwd.size() + 1 && file.substr(0, cwd.size()) == cwd &&
      file[cwd.size()] == '/')
    return std::string(file.substr(cwd.size() + 1));
  return std::string(file);
}

std::string quoted(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);
  out += '\'';
  out += name;
  out += '\'';
  return out;
}

void sort_findings(std::vector<finding>& findings) {
  std::sort(findings.begin(), findings.end(), [](const finding& a, const finding& b) {
    auto key = [](const finding& f) {
      return std::tie(f.file, f.line, f.column, f.check, f.message);
    };
    if (key(a) != key(b)) return key(a) < key(b);
    return notes_less(a.notes, b.notes);
  });
}

void fingerprint_findings(std::vector<finding>& findings) {
  source_lines sources;
  std::map<std::uint64_t, std::uint64_t> occurrences;
  for (finding& f : findings) {
    fnv1a key;
    key.field(f.check);
    key.field(f.file);
    key.field("");  // the enclosing function: unknown at run time
    key.number(f.locks.size());
    for (const std::string& lock : f.locks) key.field(lock);
    key.field(f.message);
    key.field(trim(sources.line(f.file, f.line)));

    fnv1a final_hash;
    final_hash.number(key.value());
    final_hash.number(occurrences[key.value()]++);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(final_hash.value()));
    f.fingerprint = hex;
  }
}

std::string format_text(const finding& f) {
  std::string out = position(f.file, f.line, f.column) + ": " + f.severity + ": " + f.message +
                    " [" + f.check + "]\n";
  for (const note& n : f.notes)
    out += position(n.file, n.line, n.column) + ": note: " + n.message + "\n";
  return out;
}

}  // namespace lockgraph::detail
