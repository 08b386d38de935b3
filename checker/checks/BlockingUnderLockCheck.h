//===- BlockingUnderLockCheck.h - Waiting while holding a lock ------------===//
#ifndef LOCKGRAPH_CHECKS_BLOCKINGUNDERLOCKCHECK_H
#define LOCKGRAPH_CHECKS_BLOCKINGUNDERLOCKCHECK_H

#include "checks/Check.h"

#include <set>
#include <tuple>

namespace lockgraph {

/// Sleeps, joins and other indefinite waits while holding a lock.
class BlockingUnderLockCheck : public Check {
public:
  explicit BlockingUnderLockCheck(std::vector<Finding> &Sink)
      : Check("blocking-under-lock", Sink) {}
  void handleBlockingUnderLock(const FunctionFacts &F, const std::string &What,
                               const SourcePos &Site, const CallChain &Chain,
                               const HeldFact &Held,
                               bool NeededByJoined) override;

private:
  std::set<std::pair<SourcePos, std::string>> Seen;
};

} // namespace lockgraph

#endif
