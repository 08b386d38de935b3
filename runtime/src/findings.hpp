// Findings as plain data: their order, identity (fingerprint), paths and the
// clang-style text printed on stderr. No recorder state here.
#pragma once

#include <lockgraph/report.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace lockgraph::detail {

// `file` relative to the current directory when it lies below it, as the
// static checker writes paths; otherwise unchanged.
std::string report_path_of(std::string_view file);

// 'name' — names in messages are quoted like clang's.
std::string quoted(std::string_view name);

// Sorts by (file, line, column, check, message, notes), the report order.
void sort_findings(std::vector<finding>& findings);

// 64-bit FNV-1a over check, file, locks, message and the trimmed text of the
// primary line (read from the file when it can be), then the occurrence
// index among equal keys: the same scheme as `lockgraph check`, so the line
// number is not part of it. Expects sorted findings.
void fingerprint_findings(std::vector<finding>& findings);

// file:line:col: error: message [check], then one line per note.
std::string format_text(const finding& f);

}  // namespace lockgraph::detail
