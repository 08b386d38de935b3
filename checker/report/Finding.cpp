//===- Finding.cpp - Severity names and the output order of findings ------===//

#include "report/Finding.h"

#include <algorithm>
#include <cassert>
#include <tuple>

namespace lockgraph {

const char *severityName(Severity S) {
  switch (S) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  assert(false && "unknown Severity value");
  return "warning";
}

bool parseSeverity(const std::string &Text, Severity &Out) {
  for (Severity S : {Severity::Note, Severity::Warning, Severity::Error}) {
    if (Text == severityName(S)) {
      Out = S;
      return true;
    }
  }
  return false;
}

static bool noteLess(const FindingNote &A, const FindingNote &B) {
  return std::tie(A.Pos, A.Message) < std::tie(B.Pos, B.Message);
}

static bool notesLess(const std::vector<FindingNote> &A,
                      const std::vector<FindingNote> &B) {
  return std::lexicographical_compare(A.begin(), A.end(), B.begin(), B.end(),
                                      noteLess);
}

static bool notesEqual(const std::vector<FindingNote> &A,
                       const std::vector<FindingNote> &B) {
  return std::equal(A.begin(), A.end(), B.begin(), B.end(),
                    [](const FindingNote &X, const FindingNote &Y) {
                      return X.Pos == Y.Pos && X.Message == Y.Message;
                    });
}

bool findingLess(const Finding &A, const Finding &B) {
  if (!(A.Pos == B.Pos))
    return A.Pos < B.Pos;
  if (A.Check != B.Check)
    return A.Check < B.Check;
  if (A.Message != B.Message)
    return A.Message < B.Message;
  if (notesLess(A.Notes, B.Notes))
    return true;
  if (notesLess(B.Notes, A.Notes))
    return false;
  // The remaining fields only break ties, so that the order (and which of
  // two duplicates sortAndUnique keeps) never depends on the input order.
  return std::tie(A.Level, A.Locks, A.Threads, A.Function, A.Fingerprint) <
         std::tie(B.Level, B.Locks, B.Threads, B.Function, B.Fingerprint);
}

void sortAndUnique(std::vector<Finding> &Findings) {
  std::sort(Findings.begin(), Findings.end(), findingLess);
  auto SameFinding = [](const Finding &A, const Finding &B) {
    return A.Check == B.Check && A.Pos == B.Pos && A.Message == B.Message &&
           notesEqual(A.Notes, B.Notes);
  };
  Findings.erase(std::unique(Findings.begin(), Findings.end(), SameFinding),
                 Findings.end());
}

} // namespace lockgraph
