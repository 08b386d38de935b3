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

void UnlockNotHeldCheck::handleReleaseMaybeNotHeld(const FunctionFacts &F,
                                                   const LockRef &Lock,
                                                   const SourcePos &Site,
                                                   const CallChain &Chain,
                                                   const HeldFact &Held,
                                                   const ThreadRoot *Root) {
  std::string Whom = !Root                ? "that may not be held"
                     : Root->Spawn.valid() ? "that this thread may not hold"
                                           : "that the main thread may not hold";
  Finding &Out = report(Severity::Warning, Site,
                        "releasing mutex " + quoted(Lock.shortName()) + " " +
                            Whom,
                        F.Name);
  Out.Locks.push_back(Lock.displayName());
  if (Root) {
    Out.Threads.push_back(Root->Name);
    if (Root->Spawn.valid())
      addNote(Out, Root->Spawn,
              "thread running " + quoted(Root->Name) + " started here");
  }
  addAcquiredNote(Out, Held.Lock, Held.Site, Held.Chain,
                  "acquired only on some paths");
  addChainNotes(Out, Chain);
}

void UnlockNotHeldCheck::handleReleaseInThread(const FunctionFacts &F,
                                               const ThreadRoot &Root,
                                               const SummaryRelease &Release) {
  bool IsMain = !Root.Spawn.valid();
  std::string Who = IsMain ? "the main thread" : "this thread";
  // The thread holds the lock on no path to this release: whether the
  // release always runs does not matter.
  Finding &Out = report(Severity::Error, Release.Site,
                        "releasing mutex " + quoted(Release.Lock.shortName()) +
                            " that " + Who + " does not hold",
                        F.Name);
  Out.Locks.push_back(Release.Lock.displayName());
  Out.Threads.push_back(Root.Name);
  if (!IsMain)
    addNote(Out, Root.Spawn,
            "thread running " + quoted(Root.Name) + " started here");
  addChainNotes(Out, Release.Chain);
}

} // namespace lockgraph
