//===- Finding.h - One diagnostic produced by a check ---------------------===//
//
// The unit every check emits and every emitter (text, JSON, SARIF) consumes.
// Findings are plain data so that they can be sorted, deduplicated, compared
// against a baseline and written in any format without knowing the analysis.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_REPORT_FINDING_H
#define LOCKGRAPH_REPORT_FINDING_H

#include "model/SourcePos.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lockgraph {

enum class Severity : uint8_t { Note, Warning, Error };

const char *severityName(Severity S);
/// Parses "error" / "warning" / "note"; returns false on anything else.
bool parseSeverity(const std::string &Text, Severity &Out);

struct FindingNote {
  SourcePos Pos;
  std::string Message;
};

struct Finding {
  std::string Check; ///< Stable check name, e.g. "self-deadlock".
  Severity Level = Severity::Warning;
  SourcePos Pos;
  std::string Message;              ///< clang style: lower case, no period.
  std::vector<std::string> Locks;   ///< Canonical lock names, e.g. "Account::mu_".
  std::vector<std::string> Threads; ///< Thread entry names involved, if any.
  std::vector<FindingNote> Notes;
  std::string Function; ///< Enclosing function of Pos (for fingerprints).
  std::string Fingerprint; ///< Filled by computeFingerprints().
};

/// Total order used for output: file, line, column, check, message, notes.
bool findingLess(const Finding &A, const Finding &B);

/// Sorts and removes exact duplicates (same check, position, message, notes).
void sortAndUnique(std::vector<Finding> &Findings);

} // namespace lockgraph

#endif
