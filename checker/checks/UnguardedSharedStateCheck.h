//===- UnguardedSharedStateCheck.h - Accesses that may race ---------------===//
#ifndef LOCKGRAPH_CHECKS_UNGUARDEDSHAREDSTATECHECK_H
#define LOCKGRAPH_CHECKS_UNGUARDEDSHAREDSTATECHECK_H

#include "checks/Check.h"

#include <set>
#include <tuple>

namespace lockgraph {

/// Two accesses to one location from code that may run at the same time,
/// at least one a write, with no lock held at both; or a location whose
/// GUARDED_BY annotation names a lock not held at the access.
class UnguardedSharedStateCheck : public Check {
public:
  explicit UnguardedSharedStateCheck(std::vector<Finding> &Sink)
      : Check("unguarded-shared-state", Sink) {}
  void handleRace(const RaceFinding &Race) override;

private:
  std::set<std::tuple<std::string, SourcePos, SourcePos>> Seen;
};

} // namespace lockgraph

#endif
