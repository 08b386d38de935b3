//===- LockOrderInversionCheck.cpp - Cycles in the lock-order graph -------===//
#include "checks/LockOrderInversionCheck.h"

#include "analysis/LockOrderGraph.h"

namespace lockgraph {

void LockOrderInversionCheck::handleLockCycle(const LockCycle &Cycle) {
  if (Cycle.Edges.empty() || Cycle.Edges.back()->Witnesses.empty())
    return;
  const OrderEdge &Closing = *Cycle.Edges.back();
  const OrderWitness &W = Closing.Witnesses.front();
  // Short names, unless two different locks of the cycle read the same.
  bool Clash = false;
  for (const OrderEdge *A : Cycle.Edges)
    for (const OrderEdge *B : Cycle.Edges) {
      const LockRef &X = A->Witnesses.front().To;
      const LockRef &Y = B->Witnesses.front().To;
      Clash = Clash || (X.shortName() == Y.shortName() &&
                        X.className() != Y.className());
    }
  auto Name = [&](const LockRef &L) {
    return quoted(Clash ? L.displayName() : L.shortName());
  };
  std::string To = Name(W.To);
  std::string From = Name(W.From);
  std::string Message;
  if (Cycle.Edges.size() == 1) {
    // Two instances of one class, e.g. from.mu_ then to.mu_.
    auto Spelled = [](const LockRef &L) {
      std::string S = L.Spelling.empty() ? L.shortName() : L.Spelling;
      // pthread_mutex_lock(&to->lock) spells the address.
      if (!S.empty() && S.front() == '&')
        S.erase(S.begin());
      return S;
    };
    Message = "acquiring " + quoted(Spelled(W.To)) + " while holding " +
              quoted(Spelled(W.From)) +
              ", another lock of the same kind: a call with the two objects "
              "swapped can deadlock";
  } else if (Cycle.Edges.size() == 2) {
    Message = "acquiring mutex " + To + " while holding " + From +
              " inverts the lock order: elsewhere " + From +
              " is acquired while holding " + To;
  } else {
    std::string Path;
    for (const OrderEdge *E : Cycle.Edges)
      Path += E->From + " -> ";
    Path += Cycle.Edges.front()->From;
    Message = "acquiring mutex " + To + " while holding " + From +
              " closes a lock-order cycle: " + Path;
  }
  Finding &Out = report(Severity::Warning, W.Site, Message, W.Function);
  for (const OrderEdge *E : Cycle.Edges)
    Out.Locks.push_back(E->From);
  // The closing edge's own path, then every other edge of the cycle.
  auto AcquiredNote = [&](const LockRef &L, const SourcePos &Site,
                          const CallChain &Chain) {
    addChainNotes(Out, Chain);
    addNote(Out, Site, Name(L) + " acquired here");
  };
  addChainNotes(Out, W.Chain);
  AcquiredNote(W.From, W.FromSite, W.FromChain);
  for (size_t I = 0; I + 1 < Cycle.Edges.size(); ++I) {
    const OrderWitness &E = Cycle.Edges[I]->Witnesses.front();
    addChainNotes(Out, E.Chain);
    addNote(Out, E.Site,
            Name(E.To) + " acquired here while holding " + Name(E.From));
    AcquiredNote(E.From, E.FromSite, E.FromChain);
  }
}

} // namespace lockgraph
