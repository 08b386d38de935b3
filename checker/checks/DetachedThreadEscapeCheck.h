//===- DetachedThreadEscapeCheck.h - Detached threads using locals --------===//
#ifndef LOCKGRAPH_CHECKS_DETACHEDTHREADESCAPECHECK_H
#define LOCKGRAPH_CHECKS_DETACHEDTHREADESCAPECHECK_H

#include "checks/Check.h"

namespace lockgraph {

/// A detached thread referring to locals of the frame that started it.
class DetachedThreadEscapeCheck : public Check {
public:
  explicit DetachedThreadEscapeCheck(std::vector<Finding> &Sink)
      : Check("detached-thread-escape", Sink) {}
  void handleDetachedEscape(const FunctionFacts &F, const SourcePos &Spawn,
                            const std::string &Entry, const LockRef &Local,
                            const SourcePos &Use) override;
};

} // namespace lockgraph

#endif
