//===- Emitters.h - Writing and reading reports in every output format ----===//
//
// text (clang style), JSON (docs/formats/findings.schema.json), SARIF 2.1.0
// and Graphviz DOT. Emitters only format: findings arrive sorted and final.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_REPORT_EMITTERS_H
#define LOCKGRAPH_REPORT_EMITTERS_H

#include "report/Report.h"

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace lockgraph {

/// Static description of a check, used for SARIF rules and `--list-checks`.
struct RuleInfo {
  std::string Id;          ///< Check name.
  std::string Summary;     ///< One line: what it finds.
  std::string Help;        ///< A paragraph: why it matters and how to fix.
  Severity DefaultLevel = Severity::Warning;
  /// The check's documentation page (docs/checks/<id>.md), shown by code
  /// scanning as the rule's help; empty for checks without a page.
  std::string HelpMarkdown;
};

/// Reads source lines for caret output and suppression comments; caches
/// files. A missing file yields empty lines, never an error.
class SourceCache {
public:
  /// Returns line \p Line (1-based) of \p File without its newline.
  const std::string &line(const std::string &File, unsigned Line);

  /// Like line(), but null when the file or the line does not exist, so that
  /// an empty line can be told from a missing one.
  const std::string *tryLine(const std::string &File, unsigned Line);

private:
  std::map<std::string, std::vector<std::string>> Files;
};

/// \p File relative to the directory \p BaseDir (absolute) when it lies
/// below it, as a '/'-separated path; empty otherwise. Relative files count as
/// relative to \p BaseDir. Compared lexically: symlinks are not resolved.
std::string pathBelow(const std::string &File, const std::string &BaseDir);

/// The current directory, or empty when it cannot be determined.
std::string currentDir();

/// clang-style text: "file:line:col: error: message [check]", the source
/// line with a caret, then each note the same way; then a summary line
/// ("2 errors and 1 warning generated." style) when \p Summary is set.
void writeText(std::ostream &OS, const Report &R, SourceCache &Sources,
               bool Summary = true);

/// The JSON report of DESIGN.md section 5, two-space indented, keys in a
/// fixed order, ending with a newline.
void writeJson(std::ostream &OS, const Report &R);

/// Parses a JSON report written by writeJson (static or runtime). On failure
/// returns false and sets \p Error to "<path>: <reason>".
bool readJsonReport(const std::string &Path, Report &Out, std::string &Error);

/// SARIF 2.1.0 log with one run; rule ids are check names; rule help comes
/// from \p Rules; locations are relative to the current directory when the
/// file lies below it (uriBaseId "%SRCROOT%").
void writeSarif(std::ostream &OS, const Report &R,
                const std::vector<RuleInfo> &Rules);

/// Graphviz DOT: locks as nodes, edges labelled with their first witness
/// site, edges and nodes of reported cycles in red.
void writeDot(std::ostream &OS, const LockGraphData &G);

/// Sets Finding::Fingerprint: a hash of the check, file, enclosing function,
/// lock names, message and the trimmed text of the primary source line (not
/// its number), plus an occurrence index among identical keys, so that it
/// survives unrelated edits that shift lines.
void computeFingerprints(std::vector<Finding> &Findings, SourceCache &Sources);

/// Removes every finding whose fingerprint occurs in \p Baseline.
void applyBaseline(std::vector<Finding> &Findings, const Report &Baseline);

/// True when the primary line or the line before carries
/// `// lockgraph: ignore[check]` (or `ignore` with no list, or a list with
/// the check's name), or `NOLINT(lockgraph-check)` / `NOLINT(lockgraph-*)`
/// on the line, or `NOLINTNEXTLINE(...)` on the line before.
bool isSuppressed(const Finding &F, SourceCache &Sources);

} // namespace lockgraph

#endif
