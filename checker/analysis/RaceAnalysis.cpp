//===- RaceAnalysis.cpp - Pairs of accesses that may run at the same time -===//
#include "analysis/RaceAnalysis.h"

#include <algorithm>
#include <map>

namespace lockgraph {

bool haveCommonLock(const std::vector<LockRef> &A,
                    const std::vector<LockRef> &B) {
  for (const LockRef &X : A)
    for (const LockRef &Y : B) {
      if (X.key() == Y.key())
        return true;
      // `a->mu` against `mu_` through an unknown pointer: the same class of
      // lock is taken as protection (a false alarm costs more than a miss).
      if ((!X.isPrecise() || !Y.isPrecise()) && !X.className().empty() &&
          X.className() == Y.className())
        return true;
    }
  return false;
}

bool visibleToCallers(const LockRef &Loc, const std::string &LocalOwner) {
  switch (Loc.Root) {
  case RootKind::Global:
  case RootKind::This:
  case RootKind::Param:
    return true;
  case RootKind::Local:
    return Loc.localOwner() != LocalOwner;
  case RootKind::Unknown:
    return false;
  }
  return false;
}

namespace {

struct Side {
  const SummaryAccess *A;
  int Context; ///< -1: the function's own thread; else an instance.
  const std::vector<int> *Running; ///< Own accesses only.
};

bool contains(const std::vector<int> &V, int X) {
  return std::find(V.begin(), V.end(), X) != V.end();
}

} // namespace

void reportRaces(const std::string &Self, const std::string &FrameUsr,
                 const std::vector<OwnAccess> &Own,
                 const std::vector<ThreadInstance> &Threads,
                 AnalysisHandler &Handler) {
  if (Threads.empty())
    return;
  std::map<std::string, std::vector<Side>> ByLocation;
  for (const OwnAccess &O : Own)
    if (!O.Running.empty())
      ByLocation[O.A.Loc.key()].push_back({&O.A, -1, &O.Running});
  for (size_t I = 0; I < Threads.size(); ++I)
    for (const SummaryAccess &A : Threads[I].Accesses)
      ByLocation[A.Loc.key()].push_back({&A, int(I), nullptr});

  auto Parallel = [&](const Side &X, const Side &Y) {
    if (X.Context < 0 && Y.Context < 0)
      return false;
    if (X.Context < 0)
      return contains(*X.Running, Y.Context);
    if (Y.Context < 0)
      return contains(*Y.Running, X.Context);
    if (X.Context == Y.Context)
      return Threads[X.Context].Multi;
    return contains(Threads[Y.Context].RunningAtStart, X.Context) ||
           contains(Threads[X.Context].RunningAtStart, Y.Context);
  };
  auto Witness = [&](const Side &S) {
    AccessWitness W;
    W.Loc = S.A->Loc;
    W.Write = S.A->Write;
    W.Site = S.A->Site;
    W.Chain = S.A->Chain;
    W.Held = S.A->Held;
    if (S.Context < 0) {
      W.Thread = Self;
      W.OwnThread = true;
    } else {
      const ThreadInstance &T = Threads[S.Context];
      W.Thread = T.Entry;
      W.ThreadStart = T.Spawn;
    }
    return W;
  };

  for (const auto &[Key, Sides] : ByLocation) {
    // Pairs of two sites first, then a site racing with itself.
    std::vector<std::pair<size_t, size_t>> Pairs;
    for (size_t I = 0; I < Sides.size(); ++I)
      for (size_t J = I + 1; J < Sides.size(); ++J)
        Pairs.push_back({I, J});
    for (size_t I = 0; I < Sides.size(); ++I)
      Pairs.push_back({I, I});
    for (const auto &[I, J] : Pairs) {
      {
        const Side &X = Sides[I], &Y = Sides[J];
        if (!X.A->Write && !Y.A->Write)
          continue;
        if (I == J && (X.Context < 0 || !X.A->Write))
          continue;
        if (!Parallel(X, Y) || haveCommonLock(X.A->Held, Y.A->Held))
          continue;
        RaceFinding R;
        R.Kind = RaceFinding::Threads;
        R.Function = FrameUsr;
        // Report at the write; between two writes, at the less guarded,
        // then the earlier one.
        bool XFirst = X.A->Write && (!Y.A->Write ||
                                     X.A->Held.size() < Y.A->Held.size() ||
                                     (X.A->Held.size() == Y.A->Held.size() &&
                                      !(Y.A->Site < X.A->Site)));
        R.First = Witness(XFirst ? X : Y);
        R.Second = Witness(XFirst ? Y : X);
        Handler.handleRace(R);
      }
    }
  }
}

} // namespace lockgraph
