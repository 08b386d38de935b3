//===- BlockingUnderLockCheck.cpp - Waiting while holding a lock ----------===//
#include "checks/BlockingUnderLockCheck.h"

namespace lockgraph {

void BlockingUnderLockCheck::handleBlockingUnderLock(
    const FunctionFacts &F, const std::string &What, const SourcePos &Site,
    const CallChain &Chain, const HeldFact &Held, bool NeededByJoined) {
  if (!Seen.insert({Site, Held.Key}).second)
    return;
  std::string Lock = quoted(Held.Lock.shortName());
  Finding &Out =
      NeededByJoined
          ? report(Severity::Error, Site,
                   "'" + What + "' waits for a thread that acquires " + Lock +
                       " while " + Lock + " is held: deadlock",
                   F.Name)
          : report(Severity::Warning, Site,
                   "'" + What + "' may block while " + Lock +
                       " is held; other threads that need it wait as well",
                   F.Name);
  Out.Locks.push_back(Held.Lock.displayName());
  addChainNotes(Out, Chain);
  addAcquiredNote(Out, Held.Lock, Held.Site, Held.Chain, "acquired");
}

} // namespace lockgraph
