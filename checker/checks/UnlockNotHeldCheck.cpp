//===- UnlockNotHeldCheck.cpp - Releasing a lock the thread does not hold -===//
#include "checks/UnlockNotHeldCheck.h"

namespace lockgraph {

void UnlockNotHeldCheck::handleDoubleRelease(const FunctionFacts &F,
                                             const LockRef &Lock,
                                             const SourcePos &Site,
                                             const CallChain &Chain,
                                             const ReleaseFact &Previous) {
  Finding &Out =
      report(Severity::Error, Site,
             "releasing mutex " + quoted(Lock.shortName()) + " that is not held",
             F.Name);
  Out.Locks.push_back(Lock.displayName());
  addAcquiredNote(Out, Previous.Lock, Previous.Site, Previous.Chain,
                  "already released");
  addChainNotes(Out, Chain);
}

void UnlockNotHeldCheck::handleReleaseInThread(const FunctionFacts &F,
                                               const ThreadRoot &Root,
                                               const SummaryRelease &Release) {
  bool IsMain = !Root.Spawn.valid();
  std::string Who = IsMain ? "the main thread" : "this thread";
  Finding &Out = report(
      Release.Must ? Severity::Error : Severity::Warning, Release.Site,
      "releasing mutex " + quoted(Release.Lock.shortName()) + " that " + Who +
          (Release.Must ? " does not hold" : " may not hold"),
      F.Name);
  Out.Locks.push_back(Release.Lock.displayName());
  Out.Threads.push_back(Root.Name);
  if (!IsMain)
    addNote(Out, Root.Spawn,
            "thread running " + quoted(Root.Name) + " started here");
  addChainNotes(Out, Release.Chain);
}

} // namespace lockgraph
