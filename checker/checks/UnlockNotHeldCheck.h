//===- UnlockNotHeldCheck.h - Releasing a lock the thread does not hold ---===//
#ifndef LOCKGRAPH_CHECKS_UNLOCKNOTHELDCHECK_H
#define LOCKGRAPH_CHECKS_UNLOCKNOTHELDCHECK_H

#include "checks/Check.h"

namespace lockgraph {

/// Flags a release of a lock already released on every path (a double
/// unlock), and a release, reached from a thread entry or main, of a lock
/// that thread never acquired (undefined behaviour for std::mutex and
/// error-checking pthread mutexes; the notebook's pipeline does it).
class UnlockNotHeldCheck : public Check {
public:
  explicit UnlockNotHeldCheck(std::vector<Finding> &Sink)
      : Check("unlock-not-held", Sink) {}
  void handleDoubleRelease(const FunctionFacts &F, const LockRef &Lock,
                           const SourcePos &Site, const CallChain &Chain,
                           const ReleaseFact &Previous) override;
  void handleReleaseMaybeNotHeld(const FunctionFacts &F, const LockRef &Lock,
                                 const SourcePos &Site, const CallChain &Chain,
                                 const HeldFact &Held,
                                 const ThreadRoot *Root) override;
  void handleReleaseInThread(const FunctionFacts &F, const ThreadRoot &Root,
                             const SummaryRelease &Release) override;
};

} // namespace lockgraph

#endif
