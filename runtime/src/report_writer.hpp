// The JSON report of DESIGN.md §5 (docs/formats/findings.schema.json).
#pragma once

#include "recorder.hpp"

#include <string>

namespace lockgraph::detail {

// The report as text: keys in the documented order, two-space indent, UTF-8
// (invalid bytes become U+FFFD), a final newline; byte-for-byte the same
// for the same data.
std::string report_json(const report_data& data);

// Writes `text` to `path` through a temporary file renamed over it, so a
// reader never sees half a report. On failure returns false and sets `error`.
bool write_text_file(const std::string& path, const std::string& text, std::string& error);

}  // namespace lockgraph::detail
