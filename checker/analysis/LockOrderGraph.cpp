//===- LockOrderGraph.cpp - Which lock is taken while which is held -------===//
#include "analysis/LockOrderGraph.h"

#include <algorithm>
#include <functional>

namespace lockgraph {

namespace {
constexpr size_t MaxWitnesses = 8;
constexpr size_t MaxCycleLength = 6;
constexpr size_t MaxCycles = 200;

bool witnessLess(const OrderWitness &A, const OrderWitness &B) {
  if (A.Chain.size() != B.Chain.size())
    return A.Chain.size() < B.Chain.size();
  if (!(A.Site == B.Site))
    return A.Site < B.Site;
  if (!(A.FromSite == B.FromSite))
    return A.FromSite < B.FromSite;
  return A.Function < B.Function;
}
} // namespace

void LockOrderGraph::addNode(const std::string &Name, LockKind Kind) {
  auto [It, New] = Nodes.emplace(Name, Kind);
  if (!New && It->second == LockKind::Unknown)
    It->second = Kind;
}

void LockOrderGraph::addWitness(OrderWitness W) {
  std::string From = W.From.className(), To = W.To.className();
  OrderEdge &E = Edges[{From, To}];
  E.From = From;
  E.To = To;
  // Keep every distinct gate pattern's evidence, but bound the count: the
  // gate of an edge is what all of its witnesses hold.
  for (OrderWitness &Old : E.Witnesses)
    if (Old.Site == W.Site && Old.FromSite == W.FromSite &&
        Old.Function == W.Function) {
      std::set<std::string> Common;
      std::set_intersection(Old.Gates.begin(), Old.Gates.end(),
                            W.Gates.begin(), W.Gates.end(),
                            std::inserter(Common, Common.begin()));
      Old.Gates = std::move(Common);
      return;
    }
  E.Witnesses.push_back(std::move(W));
  std::sort(E.Witnesses.begin(), E.Witnesses.end(), witnessLess);
  if (E.Witnesses.size() > MaxWitnesses) {
    // Dropping a witness must not invent a gate: fold its gates in.
    OrderWitness &Last = E.Witnesses.back();
    OrderWitness &Keep = E.Witnesses[MaxWitnesses - 1];
    std::set<std::string> Common;
    std::set_intersection(Last.Gates.begin(), Last.Gates.end(),
                          Keep.Gates.begin(), Keep.Gates.end(),
                          std::inserter(Common, Common.begin()));
    Keep.Gates = std::move(Common);
    E.Witnesses.pop_back();
  }
}

void LockOrderGraph::addEntryGates(
    const std::map<std::string, std::set<std::string>> &ByUsr) {
  for (auto &[Key, E] : Edges)
    for (OrderWitness &W : E.Witnesses) {
      auto It = ByUsr.find(W.FunctionUsr);
      if (It == ByUsr.end())
        continue;
      for (const std::string &Entry : It->second) {
        std::string G = Entry.substr(2);
        bool Member = Entry.rfind("T:", 0) == 0;
        // A member gate guards only edges between that object's locks.
        if (Member && (W.From.Root != RootKind::This ||
                       W.To.Root != RootKind::This))
          continue;
        if (G != E.From && G != E.To)
          W.Gates.insert(G);
      }
    }
}

static std::set<std::string> edgeGates(const OrderEdge &E) {
  std::set<std::string> Common;
  bool First = true;
  for (const OrderWitness &W : E.Witnesses) {
    if (First) {
      Common = W.Gates;
      First = false;
      continue;
    }
    std::set<std::string> Next;
    std::set_intersection(Common.begin(), Common.end(), W.Gates.begin(),
                          W.Gates.end(), std::inserter(Next, Next.begin()));
    Common = std::move(Next);
  }
  return Common;
}

std::vector<LockCycle> LockOrderGraph::cycles() const {
  std::map<std::string, std::vector<const OrderEdge *>> Out;
  for (const auto &[Key, E] : Edges)
    Out[E.From].push_back(&E);

  std::vector<LockCycle> Result;
  auto Gated = [](const std::vector<const OrderEdge *> &Path) {
    std::set<std::string> Common = edgeGates(*Path.front());
    for (size_t I = 1; I < Path.size() && !Common.empty(); ++I) {
      std::set<std::string> G = edgeGates(*Path[I]), Next;
      std::set_intersection(Common.begin(), Common.end(), G.begin(), G.end(),
                            std::inserter(Next, Next.begin()));
      Common = std::move(Next);
    }
    return !Common.empty();
  };

  // Two-lock cycles first, all of them: they are the common inversion and
  // must not be crowded out by the bound on longer cycles.
  for (const auto &[Key, E] : Edges) {
    if (E.From > E.To)
      continue;
    if (E.From == E.To) {
      std::vector<const OrderEdge *> Self{&E};
      if (!Gated(Self))
        Result.push_back(LockCycle{Self});
      continue;
    }
    auto Back = Edges.find({E.To, E.From});
    if (Back == Edges.end())
      continue;
    std::vector<const OrderEdge *> Pair{&E, &Back->second};
    if (!Gated(Pair))
      Result.push_back(LockCycle{Pair});
  }
  size_t Short = Result.size();
  // Longer cycles: each elementary cycle is enumerated once, from its
  // smallest node (the search from Start only visits greater nodes).
  for (const auto &[Start, Kind] : Nodes) {
    std::vector<const OrderEdge *> Path;
    std::set<std::string> OnPath{Start};
    std::function<void(const std::string &)> Visit =
        [&](const std::string &Node) {
          if (Result.size() - Short >= MaxCycles ||
              Path.size() >= MaxCycleLength)
            return;
          auto It = Out.find(Node);
          if (It == Out.end())
            return;
          for (const OrderEdge *E : It->second) {
            if (E->To == Start) {
              Path.push_back(E);
              if (Path.size() > 2 && !Gated(Path))
                Result.push_back(LockCycle{Path});
              Path.pop_back();
              continue;
            }
            if (E->To < Start || OnPath.count(E->To))
              continue;
            OnPath.insert(E->To);
            Path.push_back(E);
            Visit(E->To);
            Path.pop_back();
            OnPath.erase(E->To);
          }
        };
    Visit(Start);
  }
  // Long cycles through a dense component are mostly combinations of the
  // same few edges. Report the shortest first, then only cycles that share
  // no edge with one already reported: breaking the reported cycle's edge
  // breaks them too, and a rerun shows any that remain.
  std::stable_sort(Result.begin(), Result.end(),
                   [](const LockCycle &A, const LockCycle &B) {
                     return A.Edges.size() < B.Edges.size();
                   });
  std::set<const OrderEdge *> Covered;
  std::vector<LockCycle> Kept;
  for (LockCycle &C : Result) {
    bool Shared = false;
    for (const OrderEdge *E : C.Edges)
      Shared = Shared || Covered.count(E);
    if (Shared)
      continue;
    Covered.insert(C.Edges.begin(), C.Edges.end());
    Kept.push_back(std::move(C));
  }
  return Kept;
}

} // namespace lockgraph
