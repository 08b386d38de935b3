//===- Check.h - Base class of every check --------------------------------===//
//
// A check subscribes to the analysis events it cares about (it is an
// AnalysisHandler) and turns them into findings. The "[check-name]" suffix,
// severities and call-chain notes are formatted here, in one place.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_CHECKS_CHECK_H
#define LOCKGRAPH_CHECKS_CHECK_H

#include "analysis/AnalysisHandler.h"
#include "report/Finding.h"

#include <string>
#include <vector>

namespace lockgraph {

class Check : public AnalysisHandler {
public:
  Check(std::string Name, std::vector<Finding> &Sink)
      : Name(std::move(Name)), Sink(Sink) {}
  const std::string &name() const { return Name; }

protected:
  Finding &report(Severity Level, const SourcePos &Pos, std::string Message,
                  const std::string &Function);
  static void addNote(Finding &F, const SourcePos &Pos, std::string Message);
  /// One "via call to 'f'" note per call of \p Chain, outermost first.
  static void addChainNotes(Finding &F, const CallChain &Chain);
  /// "'mu_' <What> here" at the acquisition, then the calls leading to it
  /// (innermost last), so the reader can walk from the caller inward.
  static void addAcquiredNote(Finding &F, const LockRef &Lock,
                              const SourcePos &Site, const CallChain &Chain,
                              const std::string &What);

private:
  std::string Name;
  std::vector<Finding> &Sink;
};

/// Quotes a lock for messages: 'mu_'.
std::string quoted(const std::string &Name);

} // namespace lockgraph

#endif
