//===- SelfDeadlockCheck.h - A thread acquiring a lock it already holds ---===//
#ifndef LOCKGRAPH_CHECKS_SELFDEADLOCKCHECK_H
#define LOCKGRAPH_CHECKS_SELFDEADLOCKCHECK_H

#include "checks/Check.h"

namespace lockgraph {

/// Flags a blocking acquisition of a non-recursive lock that the acquiring
/// thread already holds, directly or through calls. Error when the lock is
/// held on every path, warning when on some.
class SelfDeadlockCheck : public Check {
public:
  explicit SelfDeadlockCheck(std::vector<Finding> &Sink)
      : Check("self-deadlock", Sink) {}
  void handleDoubleAcquire(const FunctionFacts &F, const HeldFact &First,
                           const LockRef &Lock, const SourcePos &Site,
                           const CallChain &Chain, bool Must) override;
};

} // namespace lockgraph

#endif
