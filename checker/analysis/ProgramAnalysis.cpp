//===- ProgramAnalysis.cpp - All translation units analysed as one program ===//
#include "analysis/ProgramAnalysis.h"

#include "analysis/FunctionAnalysis.h"
#include "analysis/RaceAnalysis.h"

#include <algorithm>

namespace lockgraph {

void ProgramAnalysis::add(TranslationUnitFacts TU) {
  for (FunctionFacts &F : TU.Functions) {
    // The same inline function seen from two translation units has one
    // location; different definitions of one USR have different ones.
    std::string Key = F.Usr + "@" + F.Loc.File + ":" +
                      std::to_string(F.Loc.Line) + ":" +
                      std::to_string(F.Loc.Column);
    if (Functions.count(Key))
      continue;
    ByUsr[F.Usr].push_back(Key);
    TranslationUnitOf[Key] = TU.MainFile;
    F.Usr = Key;
    Functions.emplace(std::move(Key), std::move(F));
  }
  RecursiveClasses.insert(TU.RecursiveLocks.begin(), TU.RecursiveLocks.end());
}

void ProgramAnalysis::resolveCallees() {
  for (auto &[Key, F] : Functions) {
    const std::string &Unit = TranslationUnitOf[Key];
    for (Block &B : F.Blocks)
      for (Event &E : B.Events) {
        if (E.Kind != Event::Call && E.Kind != Event::Spawn)
          continue;
        auto It = ByUsr.find(E.Callee);
        if (It == ByUsr.end())
          continue; // No facts: an external or lock-free function.
        const std::vector<std::string> &Candidates = It->second;
        std::string Chosen = Candidates.front();
        if (Candidates.size() > 1)
          for (const std::string &C : Candidates)
            if (TranslationUnitOf[C] == Unit) {
              Chosen = C;
              break;
            }
        E.Callee = Chosen;
      }
  }
}

namespace {

/// Tarjan's algorithm, iterative; components come out callees first.
std::vector<std::vector<std::string>>
stronglyConnected(const std::map<std::string, std::vector<std::string>> &G) {
  std::map<std::string, int> Index, Low;
  std::set<std::string> OnStack;
  std::vector<std::string> Stack;
  std::vector<std::vector<std::string>> Result;
  int Next = 0;
  for (const auto &[Root, Unused] : G) {
    if (Index.count(Root))
      continue;
    std::vector<std::pair<std::string, size_t>> Work{{Root, 0}};
    Index[Root] = Low[Root] = Next++;
    Stack.push_back(Root);
    OnStack.insert(Root);
    while (!Work.empty()) {
      auto &[Node, I] = Work.back();
      const std::vector<std::string> &Succs = G.at(Node);
      if (I < Succs.size()) {
        const std::string &S = Succs[I++];
        if (!G.count(S))
          continue;
        if (!Index.count(S)) {
          Index[S] = Low[S] = Next++;
          Stack.push_back(S);
          OnStack.insert(S);
          Work.push_back({S, 0});
        } else if (OnStack.count(S)) {
          Low[Node] = std::min(Low[Node], Index[S]);
        }
        continue;
      }
      if (Low[Node] == Index[Node]) {
        std::vector<std::string> Component;
        std::string Member;
        do {
          Member = Stack.back();
          Stack.pop_back();
          OnStack.erase(Member);
          Component.push_back(Member);
        } while (Member != Node);
        std::sort(Component.begin(), Component.end());
        Result.push_back(std::move(Component));
      }
      std::string Done = Node;
      Work.pop_back();
      if (!Work.empty())
        Low[Work.back().first] = std::min(Low[Work.back().first], Low[Done]);
    }
  }
  return Result;
}

/// Forwards every event, except races found against the code of a function
/// that has callers: those wait until the locks every caller holds are
/// known, and are dropped when one of them protects the other access.
class RaceGate : public AnalysisHandler {
public:
  explicit RaceGate(AnalysisHandler &Next) : Next(Next) {}
  std::vector<RaceFinding> Pending;

  void handleDoubleAcquire(const FunctionFacts &F, const HeldFact &First,
                           const LockRef &Lock, const SourcePos &Site,
                           const CallChain &Chain, bool Must) override {
    Next.handleDoubleAcquire(F, First, Lock, Site, Chain, Must);
  }
  void handleDoubleRelease(const FunctionFacts &F, const LockRef &Lock,
                           const SourcePos &Site, const CallChain &Chain,
                           const ReleaseFact &Previous) override {
    Next.handleDoubleRelease(F, Lock, Site, Chain, Previous);
  }
  void handleReleaseMaybeNotHeld(const FunctionFacts &F, const LockRef &Lock,
                                 const SourcePos &Site, const CallChain &Chain,
                                 const HeldFact &Held,
                                 const ThreadRoot *Root) override {
    Next.handleReleaseMaybeNotHeld(F, Lock, Site, Chain, Held, Root);
  }
  void handleReleaseInThread(const FunctionFacts &F, const ThreadRoot &Root,
                             const SummaryRelease &Release) override {
    Next.handleReleaseInThread(F, Root, Release);
  }
  void handleHeldAtReturn(const FunctionFacts &F, const HeldFact &Held,
                          const SourcePos &Return, bool OnEveryPath,
                          const ThreadRoot *Root) override {
    Next.handleHeldAtReturn(F, Held, Return, OnEveryPath, Root);
  }
  void handleHeldAtThrow(const FunctionFacts &F, const HeldFact &Held,
                         const SourcePos &Throw) override {
    Next.handleHeldAtThrow(F, Held, Throw);
  }
  void handleLockCycle(const LockCycle &Cycle) override {
    Next.handleLockCycle(Cycle);
  }
  void handleRace(const RaceFinding &Race) override {
    if (Race.Kind == RaceFinding::Threads &&
        (Race.First.OwnThread || Race.Second.OwnThread))
      Pending.push_back(Race);
    else
      Next.handleRace(Race);
  }
  void handleBlockingUnderLock(const FunctionFacts &F, const std::string &What,
                               const SourcePos &Site, const CallChain &Chain,
                               const HeldFact &Held,
                               bool NeededByJoined) override {
    Next.handleBlockingUnderLock(F, What, Site, Chain, Held, NeededByJoined);
  }
  void handleThreadNotJoined(const FunctionFacts &F, const JoinableFact &Thread,
                             const SourcePos &Where, bool Reassigned) override {
    Next.handleThreadNotJoined(F, Thread, Where, Reassigned);
  }
  void handleDetachedEscape(const FunctionFacts &F, const SourcePos &Spawn,
                            const std::string &Entry, const LockRef &Local,
                            const SourcePos &Use) override {
    Next.handleDetachedEscape(F, Spawn, Entry, Local, Use);
  }

private:
  AnalysisHandler &Next;
};

} // namespace

void ProgramAnalysis::findLibraryRaces(
    const std::map<std::string, std::vector<std::string>> &CallGraph,
    const std::map<std::string, FunctionSummary> &Summaries,
    AnalysisHandler &Handler) {
  // Classes some started thread reaches are covered by the thread model.
  std::set<std::string> Reached, Work;
  for (const auto &[Usr, Root] : Roots)
    if (Root.Spawn.valid())
      Work.insert(Usr);
  while (!Work.empty()) {
    std::string U = *Work.begin();
    Work.erase(Work.begin());
    if (!Reached.insert(U).second)
      continue;
    auto It = CallGraph.find(U);
    if (It != CallGraph.end())
      for (const std::string &C : It->second)
        if (!Reached.count(C))
          Work.insert(C);
  }
  std::set<std::string> ReachedClasses;
  for (const std::string &U : Reached)
    if (auto It = Functions.find(U); It != Functions.end())
      ReachedClasses.insert(It->second.ClassName);

  std::map<std::string, std::vector<const FunctionFacts *>> Public;
  std::set<std::string> Locking;
  for (const auto &[Usr, F] : Functions) {
    if (F.ClassName.empty() || ReachedClasses.count(F.ClassName))
      continue;
    auto S = Summaries.find(Usr);
    if (S == Summaries.end())
      continue;
    // The class's own lock: a member of the class (or a lock inside one,
    // a wrapper's mutex), not one of another object it points to.
    auto Own = [&](const LockRef &L) {
      return L.Root == RootKind::This && !L.Path.empty() &&
             L.Path.front().rfind(F.ClassName + "::", 0) == 0 &&
             L.Path.size() <= 2;
    };
    for (const SummaryAcquire &A : S->second.Acquires)
      if (Own(A.Lock))
        Locking.insert(F.ClassName);
    if (F.IsPublicMethod)
      Public[F.ClassName].push_back(&F);
  }
  for (const auto &[Class, Methods] : Public) {
    if (!Locking.count(Class))
      continue;
    struct Use {
      const SummaryAccess *A;
      const FunctionFacts *M;
    };
    std::map<std::string, std::vector<Use>> ByLocation;
    for (const FunctionFacts *M : Methods)
      for (const SummaryAccess &A : Summaries.at(M->Usr).Accesses)
        if (A.Loc.Root == RootKind::This && A.Loc.Path.size() == 1 &&
            !A.InThread)
          ByLocation[A.Loc.key()].push_back({&A, M});
    for (const auto &[Key, Uses] : ByLocation) {
      // The class shows it means to protect the location: some access
      // holds one of the object's locks.
      bool Protected = false;
      for (const Use &U : Uses)
        for (const LockRef &L : U.A->Held)
          Protected |= L.Root == RootKind::This && L.Path.size() <= 2 &&
                       !L.Path.empty() &&
                       L.Path.front().rfind(Class + "::", 0) == 0;
      if (!Protected)
        continue;
      for (size_t I = 0; I < Uses.size(); ++I)
        for (size_t J = I; J < Uses.size(); ++J) {
          const Use &X = Uses[I], &Y = Uses[J];
          if (!X.A->Write && !Y.A->Write)
            continue;
          if (I == J && !X.A->Write)
            continue;
          if (haveCommonLock(X.A->Held, Y.A->Held))
            continue;
          bool XFirst = X.A->Write && (!Y.A->Write ||
                                       X.A->Held.size() <= Y.A->Held.size());
          const Use &A = XFirst ? X : Y;
          const Use &B = XFirst ? Y : X;
          RaceFinding R;
          R.Kind = RaceFinding::Library;
          auto Fill = [](AccessWitness &W, const Use &U) {
            W.Loc = U.A->Loc;
            W.Write = U.A->Write;
            W.Site = U.A->Site;
            W.Chain = U.A->Chain;
            W.Held = U.A->Held;
            W.Thread = U.M->Name;
            W.ThreadStart = U.M->Loc;
          };
          Fill(R.First, A);
          Fill(R.Second, B);
          Handler.handleRace(R);
        }
    }
  }
}

void ProgramAnalysis::run(AnalysisHandler &Next) {
  RaceGate Handler(Next);
  resolveCallees();
  // Thread entries: main, and every function a thread is started on (the
  // first start site in file order names it).
  for (const auto &[Usr, F] : Functions)
    if (F.IsMain)
      Roots.emplace(Usr, ThreadRoot{F.Name, SourcePos()});
  for (const auto &[Usr, F] : Functions)
    for (const Block &B : F.Blocks)
      for (const Event &E : B.Events) {
        if (E.Kind != Event::Spawn)
          continue;
        auto It = Roots.find(E.Callee);
        if (It == Roots.end())
          Roots.emplace(E.Callee, ThreadRoot{E.CalleeName, E.Site});
        else if (It->second.Spawn.valid() && E.Site < It->second.Spawn)
          It->second.Spawn = E.Site;
      }

  std::map<std::string, std::vector<std::string>> CallGraph;
  for (const auto &[Usr, F] : Functions) {
    std::vector<std::string> &Callees = CallGraph[Usr];
    // Spawn edges too: a thread's entry is analysed before its starter.
    for (const Block &B : F.Blocks)
      for (const Event &E : B.Events)
        if ((E.Kind == Event::Call || E.Kind == Event::Spawn) &&
            Functions.count(E.Callee))
          Callees.push_back(E.Callee);
    std::sort(Callees.begin(), Callees.end());
    Callees.erase(std::unique(Callees.begin(), Callees.end()), Callees.end());
  }

  std::map<std::string, FunctionSummary> Summaries;
  ProgramContext Context;
  Context.Summary = [&](const std::string &Usr) -> const FunctionSummary * {
    auto It = Summaries.find(Usr);
    return It == Summaries.end() ? nullptr : &It->second;
  };
  Context.RecursiveClasses = &RecursiveClasses;
  Context.Roots = &Roots;
  std::set<std::string> Called;
  for (const auto &[Usr, F] : Functions)
    for (const Block &B : F.Blocks)
      for (const Event &E : B.Events)
        if (E.Kind == Event::Call && E.Callee != Usr)
          Called.insert(E.Callee);
  Context.Called = &Called;

  std::map<std::string, std::vector<CallSiteLocks>> CallsFrom;
  std::vector<std::vector<std::string>> Components =
      stronglyConnected(CallGraph);
  for (const std::vector<std::string> &Component : Components) {
    bool Recursive = Component.size() > 1;
    if (!Recursive) {
      const std::vector<std::string> &Self = CallGraph[Component.front()];
      Recursive = std::binary_search(Self.begin(), Self.end(),
                                     Component.front());
    }
    if (Recursive) {
      // Each round can carry an effect one call further round the cycle.
      int Rounds = int(Component.size()) + 2;
      for (int Round = 0; Round < Rounds; ++Round) {
        bool Changed = false;
        for (const std::string &Usr : Component) {
          FunctionResult R =
              analyzeFunction(Functions[Usr], Context, nullptr, nullptr);
          auto It = Summaries.find(Usr);
          if (It == Summaries.end() || !It->second.sameEffect(R.Summary)) {
            Summaries[Usr] = std::move(R.Summary);
            Changed = true;
          }
        }
        if (!Changed)
          break;
      }
    }
    for (const std::string &Usr : Component) {
      FunctionResult R = analyzeFunction(Functions[Usr], Context, &Handler,
                                         &Graph);
      Summaries[Usr] = std::move(R.Summary);
      CallsFrom[Usr] = std::move(R.Calls);
    }
  }

  // Gates inherited from callers: the locks held at every call of a
  // function (plus what its callers are always entered with); see
  // CallSiteLocks for the "G:" / "T:" encoding.
  // Callers come before callees in reverse component order.
  std::map<std::string, std::vector<std::pair<std::string, const CallSiteLocks *>>>
      CallersOf;
  for (const auto &[Caller, Sites] : CallsFrom)
    for (const CallSiteLocks &CS : Sites)
      CallersOf[CS.Callee].push_back({Caller, &CS});
  std::map<std::string, std::set<std::string>> EntryHeld;
  for (auto It = Components.rbegin(); It != Components.rend(); ++It)
    for (const std::string &Usr : *It) {
      if (Roots.count(Usr))
        continue;
      auto C = CallersOf.find(Usr);
      if (C == CallersOf.end())
        continue;
      bool First = true;
      std::set<std::string> Common;
      for (const auto &[Caller, CS] : C->second) {
        std::set<std::string> Held = CS->Held;
        auto E = EntryHeld.find(Caller);
        if (E != EntryHeld.end())
          for (const std::string &G : E->second)
            // The caller's member gates follow only onto the same object.
            if (G.rfind("G:", 0) == 0 || CS->SameThis)
              Held.insert(G);
        if (First) {
          Common = std::move(Held);
          First = false;
          continue;
        }
        std::set<std::string> Next;
        std::set_intersection(Common.begin(), Common.end(), Held.begin(),
                              Held.end(), std::inserter(Next, Next.begin()));
        Common = std::move(Next);
      }
      if (!Common.empty())
        EntryHeld[Usr] = std::move(Common);
    }
  Graph.addEntryGates(EntryHeld);

  // Races against a function's own code: a lock every caller holds (named
  // in the function's frame) protects that code too.
  for (const RaceFinding &Race : Handler.Pending) {
    auto C = CallersOf.find(Race.Function);
    bool Covered = false;
    if (C != CallersOf.end() && !Roots.count(Race.Function)) {
      std::set<std::string> Common;
      bool First = true;
      for (const auto &[Caller, CS] : C->second) {
        if (First) {
          Common = CS->InCallee;
          First = false;
          continue;
        }
        std::set<std::string> Next;
        std::set_intersection(Common.begin(), Common.end(),
                              CS->InCallee.begin(), CS->InCallee.end(),
                              std::inserter(Next, Next.begin()));
        Common = std::move(Next);
      }
      const AccessWitness &Other =
          Race.First.OwnThread ? Race.Second : Race.First;
      for (const LockRef &L : Other.Held)
        Covered |= Common.count(L.key()) > 0;
    }
    if (!Covered)
      Next.handleRace(Race);
  }

  findLibraryRaces(CallGraph, Summaries, Next);

  for (const LockCycle &Cycle : Graph.cycles())
    Next.handleLockCycle(Cycle);
}

} // namespace lockgraph
