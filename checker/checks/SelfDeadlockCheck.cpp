//===- SelfDeadlockCheck.cpp - A thread acquiring a lock it already holds -===//
#include "checks/SelfDeadlockCheck.h"

namespace lockgraph {

void SelfDeadlockCheck::handleDoubleAcquire(const FunctionFacts &F,
                                            const HeldFact &First,
                                            const LockRef &Lock,
                                            const SourcePos &Site,
                                            const CallChain &Chain,
                                            bool Must) {
  std::string Name = quoted(Lock.shortName());
  Finding &Out = report(Must ? Severity::Error : Severity::Warning, Site,
                        "acquiring mutex " + Name +
                            (Must ? " that is already held"
                                  : " that may already be held"),
                        F.Name);
  Out.Locks.push_back(Lock.displayName());
  addAcquiredNote(Out, First.Lock, First.Site, First.Chain, "first acquired");
  addChainNotes(Out, Chain);
}

} // namespace lockgraph
