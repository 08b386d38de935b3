//===- LockOrderInversionCheck.cpp - Cycles in the lock-order graph -------===//
#include "checks/LockOrderInversionCheck.h"

#include "analysis/LockOrderGraph.h"

namespace lockgraph {

void LockOrderInversionCheck::handleLockCycle(const LockCycle &Cycle) {
  if (Cycle.Edges.empty() || Cycle.Edges.back()->Witnesses.empty())
    return;
  const OrderEdge &Closing = *Cycle.Edges.back();
  const OrderWitness &W = Closing.Witnesses.front();
  std::string To = quoted(W.To.shortName());
  std::string From = quoted(W.From.shortName());
  std::string Message;
  if (Cycle.Edges.size() == 1) {
    // Two instances of one class, e.g. from.mu_ then to.mu_.
    auto Spelled = [](const LockRef &L) {
      return L.Spelling.empty() ? L.shortName() : L.Spelling;
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
  addChainNotes(Out, W.Chain);
  addAcquiredNote(Out, W.From, W.FromSite, W.FromChain, "acquired");
  for (size_t I = 0; I + 1 < Cycle.Edges.size(); ++I) {
    const OrderWitness &E = Cycle.Edges[I]->Witnesses.front();
    addNote(Out, E.Site,
            quoted(E.To.shortName()) + " acquired here while holding " +
                quoted(E.From.shortName()));
    addChainNotes(Out, E.Chain);
    addAcquiredNote(Out, E.From, E.FromSite, E.FromChain, "acquired");
  }
}

} // namespace lockgraph
