//===- FunctionAnalysis.cpp - Lockset dataflow over one function's facts --===//
#include "analysis/FunctionAnalysis.h"

#include "analysis/RaceAnalysis.h"

#include <algorithm>
#include <deque>

namespace lockgraph {

AnalysisHandler::~AnalysisHandler() = default;

LockRef substitute(const LockRef &Lock, const Event &Call) {
  int Want = -2;
  if (Lock.Root == RootKind::This)
    Want = -1;
  else if (Lock.Root == RootKind::Param)
    Want = std::stoi(Lock.Base);
  else
    return Lock;
  for (const auto &[Index, Prefix] : Call.Args)
    if (Index == Want)
      return Lock.rebase(Prefix);
  LockRef Unknown;
  Unknown.Kind = Lock.Kind;
  Unknown.Spelling = Lock.Spelling;
  Unknown.Path = Lock.Path;
  return Unknown;
}

static bool sameLocks(const std::vector<LockRef> &A,
                      const std::vector<LockRef> &B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I)
    if (A[I].key() != B[I].key())
      return false;
  return true;
}

bool FunctionSummary::sameEffect(const FunctionSummary &O) const {
  if (Acquires.size() != O.Acquires.size() ||
      HeldAtExit.size() != O.HeldAtExit.size() ||
      Releases.size() != O.Releases.size() ||
      OpenEdges.size() != O.OpenEdges.size())
    return false;
  for (size_t I = 0; I < Acquires.size(); ++I)
    if (Acquires[I].Lock.key() != O.Acquires[I].Lock.key() ||
        Acquires[I].Mode != O.Acquires[I].Mode ||
        !sameLocks(Acquires[I].ReleasedBefore, O.Acquires[I].ReleasedBefore))
      return false;
  for (size_t I = 0; I < HeldAtExit.size(); ++I)
    if (HeldAtExit[I].Lock.key() != O.HeldAtExit[I].Lock.key() ||
        HeldAtExit[I].Must != O.HeldAtExit[I].Must)
      return false;
  for (size_t I = 0; I < Releases.size(); ++I)
    if (Releases[I].Lock.key() != O.Releases[I].Lock.key() ||
        Releases[I].Must != O.Releases[I].Must)
      return false;
  return true;
}

namespace {

constexpr size_t MaxSummaryAcquires = 256;
constexpr size_t MaxChain = 8;

class Analyzer {
public:
  Analyzer(const FunctionFacts &F, const ProgramContext &P,
           AnalysisHandler *H, LockOrderGraph *G)
      : F(F), P(P), H(H), G(G) {}

  FunctionResult run();

private:
  /// True when every path from the entry to the exit runs block \p B.
  bool unavoidable(int B) {
    if (B < 0)
      return false;
    auto Cached = Unavoidable.find(B);
    if (Cached != Unavoidable.end())
      return Cached->second;
    std::vector<char> Seen(F.Blocks.size(), 0);
    std::vector<int> Work;
    if (F.Entry != B) {
      Work.push_back(F.Entry);
      Seen[F.Entry] = 1;
    }
    bool ReachesExit = false;
    while (!Work.empty() && !ReachesExit) {
      int X = Work.back();
      Work.pop_back();
      if (X == F.Exit) {
        ReachesExit = true;
        break;
      }
      for (int S : F.Blocks[X].Succs)
        if (S >= 0 && S != B && !Seen[S]) {
          Seen[S] = 1;
          Work.push_back(S);
        }
    }
    return Unavoidable[B] = !ReachesExit;
  }

  /// Rewrites a lock reached through a guard object's reference member to
  /// the lock the guard was constructed with.
  LockRef canonical(const LockRef &L) const {
    for (const auto &[From, To] : Aliases) {
      if (L.Root != From.Root || L.Base != From.Base ||
          L.Path.size() <= From.Path.size() ||
          !std::equal(From.Path.begin(), From.Path.end(), L.Path.begin()))
        continue;
      LockRef R = To;
      R.Path.insert(R.Path.end(), L.Path.begin() + From.Path.size(),
                    L.Path.end());
      R.Kind = L.Kind;
      R.Spelling = L.Spelling;
      return R;
    }
    return L;
  }

  const ThreadRoot *root() const {
    if (!P.Roots)
      return nullptr;
    auto It = P.Roots->find(F.Usr);
    return It == P.Roots->end() ? nullptr : &It->second;
  }
  bool isRecursive(const LockRef &L) const {
    return L.Kind == LockKind::RecursiveMutex ||
           (P.RecursiveClasses && P.RecursiveClasses->count(L.declName()));
  }
  static bool effectiveMust(const HeldFact &H) {
    return H.Must && H.TryId < 0;
  }

  void transfer(Lockset &S, const Event &E, bool Report);
  void acquire(Lockset &S, const LockRef &L, AccessMode Mode,
               const SourcePos &Site, const CallChain &Chain, int Guard,
               const std::vector<LockRef> &ReleasedBefore, bool Report,
               bool AddFact, bool Unconditional = true,
               bool Together = false);
  void release(Lockset &S, const LockRef &L, const SourcePos &Site,
               const CallChain &Chain, bool Must, bool Report);
  void applyCall(Lockset &S, const Event &E, bool Report);
  void edgeTransfer(Lockset &S, const Block &From, size_t SuccIndex);
  void recordEdge(const HeldFact &From, const LockRef &To,
                  const SourcePos &Site, const CallChain &Chain,
                  const Lockset &S);
  void finish(const std::vector<Lockset> &Out, const Lockset &AtExit);
  TryResult tryAcquireKind(const std::vector<Lockset> &Out,
                           const std::string &Key,
                           bool *HoldingConstant = nullptr) const;

  const FunctionFacts &F;
  const ProgramContext &P;
  AnalysisHandler *H;
  LockOrderGraph *G;
  FunctionResult Result;
  std::set<std::string> AcquireKeys; ///< Deduplicates summary acquisitions.
  std::map<int, bool> Unavoidable;
  std::map<int, bool> TryFlip; ///< Call try ids whose success is "== 0".
  /// Guard members bound at construction: object.field -> target.
  std::vector<std::pair<LockRef, LockRef>> Aliases;
  int CurrentBlock = -1; ///< The block whose events are being applied.
  size_t CurrentEvent = 0;
  std::set<std::string> OpenEdgeKeys;

  // The thread model (see RaceAnalysis.h).
  void prepareThreads();
  std::vector<LockRef> heldLocks(const Lockset &S) const;
  std::vector<int> runningIds(const Lockset &S) const;
  void recordAccess(const Lockset &S, SummaryAccess A, bool AddHeld);
  void spawnThread(Lockset &S, const Event &E, bool Report);
  void joinThread(Lockset &S, const Event &E, bool Report);
  void checkBlocking(const Lockset &S, const std::string &What,
                     const SourcePos &Site, const CallChain &Chain,
                     const std::vector<LockRef> &Frees,
                     const std::set<std::string> *Needed, bool Report);
  void checkEscape(const ThreadInstance &T);
  void finishThreads(const Lockset &AtExit);
  bool inCycle(int B) const;
  /// Thread instances: one per spawn event and per thread a callee leaves
  /// running, numbered before the dataflow so that facts can name them.
  std::vector<ThreadInstance> Instances;
  std::map<std::pair<int, size_t>, std::vector<int>> InstancesAt;
  std::vector<OwnAccess> Own;
  std::set<std::string> BlockingSeen;
  std::vector<LockRef> EntryHeld; ///< REQUIRES: held by every caller.
};

CallChain prepend(const CallStep &Head, const CallChain &Tail) {
  CallChain C;
  C.push_back(Head);
  for (const CallStep &S : Tail) {
    if (C.size() >= MaxChain)
      break;
    C.push_back(S);
  }
  return C;
}

void Analyzer::recordEdge(const HeldFact &From, const LockRef &To,
                          const SourcePos &Site, const CallChain &Chain,
                          const Lockset &S) {
  std::string FromClass = From.Lock.className();
  std::string ToClass = To.className();
  if (From.Key == To.key())
    return;
  if (FromClass.empty() || ToClass.empty()) {
    // Named only by a caller: hand the edge up in the summary.
    if (From.Lock.isUnknown() || To.isUnknown())
      return;
    std::string K = From.Key + "->" + To.key();
    if (!OpenEdgeKeys.insert(K).second)
      return;
    SummaryEdge E;
    E.From = From.Lock;
    E.To = To;
    E.FromSite = From.Site;
    E.FromChain = From.Chain;
    E.Site = Site;
    E.Chain = Chain;
    Result.Summary.OpenEdges.push_back(std::move(E));
    return;
  }
  if (!G)
    return;
  // Two instances of one class: only when both are named precisely and
  // the function does not order the two objects first.
  if (FromClass == ToClass) {
    if (!From.Lock.isPrecise() || !To.isPrecise())
      return;
    // Only objects that callers choose can come in the other order.
    auto FromCaller = [](const LockRef &L) {
      return L.Root == RootKind::Param || L.Root == RootKind::This;
    };
    if (!FromCaller(From.Lock) && !FromCaller(To))
      return;
    auto Owner = [](LockRef L) {
      if (!L.Path.empty())
        L.Path.pop_back();
      return L.key();
    };
    std::string A = Owner(From.Lock), B = Owner(To);
    std::pair<std::string, std::string> Pair =
        A < B ? std::make_pair(A, B) : std::make_pair(B, A);
    if (std::find(F.OrderedPairs.begin(), F.OrderedPairs.end(), Pair) !=
        F.OrderedPairs.end())
      return;
  }
  OrderWitness W;
  W.From = From.Lock;
  W.To = To;
  W.FromSite = From.Site;
  W.FromChain = From.Chain;
  W.Site = Site;
  W.Chain = Chain;
  W.Function = F.Name;
  W.FunctionUsr = F.Usr;
  // A gate must be one lock for every thread: a global, or a lock of the
  // same object as both locks of the edge (`this->gate_` around
  // `this->a_` and `this->b_`).
  auto Owner = [](LockRef L) {
    if (!L.Path.empty())
      L.Path.pop_back();
    return L.key();
  };
  std::string EdgeOwner = Owner(From.Lock);
  bool SameOwner = EdgeOwner == Owner(To) && From.Lock.Root != RootKind::Unknown;
  for (const HeldFact &Other : S.Held) {
    if (Other.Key == From.Key || Other.Key == To.key() || !effectiveMust(Other))
      continue;
    std::string C = Other.Lock.className();
    if (C.empty())
      continue;
    if (Other.Lock.Root == RootKind::Global ||
        (SameOwner && Owner(Other.Lock) == EdgeOwner))
      W.Gates.insert(C);
  }
  G->addNode(FromClass, From.Lock.Kind);
  G->addNode(ToClass, To.Kind);
  G->addWitness(std::move(W));
}

void Analyzer::acquire(Lockset &S, const LockRef &L, AccessMode Mode,
                       const SourcePos &Site, const CallChain &Chain,
                       int Guard, const std::vector<LockRef> &ReleasedBefore,
                       bool Report, bool AddFact, bool Unconditional,
                       bool Together) {
  if (!Aliases.empty() && L.Root != RootKind::Global) {
    LockRef C = canonical(L);
    if (C.key() != L.key())
      return acquire(S, C, Mode, Site, Chain, Guard, ReleasedBefore, Report,
                     AddFact, Unconditional, Together);
  }
  std::string Key = L.key();
  auto IsReleasedBefore = [&](const std::string &K) {
    for (const LockRef &R : ReleasedBefore)
      if (R.key() == K)
        return true;
    return false;
  };
  // Re-entering a recursive lock, or a second read hold, cannot block:
  // no order edge.
  const HeldFact *Again = S.find(Key);
  bool NonBlocking =
      Again && !IsReleasedBefore(Key) &&
      (isRecursive(L) ||
       (Mode == AccessMode::Shared && Again->Mode == AccessMode::Shared));
  if (Report && !NonBlocking) {
    for (const HeldFact &Held : S.Held) {
      // Order edges come from locks held on every path: a lock held only
      // on some paths would add edges no execution has.
      if (IsReleasedBefore(Held.Key) || !effectiveMust(Held))
        continue;
      // Taken by the same std::lock call: no order among them.
      if (Together && Held.Site == Site)
        continue;
      if (Held.Key == Key)
        continue;
      recordEdge(Held, L, Site, Chain, S);
    }
  }
  // The summary: every blocking acquisition, once per lock and mode.
  std::string AK = Key + (Mode == AccessMode::Shared ? "/s" : "/x");
  if (AcquireKeys.size() < MaxSummaryAcquires && AcquireKeys.insert(AK).second) {
    SummaryAcquire A;
    A.Lock = L;
    A.Mode = Mode;
    A.Site = Site;
    A.Chain = Chain;
    A.ReleasedBefore = ReleasedBefore;
    for (const ReleaseFact &R : S.Released)
      if (R.Entry && R.Must)
        A.ReleasedBefore.push_back(R.Lock);
    Result.Summary.Acquires.push_back(std::move(A));
  }

  if (Unconditional)
    S.notePassed(Key);
  HeldFact *Existing = IsReleasedBefore(Key) ? nullptr : S.find(Key);
  if (Existing && !Unconditional && !effectiveMust(*Existing))
    Existing = nullptr; // Both sides conditional: see SummaryAcquire.
  if (Existing) {
    bool BothShared =
        Mode == AccessMode::Shared && Existing->Mode == AccessMode::Shared;
    // Readers may hold a shared lock several times; the count keeps the
    // unlocks honest.
    if (isRecursive(L) || BothShared) {
      Existing->Count = std::min(2u, Existing->Count + 1);
      return;
    }
    // Error only when both are certain: held on every path here, and
    // taken on every path through the callee.
    if (Report && H && L.isPrecise() && !BothShared)
      H->handleDoubleAcquire(F, *Existing, L, Site, Chain,
                             effectiveMust(*Existing) && Unconditional);
    if (AddFact) {
      // Past a blocking acquisition the lock is held, whatever came before.
      Existing->Must = true;
      Existing->TryId = -1;
    }
    return;
  }
  if (!AddFact)
    return;
  HeldFact Fact;
  Fact.Key = Key;
  Fact.Lock = L;
  Fact.Mode = Mode;
  Fact.Site = Site;
  Fact.Chain = Chain;
  Fact.Guard = Guard;
  // Re-acquiring the caller's lock after releasing it gives it back.
  if (const ReleaseFact *R = S.findReleased(Key))
    Fact.Entry = R->Entry;
  S.add(std::move(Fact));
  S.forgetRelease(Key);
}

void Analyzer::release(Lockset &S, const LockRef &L, const SourcePos &Site,
                       const CallChain &Chain, bool Must, bool Report) {
  if (!Aliases.empty() && L.Root != RootKind::Global) {
    LockRef C = canonical(L);
    if (C.key() != L.key())
      return release(S, C, Site, Chain, Must, Report);
  }
  std::string Key = L.key();
  if (HeldFact *Held = S.find(Key)) {
    if (!Must) {
      // A conditional release: of a conditionally held lock it is taken
      // to balance the acquisition (same condition), else it weakens it.
      if (!effectiveMust(*Held)) {
        S.remove(Key);
      } else {
        Held->Must = false;
        Held->MaybeReleased = true;
      }
      return;
    }
    if ((isRecursive(L) || Held->Mode == AccessMode::Shared) &&
        Held->Count > 1) {
      --Held->Count;
      return;
    }
    // Held on some paths only, released on every path: some path
    // releases a lock it does not hold. A release in a conditional block
    // may be guarded by the condition that took the lock.
    if (!effectiveMust(*Held) && !Held->MaybeReleased && Report && H &&
        L.isPrecise() && !Held->Entry && unavoidable(CurrentBlock))
      H->handleReleaseMaybeNotHeld(F, L, Site, Chain, *Held, root());
    bool WasEntry = Held->Entry;
    S.remove(Key);
    ReleaseFact R;
    R.Key = Key;
    R.Lock = L;
    R.Entry = WasEntry;
    R.Site = Site;
    R.Chain = Chain;
    S.noteRelease(std::move(R));
    return;
  }
  if (ReleaseFact *Previous = S.findReleased(Key)) {
    if (Previous->Must && Must && Report && H && L.isPrecise())
      H->handleDoubleRelease(F, L, Site, Chain, *Previous);
    // A lock this function never acquired stays an entry release, and is
    // now released on every path through here.
    if (Previous->Entry && Must && !Previous->Must) {
      Previous->Must = true;
      Previous->Site = Site;
      Previous->Chain = Chain;
    }
    return;
  }
  ReleaseFact R;
  R.Key = Key;
  R.Lock = L;
  R.Must = Must;
  R.Entry = true;
  R.Site = Site;
  R.Chain = Chain;
  S.noteRelease(std::move(R));
}

void Analyzer::applyCall(Lockset &S, const Event &E, bool Report) {
  const FunctionSummary *Callee = P.Summary ? P.Summary(E.Callee) : nullptr;
  if (Report && H) {
    CallSiteLocks CS;
    CS.Callee = E.Callee;
    for (const auto &[Index, Prefix] : E.Args)
      if (Index == -1 && Prefix.Root == RootKind::This && Prefix.Path.empty())
        CS.SameThis = true;
    for (const HeldFact &Held : S.Held) {
      if (!effectiveMust(Held) || Held.Lock.className().empty())
        continue;
      if (Held.Lock.Root == RootKind::Global)
        CS.Held.insert("G:" + Held.Lock.className());
      else if (Held.Lock.Root == RootKind::This && CS.SameThis)
        CS.Held.insert("T:" + Held.Lock.className());
    }
    // The same locks named in the callee's frame: globals as they are,
    // locks of the objects passed as `this` or parameters through them.
    for (const HeldFact &Held : S.Held) {
      if (!effectiveMust(Held) || !Held.Lock.isPrecise())
        continue;
      if (Held.Lock.Root == RootKind::Global) {
        CS.InCallee.insert(Held.Key);
        continue;
      }
      for (const auto &[Index, Prefix] : E.Args) {
        if (Prefix.Root != Held.Lock.Root || Prefix.Base != Held.Lock.Base ||
            Prefix.Path.size() > Held.Lock.Path.size() ||
            !std::equal(Prefix.Path.begin(), Prefix.Path.end(),
                        Held.Lock.Path.begin()))
          continue;
        LockRef X;
        X.Root = Index < 0 ? RootKind::This : RootKind::Param;
        X.Base = Index < 0 ? "" : std::to_string(Index);
        X.Path.assign(Held.Lock.Path.begin() + Prefix.Path.size(),
                      Held.Lock.Path.end());
        CS.InCallee.insert(X.key());
      }
    }
    Result.Calls.push_back(std::move(CS));
  }
  if (!Callee)
    return;
  // A constructor binding reference members: `Guard g(mu)` makes g's
  // member name mu from here on.
  for (const auto &[Field, Target] : Callee->FieldAliases) {
    LockRef Self;
    Self.Root = RootKind::This;
    Self.Path.push_back(Field);
    LockRef From = substitute(Self, E);
    LockRef To = substitute(Target, E);
    if (!From.isUnknown() && !To.isUnknown())
      Aliases.emplace_back(From, To);
  }
  CallStep Head{E.Site, E.CalleeName};
  for (const SummaryAcquire &A : Callee->Acquires) {
    LockRef L = substitute(A.Lock, E);
    std::vector<LockRef> Before;
    for (const LockRef &R : A.ReleasedBefore)
      Before.push_back(substitute(R, E));
    // Check and record against the caller's lockset, without adding the
    // lock: what the callee keeps held comes from HeldAtExit below.
    acquire(S, L, A.Mode, A.Site, prepend(Head, A.Chain), -1, Before, Report,
            /*AddFact=*/false, A.Unconditional);
  }
  for (const SummaryEdge &OE : Callee->OpenEdges) {
    HeldFact From;
    From.Lock = substitute(OE.From, E);
    From.Key = From.Lock.key();
    From.Site = OE.FromSite;
    From.Chain = prepend(Head, OE.FromChain);
    LockRef To = substitute(OE.To, E);
    if (Report)
      recordEdge(From, To, OE.Site, prepend(Head, OE.Chain), S);
  }
  std::set<std::string> ReleasedHeld;
  for (const SummaryRelease &R : Callee->Releases) {
    LockRef L = substitute(R.Lock, E);
    if (S.find(L.key()))
      ReleasedHeld.insert(L.key());
    release(S, L, R.Site, prepend(Head, R.Chain), R.Must, Report);
  }
  if (Report) {
    for (const SummaryAccess &A : Callee->Accesses) {
      SummaryAccess R = A;
      R.Loc = canonical(substitute(A.Loc, E));
      if (R.Loc.isUnknown())
        continue;
      R.Chain = prepend(Head, A.Chain);
      R.Held.clear();
      for (const LockRef &L : A.Held)
        if (LockRef X = substitute(L, E); !X.isUnknown())
          R.Held.push_back(canonical(X));
      R.Required.clear();
      for (const LockRef &L : A.Required)
        if (LockRef X = substitute(L, E); !X.isUnknown())
          R.Required.push_back(X);
      recordAccess(S, std::move(R), !A.InThread);
    }
    for (const SummaryBlocking &B : Callee->Blocking) {
      std::vector<LockRef> Frees;
      for (const LockRef &L : B.Frees)
        Frees.push_back(substitute(L, E));
      checkBlocking(S, B.What, B.Site, prepend(Head, B.Chain), Frees, nullptr,
                    Report);
    }
  }
  // Threads the callee leaves running start here.
  if (auto It = InstancesAt.find({CurrentBlock, CurrentEvent});
      It != InstancesAt.end())
    for (int Id : It->second) {
      if (Report)
        Instances[Id].RunningAtStart = runningIds(S);
      S.addRunning({Id, ""});
    }
  for (const SummaryHeld &X : Callee->HeldAtExit) {
    LockRef L = canonical(substitute(X.Lock, E));
    std::string Key = L.key();
    // A callee that may release and may acquire the same lock (a switch
    // over "pause" and "resume") leaves a caller's hold as it was.
    if (!X.Must && ReleasedHeld.count(Key))
      continue;
    if (HeldFact *Existing = S.find(Key)) {
      if (isRecursive(L))
        Existing->Count = std::min(2u, Existing->Count + 1);
      if (X.Must) {
        Existing->Must = true;
        Existing->TryId = -1;
      }
      continue;
    }
    HeldFact Fact;
    Fact.Key = Key;
    Fact.Lock = L;
    Fact.Mode = X.Mode;
    Fact.Must = X.Must;
    Fact.Site = X.Site;
    Fact.Chain = prepend(Head, X.Chain);
    // A try-acquire function: held where the caller's branch on the
    // result says it succeeded.
    bool Tried = !X.Must && E.TryId >= 0 &&
                 (Callee->Try == TryResult::HeldWhenNonZero ||
                  Callee->Try == TryResult::HeldWhenZero);
    if (Tried) {
      Fact.Must = true;
      Fact.TryId = E.TryId;
      TryFlip[E.TryId] = Callee->Try == TryResult::HeldWhenZero;
    }
    S.add(std::move(Fact));
    S.forgetRelease(Key);
  }
}

void Analyzer::transfer(Lockset &S, const Event &E, bool Report) {
  switch (E.Kind) {
  case Event::Acquire: {
    // Locks taken together (std::lock, scoped_lock) get no order among
    // themselves: check each against what was held before the operation.
    Lockset Before = S;
    for (const LockRef &L : E.Locks) {
      Lockset Scratch = Before;
      acquire(Scratch, L, E.Mode, E.Site, {}, E.Guard, {}, Report, true);
      if (HeldFact *Added = Scratch.find(L.key())) {
        if (HeldFact *Existing = S.find(L.key()))
          *Existing = *Added; // Re-entered: count, must-ness.
        else
          S.add(*Added);
      }
      S.forgetRelease(L.key());
      S.notePassed(L.key());
    }
    if (E.Guard >= 0)
      S.Guards[E.Guard] = GuardFact{E.Locks, E.Mode, true, E.Site};
    return;
  }
  case Event::TryAcquire:
  case Event::GuardTryLock: {
    std::vector<LockRef> Locks = E.Locks;
    AccessMode Mode = E.Mode;
    if (E.Kind == Event::GuardTryLock) {
      auto It = S.Guards.find(E.Guard);
      if (It == S.Guards.end())
        return;
      Locks = It->second.Locks;
      Mode = It->second.Mode;
    } else if (E.Guard >= 0) {
      S.Guards[E.Guard] = GuardFact{E.Locks, E.Mode, false, E.Site};
    }
    for (const LockRef &L : Locks) {
      if (S.find(L.key()))
        continue;
      HeldFact Fact;
      Fact.Key = L.key();
      Fact.Lock = L;
      Fact.Mode = Mode;
      Fact.Site = E.Site;
      Fact.Guard = E.Guard;
      Fact.TryId = E.TryId;
      S.add(std::move(Fact));
      S.forgetRelease(L.key());
    }
    return;
  }
  case Event::Release:
    for (const LockRef &L : E.Locks)
      release(S, L, E.Site, {}, true, Report);
    return;
  case Event::GuardBind: {
    S.Guards[E.Guard] = GuardFact{E.Locks, E.Mode, E.Owns, E.Site};
    if (!E.Owns)
      return;
    for (const LockRef &L : E.Locks) {
      if (HeldFact *Held = S.find(L.key())) {
        Held->Guard = E.Guard;
        continue;
      }
      // Adopting a lock this function released: the guard's destructor
      // releases it again (reported there).
      if (const ReleaseFact *R = S.findReleased(L.key()))
        if (R->Must && !R->Entry)
          continue;
      // adopt_lock on a lock this function did not take: the caller's.
      HeldFact Fact;
      Fact.Key = L.key();
      Fact.Lock = L;
      Fact.Mode = E.Mode;
      Fact.Site = E.Site;
      Fact.Guard = E.Guard;
      Fact.Entry = true;
      S.add(std::move(Fact));
    }
    return;
  }
  case Event::GuardLock: {
    auto It = S.Guards.find(E.Guard);
    if (It == S.Guards.end())
      return;
    GuardFact Guard = It->second;
    for (const LockRef &L : Guard.Locks)
      acquire(S, L, Guard.Mode, E.Site, {}, E.Guard, {}, Report, true, true,
              E.Together);
    S.Guards[E.Guard].Owns = true;
    return;
  }
  case Event::GuardUnlock:
  case Event::GuardDestroy: {
    std::vector<LockRef> Owned;
    for (const HeldFact &Held : S.Held)
      if (Held.Guard == E.Guard)
        Owned.push_back(Held.Lock);
    auto G = S.Guards.find(E.Guard);
    if (G != S.Guards.end() && G->second.Owns) {
      // The guard unlocks what it owns; a lock already unlocked by hand
      // is unlocked twice.
      for (const LockRef &L : G->second.Locks) {
        if (S.find(L.key()))
          continue;
        const ReleaseFact *Previous = S.findReleased(L.key());
        if (Previous && Previous->Must && !Previous->Entry && Report && H &&
            L.isPrecise())
          H->handleDoubleRelease(F, L, E.Site, {}, *Previous);
      }
      G->second.Owns = false;
    }
    for (const LockRef &L : Owned) {
      HeldFact *Held = S.find(L.key());
      // A guard unlocks once, whatever the recursion depth of the lock.
      if (Held)
        Held->Count = 1;
      release(S, L, E.Site, {}, true, false);
    }
    if (E.Kind == Event::GuardDestroy)
      S.Guards.erase(E.Guard);
    return;
  }
  case Event::GuardDrop:
    for (HeldFact &Held : S.Held)
      if (Held.Guard == E.Guard) {
        Held.Guard = -1;
        Held.Unmanaged = true;
      }
    if (auto G = S.Guards.find(E.Guard); G != S.Guards.end())
      G->second.Owns = false;
    return;
  case Event::GuardMove: {
    for (HeldFact &Held : S.Held)
      if (Held.Guard == E.Guard)
        Held.Guard = E.Guard2;
    auto It = S.Guards.find(E.Guard);
    if (It != S.Guards.end()) {
      S.Guards[E.Guard2] = It->second;
      S.Guards.erase(E.Guard);
    }
    return;
  }
  case Event::GuardAdopt: {
    GuardFact Guard{{}, AccessMode::Exclusive, true, E.Site};
    for (HeldFact &Held : S.Held)
      if (Held.Guard < 0 && !Held.Chain.empty() &&
          Held.Chain.front().Site == E.Site) {
        Held.Guard = E.Guard;
        Guard.Locks.push_back(Held.Lock);
        Guard.Mode = Held.Mode;
      }
    S.Guards[E.Guard] = std::move(Guard);
    return;
  }
  case Event::Call:
    applyCall(S, E, Report);
    return;
  case Event::Spawn:
    spawnThread(S, E, Report);
    return;
  case Event::Access: {
    if (!Report || E.Locks.empty())
      return;
    SummaryAccess A;
    A.Loc = canonical(E.Locks.front());
    A.Write = E.Write;
    A.Site = E.Site;
    A.Required.assign(E.Locks.begin() + 1, E.Locks.end());
    recordAccess(S, std::move(A), true);
    return;
  }
  case Event::ThreadJoin:
    joinThread(S, E, Report);
    return;
  case Event::ThreadDetach: {
    if (E.Locks.empty())
      return;
    std::string Key = canonical(E.Locks.front()).key();
    S.dropJoinable(Key);
    if (Report)
      for (const RunningFact &R : S.Running)
        if (R.Object == Key)
          checkEscape(Instances[R.Id]);
    return;
  }
  case Event::ThreadDestroy: {
    if (E.Locks.empty())
      return;
    std::string Key = canonical(E.Locks.front()).key();
    if (const JoinableFact *J = S.joinable(Key)) {
      if (Report && H)
        H->handleThreadNotJoined(F, *J, E.Site, false);
      S.dropJoinable(Key);
    }
    return;
  }
  case Event::Blocking: {
    std::vector<LockRef> Frees = E.Locks;
    if (E.Guard >= 0)
      if (auto It = S.Guards.find(E.Guard); It != S.Guards.end())
        Frees = It->second.Locks;
    checkBlocking(S, E.CalleeName, E.Site, {}, Frees, nullptr, Report);
    return;
  }
  }
}

bool Analyzer::inCycle(int B) const {
  std::vector<char> Seen(F.Blocks.size(), 0);
  std::vector<int> Work;
  for (int S : F.Blocks[B].Succs)
    if (S >= 0 && size_t(S) < F.Blocks.size() && !Seen[S]) {
      Seen[S] = 1;
      Work.push_back(S);
    }
  while (!Work.empty()) {
    int X = Work.back();
    Work.pop_back();
    if (X == B)
      return true;
    for (int S : F.Blocks[X].Succs)
      if (S >= 0 && size_t(S) < F.Blocks.size() && !Seen[S]) {
        Seen[S] = 1;
        Work.push_back(S);
      }
  }
  return false;
}

std::vector<LockRef> Analyzer::heldLocks(const Lockset &S) const {
  std::vector<LockRef> Out = EntryHeld;
  for (const HeldFact &Held : S.Held)
    if (effectiveMust(Held))
      Out.push_back(Held.Lock);
  return Out;
}

std::vector<int> Analyzer::runningIds(const Lockset &S) const {
  std::vector<int> Ids;
  for (const RunningFact &R : S.Running)
    Ids.push_back(R.Id);
  return Ids;
}

void Analyzer::recordAccess(const Lockset &S, SummaryAccess A, bool AddHeld) {
  if (A.Loc.isUnknown())
    return;
  if (AddHeld) {
    std::vector<LockRef> Here = heldLocks(S);
    A.Held.insert(A.Held.end(), Here.begin(), Here.end());
  }
  // Annotations the locks held here satisfy are settled.
  std::vector<LockRef> Unmet;
  for (const LockRef &R : A.Required)
    if (!haveCommonLock({R}, A.Held))
      Unmet.push_back(R);
  A.Required = std::move(Unmet);
  Own.push_back({std::move(A), runningIds(S)});
}

void Analyzer::prepareThreads() {
  for (const LockRef &L : F.Contract.Requires)
    EntryHeld.push_back(L);
  auto Rebase = [&](const SummaryAccess &A, const Event &E,
                    const CallStep &Head, SummaryAccess &Out) {
    Out = A;
    Out.Loc = canonical(substitute(A.Loc, E));
    if (Out.Loc.isUnknown())
      return false;
    Out.Chain = prepend(Head, A.Chain);
    Out.Held.clear();
    for (const LockRef &L : A.Held) {
      LockRef R = substitute(L, E);
      if (!R.isUnknown())
        Out.Held.push_back(canonical(R));
    }
    Out.Required.clear();
    for (const LockRef &L : A.Required) {
      LockRef R = substitute(L, E);
      if (!R.isUnknown())
        Out.Required.push_back(R);
    }
    return true;
  };
  for (size_t B = 0; B < F.Blocks.size(); ++B) {
    const std::vector<Event> &Events = F.Blocks[B].Events;
    for (size_t I = 0; I < Events.size(); ++I) {
      const Event &E = Events[I];
      if (E.Kind != Event::Spawn && E.Kind != Event::Call)
        continue;
      const FunctionSummary *Callee =
          P.Summary ? P.Summary(E.Callee) : nullptr;
      CallStep Head{E.Site, E.CalleeName};
      if (E.Kind == Event::Call) {
        if (!Callee)
          continue;
        for (const SummaryThread &T : Callee->Threads) {
          ThreadInstance Inst;
          Inst.Entry = T.Entry;
          Inst.Spawn = T.Spawn;
          Inst.Chain = prepend(Head, T.Chain);
          Inst.Multi = T.Multi || inCycle(int(B));
          Inst.FromCall = true;
          for (const SummaryAccess &A : T.Accesses) {
            SummaryAccess R;
            if (Rebase(A, E, Head, R))
              Inst.Accesses.push_back(std::move(R));
          }
          InstancesAt[{int(B), I}].push_back(int(Instances.size()));
          Instances.push_back(std::move(Inst));
        }
        continue;
      }
      ThreadInstance Inst;
      Inst.Entry = E.CalleeName;
      Inst.Spawn = E.Site;
      bool Container = false;
      if (!E.Locks.empty())
        for (const std::string &Step : E.Locks.front().Path)
          Container |= Step == "[]";
      // Two start sites are two instances, ordered or not by the running
      // facts; one site in a loop or into a container starts many.
      Inst.Multi = Container || inCycle(int(B));
      for (const auto &[Index, Ref] : E.Args)
        if (Index >= 0 || Ref.Root != RootKind::This || !Ref.Path.empty())
          Inst.Refs.push_back(Ref);
      if (Callee) {
        for (const SummaryAccess &A : Callee->Accesses) {
          SummaryAccess R;
          if (!Rebase(A, E, Head, R))
            continue;
          R.Chain = A.Chain; // The entry's own code: no call from here.
          Inst.Accesses.push_back(std::move(R));
        }
        // Threads the entry leaves running run alongside it.
        for (const SummaryThread &T : Callee->Threads)
          for (const SummaryAccess &A : T.Accesses) {
            SummaryAccess R;
            if (Rebase(A, E, Head, R))
              Inst.Accesses.push_back(std::move(R));
          }
        for (const SummaryAcquire &A : Callee->Acquires) {
          LockRef L = substitute(A.Lock, E);
          if (L.isUnknown())
            continue;
          Inst.Acquires.push_back(L.key());
          if (!L.className().empty())
            Inst.Acquires.push_back("class:" + L.className());
        }
      }
      InstancesAt[{int(B), I}].push_back(int(Instances.size()));
      Instances.push_back(std::move(Inst));
    }
  }
}

void Analyzer::spawnThread(Lockset &S, const Event &E, bool Report) {
  auto It = InstancesAt.find({CurrentBlock, CurrentEvent});
  if (It == InstancesAt.end())
    return;
  int Id = It->second.front();
  std::string Key = E.Locks.empty() ? "" : canonical(E.Locks.front()).key();
  if (!Key.empty() && !E.Detached && E.Owns) {
    if (const JoinableFact *J = S.joinable(Key))
      if (Report && H)
        H->handleThreadNotJoined(F, *J, E.Site, true);
    JoinableFact J;
    J.Key = Key;
    J.Object = E.Locks.front();
    J.Start = E.Site;
    S.setJoinable(std::move(J));
  }
  if (Report) {
    Instances[Id].RunningAtStart = runningIds(S);
    if (E.Detached)
      checkEscape(Instances[Id]);
  }
  S.JoinedAll.erase(
      std::remove(S.JoinedAll.begin(), S.JoinedAll.end(), Key),
      S.JoinedAll.end());
  S.addRunning({Id, Key});
}

void Analyzer::joinThread(Lockset &S, const Event &E, bool Report) {
  std::string Key = E.Locks.empty() ? "" : canonical(E.Locks.front()).key();
  std::set<std::string> Needed;
  if (!Key.empty())
    for (const RunningFact &R : S.Running)
      if (R.Object == Key)
        Needed.insert(Instances[R.Id].Acquires.begin(),
                      Instances[R.Id].Acquires.end());
  checkBlocking(S, E.CalleeName, E.Site, {}, {}, &Needed, Report);
  if (Key.empty())
    return;
  S.Running.erase(std::remove_if(S.Running.begin(), S.Running.end(),
                                 [&](const RunningFact &R) {
                                   return R.Object == Key;
                                 }),
                  S.Running.end());
  S.dropJoinable(Key);
  if (Key.find("[]") != std::string::npos) {
    auto At = std::lower_bound(S.JoinedAll.begin(), S.JoinedAll.end(), Key);
    if (At == S.JoinedAll.end() || *At != Key)
      S.JoinedAll.insert(At, Key);
  }
}

void Analyzer::checkBlocking(const Lockset &S, const std::string &What,
                             const SourcePos &Site, const CallChain &Chain,
                             const std::vector<LockRef> &Frees,
                             const std::set<std::string> *Needed,
                             bool Report) {
  if (!Report)
    return;
  if (BlockingSeen.insert(Site.File + ":" + std::to_string(Site.Line) + ":" +
                          std::to_string(Site.Column))
          .second &&
      Result.Summary.Blocking.size() < 64) {
    SummaryBlocking B;
    B.What = What;
    B.Site = Site;
    B.Chain = Chain;
    B.Frees = Frees;
    Result.Summary.Blocking.push_back(std::move(B));
  }
  if (!H)
    return;
  // A condition wait releases its own mutex while it waits. When that
  // mutex cannot be matched to a held lock (a wrapper's member reached
  // through a pointer), which held lock it frees is unknown: stay quiet.
  if (!Frees.empty()) {
    bool Matched = false;
    for (const LockRef &L : Frees) {
      std::string Key = canonical(L).key();
      for (const HeldFact &Held : S.Held)
        Matched |= Held.Key == Key;
    }
    if (!Matched)
      return;
  }
  const HeldFact *Report1 = nullptr;
  bool Deadlock = false;
  for (const HeldFact &Held : S.Held) {
    if (!effectiveMust(Held) || Held.Entry)
      continue;
    bool Freed = false;
    for (const LockRef &L : Frees)
      Freed |= canonical(L).key() == Held.Key;
    if (Freed)
      continue;
    bool Need = Needed && (Needed->count(Held.Key) ||
                           (!Held.Lock.className().empty() &&
                            Needed->count("class:" + Held.Lock.className())));
    if (!Report1 || (Need && !Deadlock)) {
      Report1 = &Held;
      Deadlock = Need;
    }
  }
  if (Report1)
    H->handleBlockingUnderLock(F, What, Site, Chain, *Report1, Deadlock);
}

void Analyzer::checkEscape(const ThreadInstance &T) {
  if (!H)
    return;
  std::set<std::string> Seen;
  auto Local = [&](const LockRef &L, const SourcePos &Use) {
    if (L.Root != RootKind::Local || L.localOwner() != F.LocalOwner)
      return;
    LockRef Var = L;
    Var.Path.clear();
    if (!Seen.insert(Var.key()).second)
      return;
    H->handleDetachedEscape(F, T.Spawn, T.Entry, L, Use);
  };
  for (const LockRef &R : T.Refs)
    Local(R, SourcePos());
  for (const SummaryAccess &A : T.Accesses)
    Local(A.Loc, A.Site);
}

void Analyzer::finishThreads(const Lockset &AtExit) {
  // Annotated locations accessed without their lock: reported where no
  // caller can supply it.
  bool Top = !P.Called || !P.Called->count(F.Usr) || root();
  if (H && Top)
    for (const OwnAccess &O : Own)
      if (!O.A.Required.empty()) {
        RaceFinding R;
        R.Kind = RaceFinding::Annotation;
        R.First.Loc = O.A.Loc;
        R.First.Write = O.A.Write;
        R.First.Site = O.A.Site;
        R.First.Chain = O.A.Chain;
        R.First.Held = O.A.Held;
        R.First.Thread = F.Name;
        R.Required = O.A.Required;
        H->handleRace(R);
      }
  if (H) {
    const ThreadRoot *Root = root();
    reportRaces(Root ? Root->Name : F.Name, F.Usr, Own, Instances, *H);
  }

  // The summary: accesses callers can name, threads still running.
  std::set<std::string> Seen;
  auto Export = [&](SummaryAccess A, std::vector<SummaryAccess> &To,
                    bool OwnThread) {
    if (!visibleToCallers(A.Loc, F.LocalOwner))
      return;
    if (OwnThread && F.IsCtorOrDtor && A.Loc.Root == RootKind::This)
      return; // The object is not shared while it is built or destroyed.
    if (Top)
      A.Required.clear();
    std::string Key = A.Loc.key() + (A.Write ? "|w" : "|r") +
                      (A.InThread ? "|t" : "") +
                      (A.Required.empty() ? "" : "|q");
    std::vector<std::string> Locks;
    for (const LockRef &L : A.Held)
      Locks.push_back(L.key());
    std::sort(Locks.begin(), Locks.end());
    for (const std::string &L : Locks)
      Key += "|" + L;
    if (&To == &Result.Summary.Accesses && !Seen.insert(Key).second)
      return;
    if (To.size() >= 512)
      return;
    To.push_back(std::move(A));
  };
  for (const OwnAccess &O : Own)
    Export(O.A, Result.Summary.Accesses, true);
  std::vector<char> StillRunning(Instances.size(), 0);
  if (AtExit.Reachable)
    for (const RunningFact &R : AtExit.Running)
      StillRunning[R.Id] = 1;
  for (size_t I = 0; I < Instances.size(); ++I) {
    const ThreadInstance &T = Instances[I];
    if (!StillRunning[I]) {
      // Started and joined inside: its accesses happen during the call.
      for (SummaryAccess A : T.Accesses) {
        A.InThread = true;
        A.Chain = prepend(CallStep{T.Spawn, T.Entry}, A.Chain);
        Export(std::move(A), Result.Summary.Accesses, false);
      }
      continue;
    }
    SummaryThread Out;
    Out.Entry = T.Entry;
    Out.Spawn = T.Spawn;
    Out.Chain = T.Chain;
    Out.Multi = T.Multi;
    for (const SummaryAccess &A : T.Accesses)
      Export(A, Out.Accesses, false);
    if (!Out.Accesses.empty() && Result.Summary.Threads.size() < 16)
      Result.Summary.Threads.push_back(std::move(Out));
  }
}

void Analyzer::edgeTransfer(Lockset &S, const Block &From, size_t SuccIndex) {
  // `if (t.joinable())`: not joinable on the other branch.
  if (!From.CondThread.empty() && From.Succs.size() == 2 &&
      (SuccIndex == 0) != From.JoinableOnFirst)
    S.dropJoinable(From.CondThread);
  if (From.CondTry < 0 || From.Succs.size() != 2)
    return;
  bool Success = (SuccIndex == 0) == From.SuccessOnFirst;
  // Calls are extracted as "non-zero means success"; a callee that holds
  // the lock when it returns 0 flips that.
  if (auto It = TryFlip.find(From.CondTry); It != TryFlip.end() && It->second)
    Success = !Success;
  std::vector<std::string> Drop;
  for (HeldFact &Held : S.Held) {
    if (Held.TryId != From.CondTry)
      continue;
    if (Success)
      Held.TryId = -1;
    else
      Drop.push_back(Held.Key);
  }
  for (const std::string &K : Drop)
    S.remove(K);
}

TryResult Analyzer::tryAcquireKind(const std::vector<Lockset> &Out,
                                   const std::string &Key,
                                   bool *HoldingConstant) const {
  // The returns that keep the lock and those that do not must be told
  // apart by the value: constants that differ, or "zero / null" against
  // anything else (`return NULL;` versus `return iter;`).
  bool HoldingZero = false, HoldingOther = false;
  bool FreeZero = false, FreeOther = false;
  std::set<long long> Holding, Free;
  bool HoldingVaries = false, FreeVaries = false;
  for (size_t B = 0; B < F.Blocks.size(); ++B) {
    const Block &Blk = F.Blocks[B];
    if (!Out[B].Reachable || Blk.NoReturn ||
        std::find(Blk.Succs.begin(), Blk.Succs.end(), F.Exit) ==
            Blk.Succs.end())
      continue;
    Lockset Copy = Out[B];
    bool Holds = Copy.find(Key) != nullptr;
    if (!Blk.HasReturnValue) {
      (Holds ? HoldingVaries : FreeVaries) = true;
      (Holds ? HoldingOther : FreeOther) = true;
      continue;
    }
    (Holds ? Holding : Free).insert(Blk.ReturnValue);
    if (Blk.ReturnValue == 0)
      (Holds ? HoldingZero : FreeZero) = true;
    else
      (Holds ? HoldingOther : FreeOther) = true;
  }
  if (HoldingConstant)
    *HoldingConstant = !Holding.empty();
  if ((Holding.empty() && !HoldingVaries) || (Free.empty() && !FreeVaries))
    return TryResult::None;
  if (!HoldingVaries && !FreeVaries) {
    for (long long V : Holding)
      if (Free.count(V))
        return TryResult::None;
    if (Free == std::set<long long>{0})
      return TryResult::HeldWhenNonZero;
    if (Holding == std::set<long long>{0})
      return TryResult::HeldWhenZero;
    return TryResult::Distinct;
  }
  if (FreeZero && !FreeOther && !HoldingZero)
    return TryResult::HeldWhenNonZero;
  if (HoldingZero && !HoldingOther && !FreeZero)
    return TryResult::HeldWhenZero;
  return TryResult::None;
}

void Analyzer::finish(const std::vector<Lockset> &Out, const Lockset &AtExit) {
  const ThreadRoot *Root = nullptr;
  if (P.Roots) {
    auto It = P.Roots->find(F.Usr);
    if (It != P.Roots->end())
      Root = &It->second;
  }
  std::set<std::string> Contract;
  for (const LockRef &L : F.Contract.Acquires)
    Contract.insert(L.key());
  for (const LockRef &L : F.Contract.AcquiresShared)
    Contract.insert(L.key());

  // The summary callers apply.
  Result.Summary.FieldAliases = F.FieldAliases;
  for (SummaryAcquire &A : Result.Summary.Acquires)
    A.Unconditional = AtExit.Reachable && AtExit.passed(A.Lock.key());
  if (AtExit.Reachable) {
    for (const HeldFact &Held : AtExit.Held) {
      if (Held.Entry)
        continue;
      SummaryHeld X;
      X.Lock = Held.Lock;
      X.Mode = Held.Mode;
      X.Must = effectiveMust(Held);
      X.Site = Held.Site;
      X.Chain = Held.Chain;
      Result.Summary.HeldAtExit.push_back(std::move(X));
    }
    for (const ReleaseFact &R : AtExit.Released) {
      if (!R.Entry)
        continue;
      SummaryRelease X;
      X.Lock = R.Lock;
      X.Must = R.Must;
      X.Site = R.Site;
      X.Chain = R.Chain;
      Result.Summary.Releases.push_back(std::move(X));
    }
  }
  for (const SummaryHeld &X : Result.Summary.HeldAtExit)
    if (!X.Must) {
      bool HoldingConstant = false;
      TryResult Kind = tryAcquireKind(Out, X.Lock.key(), &HoldingConstant);
      if (!AtExit.passed(X.Lock.key()) ||
          (F.ReturnsPointer && Kind == TryResult::HeldWhenNonZero &&
           !HoldingConstant)) {
        Result.Summary.Try = Kind;
        break;
      }
    }
  if (!H)
    return;

  if (Root)
    for (const SummaryRelease &R : Result.Summary.Releases)
      if (R.Lock.isPrecise())
        H->handleReleaseInThread(F, *Root, R);

  // Locks held at some return: one report per lock, at its first return.
  // Without a thread entry, only a lock that another return releases is a
  // leak (the early return that forgets to unlock); a function that takes
  // a lock on some paths and never releases it is a conditional acquire
  // function, like `if (enabled) lock(m)`.
  std::set<std::string> Reported;
  std::set<std::string> ReleasedAtSomeReturn;
  std::vector<std::pair<SourcePos, const HeldFact *>> AtReturns;
  for (size_t B = 0; B < F.Blocks.size(); ++B) {
    const Block &Blk = F.Blocks[B];
    if (!Out[B].Reachable || Blk.NoReturn ||
        std::find(Blk.Succs.begin(), Blk.Succs.end(), F.Exit) ==
            Blk.Succs.end())
      continue;
    for (const HeldFact &Held : Out[B].Held)
      AtReturns.push_back({Blk.ReturnSite, &Held});
    for (const ReleaseFact &R : Out[B].Released)
      if (!R.Entry)
        ReleasedAtSomeReturn.insert(R.Key);
  }
  // Throws that leave the function: guards unlock while unwinding, locks
  // taken by hand stay held.
  std::set<std::string> ReportedThrow;
  for (size_t B = 0; B < F.Blocks.size(); ++B) {
    const Block &Blk = F.Blocks[B];
    if (!Out[B].Reachable || !Blk.Throws ||
        std::find(Blk.Succs.begin(), Blk.Succs.end(), F.Exit) ==
            Blk.Succs.end())
      continue;
    for (const HeldFact &Held : Out[B].Held)
      if (Held.Guard < 0 && !Held.Unmanaged && !Held.Entry &&
          Held.TryId < 0 && Held.Lock.isPrecise() &&
          !Contract.count(Held.Key) && ReportedThrow.insert(Held.Key).second)
        H->handleHeldAtThrow(F, Held, Blk.ReturnSite);
  }
  std::stable_sort(AtReturns.begin(), AtReturns.end(),
                   [](const auto &A, const auto &B) { return A.first < B.first; });
  for (const auto &[Site, Held] : AtReturns) {
    if (Held->Unmanaged || Held->Entry || Contract.count(Held->Key) ||
        !Held->Lock.isPrecise())
      continue;
    const HeldFact *Everywhere = nullptr;
    for (const HeldFact &E : AtExit.Held)
      if (E.Key == Held->Key && effectiveMust(E))
        Everywhere = &E;
    bool OnEveryPath = Everywhere != nullptr;
    // A function that acquires on every path hands the lock to its caller;
    // only a thread entry has nobody to hand it to.
    if (OnEveryPath && !Root)
      continue;
    if (!OnEveryPath && !Root && !ReleasedAtSomeReturn.count(Held->Key))
      continue;
    // Returns that hold the lock told apart by their value make a
    // try-acquire function. If the lock is taken on every path, only
    // "the object, locked / NULL after unlocking" qualifies: a constant
    // returned while holding it (`pop()` forgetting to unlock before
    // `return false`) is the classic leak.
    if (!OnEveryPath) {
      bool HoldingConstant = false;
      TryResult Kind = tryAcquireKind(Out, Held->Key, &HoldingConstant);
      if (Kind != TryResult::None &&
          (!AtExit.passed(Held->Key) ||
           (F.ReturnsPointer && Kind == TryResult::HeldWhenNonZero &&
            !HoldingConstant)))
        continue;
    }
    if (Held->TryId >= 0)
      continue;
    if (!Reported.insert(Held->Key).second)
      continue;
    H->handleHeldAtReturn(F, *Held, Site, OnEveryPath, Root);
  }
}

FunctionResult Analyzer::run() {
  size_t N = F.Blocks.size();
  if (N == 0)
    return Result;
  std::vector<std::vector<std::pair<int, size_t>>> Preds(N);
  for (size_t B = 0; B < N; ++B)
    for (size_t I = 0; I < F.Blocks[B].Succs.size(); ++I)
      if (int S = F.Blocks[B].Succs[I]; S >= 0 && size_t(S) < N)
        Preds[S].push_back({int(B), I});

  // Reverse post order from the entry.
  std::vector<int> Order;
  {
    std::vector<char> Seen(N, 0);
    std::vector<std::pair<int, size_t>> Stack{{F.Entry, 0}};
    Seen[F.Entry] = 1;
    while (!Stack.empty()) {
      auto &[B, I] = Stack.back();
      const Block &Blk = F.Blocks[B];
      if (I >= Blk.Succs.size()) {
        Order.push_back(B);
        Stack.pop_back();
        continue;
      }
      int S = Blk.Succs[I++];
      if (S >= 0 && size_t(S) < N && !Seen[S]) {
        Seen[S] = 1;
        Stack.push_back({S, 0});
      }
    }
    std::reverse(Order.begin(), Order.end());
  }
  prepareThreads();
  std::vector<size_t> Rank(N, N);
  for (size_t I = 0; I < Order.size(); ++I)
    Rank[Order[I]] = I;

  std::vector<Lockset> In(N), Out(N);
  auto ComputeIn = [&](int B) {
    Lockset S;
    if (B == F.Entry)
      S.Reachable = true;
    for (const auto &[Pred, Index] : Preds[B]) {
      if (!Out[Pred].Reachable)
        continue;
      // A throw or a noreturn call leaves the function, but not by a
      // return: what it holds is not returned to a caller.
      if (B == F.Exit && F.Blocks[Pred].NoReturn)
        continue;
      Lockset Edge = Out[Pred];
      edgeTransfer(Edge, F.Blocks[Pred], Index);
      S.join(Edge);
    }
    return S;
  };

  // Fixpoint without reporting. Joins only weaken facts (must -> may ->
  // gone is not possible, but may is absorbing), so this terminates; the
  // iteration cap guards against oscillating guard maps.
  bool Changed = true;
  for (int Round = 0; Changed && Round < 16; ++Round) {
    Changed = false;
    for (int B : Order) {
      Lockset S = ComputeIn(B);
      In[B] = S;
      CurrentBlock = B;
      for (CurrentEvent = 0; CurrentEvent < F.Blocks[B].Events.size();
           ++CurrentEvent)
        transfer(S, F.Blocks[B].Events[CurrentEvent], false);
      if (!(S == Out[B])) {
        Out[B] = std::move(S);
        Changed = true;
      }
    }
  }

  // Final pass: report, record witnesses, build the summary afresh.
  Result.Summary = FunctionSummary();
  AcquireKeys.clear();
  OpenEdgeKeys.clear();
  for (int B : Order) {
    Lockset S = ComputeIn(B);
    CurrentBlock = B;
    for (CurrentEvent = 0; CurrentEvent < F.Blocks[B].Events.size();
         ++CurrentEvent)
      transfer(S, F.Blocks[B].Events[CurrentEvent], true);
    Out[B] = std::move(S);
  }
  CurrentBlock = -1;
  Lockset AtExit = ComputeIn(F.Exit);
  finish(Out, AtExit);
  finishThreads(AtExit);
  return Result;
}

} // namespace

FunctionResult analyzeFunction(const FunctionFacts &F,
                               const ProgramContext &Program,
                               AnalysisHandler *Handler,
                               LockOrderGraph *Graph) {
  Analyzer A(F, Program, Handler, Graph);
  return A.run();
}

} // namespace lockgraph
