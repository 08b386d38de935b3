//===- ThreadNotJoinedCheck.h - A std::thread destroyed while joinable ----===//
#ifndef LOCKGRAPH_CHECKS_THREADNOTJOINEDCHECK_H
#define LOCKGRAPH_CHECKS_THREADNOTJOINEDCHECK_H

#include "checks/Check.h"

namespace lockgraph {

/// A std::thread that may be destroyed or reassigned while joinable.
class ThreadNotJoinedCheck : public Check {
public:
  explicit ThreadNotJoinedCheck(std::vector<Finding> &Sink)
      : Check("thread-not-joined", Sink) {}
  void handleThreadNotJoined(const FunctionFacts &F, const JoinableFact &Thread,
                             const SourcePos &Where, bool Reassigned) override;
};

} // namespace lockgraph

#endif
