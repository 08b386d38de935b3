//===- LockOrderInversionCheck.h - Cycles in the lock-order graph ---------===//
#ifndef LOCKGRAPH_CHECKS_LOCKORDERINVERSIONCHECK_H
#define LOCKGRAPH_CHECKS_LOCKORDERINVERSIONCHECK_H

#include "checks/Check.h"

namespace lockgraph {

/// Flags each cycle of the lock-order graph once, at the acquisition that
/// closes it, with every edge's witness as notes. Cycles guarded by a
/// common lock, and locks taken together by std::lock / std::scoped_lock,
/// are not reported.
class LockOrderInversionCheck : public Check {
public:
  explicit LockOrderInversionCheck(std::vector<Finding> &Sink)
      : Check("lock-order-inversion", Sink) {}
  void handleLockCycle(const LockCycle &Cycle) override;
};

} // namespace lockgraph

#endif
