//===- LockLeakCheck.h - A lock still held when a function returns --------===//
#ifndef LOCKGRAPH_CHECKS_LOCKLEAKCHECK_H
#define LOCKGRAPH_CHECKS_LOCKLEAKCHECK_H

#include "checks/Check.h"

namespace lockgraph {

/// Flags a return on which a lock acquired in the function is still held
/// while other returns release it, and a thread entry (or main) that ends
/// holding a lock. A function that holds the lock on every return is an
/// acquire function (like a `lock()` member of a wrapper): its callers are
/// checked instead.
class LockLeakCheck : public Check {
public:
  explicit LockLeakCheck(std::vector<Finding> &Sink)
      : Check("lock-leak", Sink) {}
  void handleHeldAtReturn(const FunctionFacts &F, const HeldFact &Held,
                          const SourcePos &Return, bool OnEveryPath,
                          const ThreadRoot *Root) override;
  void handleHeldAtThrow(const FunctionFacts &F, const HeldFact &Held,
                         const SourcePos &Throw) override;
};

} // namespace lockgraph

#endif
