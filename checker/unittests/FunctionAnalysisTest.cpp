//===- FunctionAnalysisTest.cpp - Tests of analysis/FunctionAnalysis ------===//
//
// Each test hand-lowers a small function to facts, the way the extractor
// would, and checks the events the analysis reports and the summary it
// hands to callers. The C++ each test stands for is in its comment.
//
//===----------------------------------------------------------------------===//

#include "analysis/FunctionAnalysis.h"

#include "RecordingHandler.h"
#include "TestFacts.h"

#include <gtest/gtest.h>

#include <optional>

using namespace lockgraph;
using namespace lockgraph::test;

namespace {

/// The rest of the program, as one function's analysis sees it: callee
/// summaries, recursive lock classes and thread roots.
class Program {
public:
  std::map<std::string, FunctionSummary> Summaries;
  std::set<std::string> RecursiveClasses;
  std::map<std::string, ThreadRoot> Roots;
  RecordingHandler Events;
  LockOrderGraph Graph;

  ProgramContext context() {
    ProgramContext C;
    C.Summary = [this](const std::string &Usr) -> const FunctionSummary * {
      auto It = Summaries.find(Usr);
      return It == Summaries.end() ? nullptr : &It->second;
    };
    C.RecursiveClasses = &RecursiveClasses;
    C.Roots = &Roots;
    return C;
  }

  /// Analyses \p F with reporting; later calls to it see its summary.
  FunctionResult analyze(const FunctionFacts &F) {
    FunctionResult R = analyzeFunction(F, context(), &Events, &Graph);
    Summaries[F.Usr] = R.Summary;
    return R;
  }

  /// Analyses \p F as a callee only: its summary, no events.
  void define(const FunctionFacts &F) {
    Summaries[F.Usr] = analyzeFunction(F, context(), nullptr, nullptr).Summary;
  }

  void makeRoot(const FunctionFacts &F, SourcePos Spawn = SourcePos()) {
    Roots[F.Usr] = ThreadRoot{F.Name, Spawn};
  }
};

FunctionSummary summarize(const FunctionFacts &F) {
  return analyzeFunction(F, ProgramContext(), nullptr, nullptr).Summary;
}

const SummaryHeld *heldAtExit(const FunctionSummary &S, const LockRef &L) {
  for (const SummaryHeld &H : S.HeldAtExit)
    if (H.Lock.key() == L.key())
      return &H;
  return nullptr;
}

const SummaryAcquire *acquired(const FunctionSummary &S, const LockRef &L) {
  for (const SummaryAcquire &A : S.Acquires)
    if (A.Lock.key() == L.key())
      return &A;
  return nullptr;
}

const OrderEdge *edge(const LockOrderGraph &G, const std::string &From,
                      const std::string &To) {
  auto It = G.edges().find({From, To});
  return It == G.edges().end() ? nullptr : &It->second;
}

const LockRef G = global("g_mu");
const LockRef H = global("h_mu");
const LockRef Mu = thisField("Account::mu_");

//===----------------------------------------------------------------------===//
// substitute() and sameEffect()
//===----------------------------------------------------------------------===//

TEST(SubstituteTest, ThisAndParametersTakeTheCallersArguments) {
  Event Call = call("f", 5, {{-1, global("acct")}, {1, param(0)}});
  EXPECT_EQ(substitute(Mu, Call).key(), "G:acct/Account::mu_");
  EXPECT_EQ(substitute(paramField(1, "Account::mu_"), Call).key(),
            "P0:/Account::mu_");
}

TEST(SubstituteTest, MissingArgumentMakesTheLockUnknown) {
  Event Call = call("f", 5, {{0, global("a")}});
  LockRef L = substitute(Mu, Call);
  EXPECT_TRUE(L.isUnknown());
  EXPECT_EQ(L.className(), "Account::mu_") << "the class survives";
  EXPECT_FALSE(L.isPrecise());
}

TEST(SubstituteTest, GlobalsAndLocalsAreUnchanged) {
  Event Call = call("f", 5, {{-1, global("acct")}, {0, global("a")}});
  EXPECT_EQ(substitute(G, Call).key(), G.key());
}

TEST(SummaryTest, SameEffectComparesWhatCallersSee) {
  FunctionSummary A = summarize(straightLine("f", {acquire(G, 2)}));
  FunctionSummary MovedSite = summarize(straightLine("f", {acquire(G, 7)}));
  FunctionSummary Other = summarize(straightLine("f", {acquire(H, 2)}));
  FunctionSummary Maybe = summarize(diamond("f", {acquire(G, 2)}, {}));
  EXPECT_TRUE(A.sameEffect(MovedSite));
  EXPECT_FALSE(A.sameEffect(Other));
  EXPECT_FALSE(A.sameEffect(Maybe));
  EXPECT_FALSE(A.sameEffect(FunctionSummary()));
}

//===----------------------------------------------------------------------===//
// Double acquisition
//===----------------------------------------------------------------------===//

TEST(FunctionAnalysisTest, DirectDoubleAcquireIsMust) {
  // g_mu.lock(); g_mu.lock();
  Program P;
  P.analyze(straightLine("f", {acquire(G, 2), acquire(G, 3)}));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u);
  const auto &D = P.Events.DoubleAcquires[0];
  EXPECT_EQ(D.Function, "f");
  EXPECT_EQ(D.Lock.key(), G.key());
  EXPECT_EQ(D.Site.Line, 3u);
  EXPECT_EQ(D.First.Site.Line, 2u);
  EXPECT_TRUE(D.Chain.empty());
  EXPECT_TRUE(D.Must);
}

TEST(FunctionAnalysisTest, TwoDifferentLocksAreNoDoubleAcquire) {
  Program P;
  P.analyze(straightLine("f", {acquire(G, 2), acquire(H, 3)}));
  EXPECT_EQ(P.Events.total(), 0u);
}

TEST(FunctionAnalysisTest, ReleasedBeforeReacquireIsNoDoubleAcquire) {
  Program P;
  P.analyze(straightLine(
      "f", {acquire(G, 2), release(G, 3), acquire(G, 4), release(G, 5)}));
  EXPECT_EQ(P.Events.total(), 0u);
}

TEST(FunctionAnalysisTest, AcquireOnOneBranchThenAfterJoinIsMay) {
  // if (c) g_mu.lock();  g_mu.lock();
  Program P;
  P.analyze(diamond("f", {acquire(G, 2)}, {}, {acquire(G, 5)}));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u);
  EXPECT_FALSE(P.Events.DoubleAcquires[0].Must);
  EXPECT_EQ(P.Events.DoubleAcquires[0].Site.Line, 5u);
  EXPECT_EQ(P.Events.DoubleAcquires[0].First.Site.Line, 2u);
}

TEST(FunctionAnalysisTest, BlockingAcquireOfAMayHeldLockMakesItMust) {
  // if (c) g_mu.lock();  g_mu.lock();  — held on every path after that.
  FunctionSummary S =
      summarize(diamond("f", {acquire(G, 2)}, {}, {acquire(G, 5)}));
  const SummaryHeld *X = heldAtExit(S, G);
  ASSERT_NE(X, nullptr);
  EXPECT_TRUE(X->Must);
}

TEST(FunctionAnalysisTest, BlockingAcquireOfAMayHeldLockOrdersLaterLocks) {
  // if (c) g_mu.lock();  g_mu.lock(); h_mu.lock();
  Program P;
  P.analyze(diamond("f", {acquire(G, 2)}, {}, {acquire(G, 5), acquire(H, 6)}));
  EXPECT_NE(edge(P.Graph, "g_mu", "h_mu"), nullptr);
}

TEST(FunctionAnalysisTest, SharedTwiceIsNotReported) {
  LockRef RW = global("rw", LockKind::SharedMutex);
  Program P;
  P.analyze(straightLine("f", {acquireShared(RW, 2), acquireShared(RW, 3)}));
  EXPECT_TRUE(P.Events.DoubleAcquires.empty());
}

TEST(FunctionAnalysisTest, SharedLockTakenTwiceIsReleasedTwice) {
  // rw.lock_shared(); rw.lock_shared(); rw.unlock_shared(); rw.unlock_shared();
  LockRef RW = global("rw", LockKind::SharedMutex);
  Program P;
  FunctionResult Twice =
      P.analyze(straightLine("f", {acquireShared(RW, 2), acquireShared(RW, 3),
                                   release(RW, 4), release(RW, 5)}));
  EXPECT_TRUE(P.Events.DoubleReleases.empty());
  EXPECT_EQ(heldAtExit(Twice.Summary, RW), nullptr);

  FunctionSummary Once = summarize(straightLine(
      "f", {acquireShared(RW, 2), acquireShared(RW, 3), release(RW, 4)}));
  EXPECT_NE(heldAtExit(Once, RW), nullptr) << "read-locked twice, once out";
}

TEST(FunctionAnalysisTest, SharedLockTakenTwiceThroughAGuardCountsReaders) {
  // shared_lock l(rw, defer_lock); rw.lock_shared(); l.lock();
  // rw.unlock_shared();
  LockRef RW = global("rw", LockKind::SharedMutex);
  Event Bind = guardBind(RW, 0, false, 2);
  Bind.Mode = AccessMode::Shared;
  FunctionSummary S = summarize(
      straightLine("f", {Bind, acquireShared(RW, 3),
                         guardOp(Event::GuardLock, 0, 4), release(RW, 5)}));
  EXPECT_NE(heldAtExit(S, RW), nullptr) << "the guard's hold remains";
}

TEST(FunctionAnalysisTest, SharedThenExclusiveIsReported) {
  LockRef RW = global("rw", LockKind::SharedMutex);
  Program P;
  P.analyze(straightLine("f", {acquireShared(RW, 2), acquire(RW, 3)}));
  EXPECT_EQ(P.Events.DoubleAcquires.size(), 1u);
}

TEST(FunctionAnalysisTest, SharedAfterExclusiveOnSomePathIsReported) {
  // if (c) rw.lock(); else rw.lock_shared();  rw.lock_shared();
  LockRef RW = global("rw", LockKind::SharedMutex);
  Program P;
  P.analyze(diamond("f", {acquire(RW, 2)}, {acquireShared(RW, 3)},
                    {acquireShared(RW, 5)}));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u);
  EXPECT_EQ(P.Events.DoubleAcquires[0].Site.Line, 5u);
}

// The mirror image of the test above: a lock held shared on one path and
// exclusive on the other joins as exclusive (may), so a later shared
// acquisition is reported whichever predecessor is joined first.
TEST(FunctionAnalysisTest,
     SharedAfterExclusiveOnSomePathIsReportedWhateverTheBlockOrder) {
  // if (c) rw.lock_shared(); else rw.lock();  rw.lock_shared();
  LockRef RW = global("rw", LockKind::SharedMutex);
  Program P;
  P.analyze(diamond("f", {acquireShared(RW, 2)}, {acquire(RW, 3)},
                    {acquireShared(RW, 5)}));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u);
  EXPECT_EQ(P.Events.DoubleAcquires[0].Site.Line, 5u);
}

TEST(FunctionAnalysisTest, ImpreciseLockIsNotReported) {
  // locks[i].lock(); locks[j].lock();
  LockRef Element = global("locks");
  Element.Path = {"[]"};
  Program P;
  P.analyze(straightLine("f", {acquire(Element, 2), acquire(Element, 3)}));
  EXPECT_TRUE(P.Events.DoubleAcquires.empty());
}

TEST(FunctionAnalysisTest, RecursiveKindIsNotReported) {
  LockRef R = global("rm", LockKind::RecursiveMutex);
  Program P;
  P.analyze(straightLine("f", {acquire(R, 2), acquire(R, 3)}));
  EXPECT_TRUE(P.Events.DoubleAcquires.empty());
}

TEST(FunctionAnalysisTest, RecursiveClassFromTheProgramIsNotReported) {
  // A pthread mutex initialised with PTHREAD_MUTEX_RECURSIVE elsewhere.
  Program P;
  P.RecursiveClasses.insert("g_mu");
  P.analyze(straightLine("f", {acquire(G, 2), acquire(G, 3)}));
  EXPECT_TRUE(P.Events.DoubleAcquires.empty());
}

TEST(FunctionAnalysisTest, RecursiveLockCountsItsDepth) {
  LockRef R = global("rm", LockKind::RecursiveMutex);
  FunctionSummary Once = summarize(
      straightLine("f", {acquire(R, 2), acquire(R, 3), release(R, 4)}));
  EXPECT_NE(heldAtExit(Once, R), nullptr) << "locked twice, unlocked once";
  FunctionSummary Twice = summarize(straightLine(
      "f", {acquire(R, 2), acquire(R, 3), release(R, 4), release(R, 5)}));
  EXPECT_EQ(heldAtExit(Twice, R), nullptr);
}

//===----------------------------------------------------------------------===//
// Try-locks
//===----------------------------------------------------------------------===//

/// if (g_mu.try_lock()) { g_mu.lock(); (line 20) } else { g_mu.lock(); (30) }
FunctionFacts tryThenLockBoth(bool SuccessOnFirst) {
  Block Branch = block({tryAcquire(G, 0, 2)}, {1, 2});
  Branch.CondTry = 0;
  Branch.SuccessOnFirst = SuccessOnFirst;
  return function("f", {Branch, block({acquire(G, 20)}, {3}),
                        block({acquire(G, 30)}, {3}),
                        returnBlock({release(G, 40)}, 4, 41), exitBlock()});
}

TEST(FunctionAnalysisTest, TryLockHoldsOnlyOnTheSuccessBranch) {
  Program P;
  P.analyze(tryThenLockBoth(/*SuccessOnFirst=*/true));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u);
  EXPECT_EQ(P.Events.DoubleAcquires[0].Site.Line, 20u);
  EXPECT_TRUE(P.Events.DoubleAcquires[0].Must);
  EXPECT_EQ(P.Events.DoubleAcquires[0].First.Site.Line, 2u);
}

TEST(FunctionAnalysisTest, TryLockSuccessOnTheSecondEdge) {
  // if (g_mu.try_lock() != 0) / pthread_mutex_trylock(...) == 0 inverted.
  Program P;
  P.analyze(tryThenLockBoth(/*SuccessOnFirst=*/false));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u);
  EXPECT_EQ(P.Events.DoubleAcquires[0].Site.Line, 30u);
}

TEST(FunctionAnalysisTest, TryLockAddsNoOrderEdge) {
  // h_mu.lock(); if (g_mu.try_lock()) ...
  Program P;
  Block Branch = block({acquire(H, 1), tryAcquire(G, 0, 2)}, {1, 2});
  Branch.CondTry = 0;
  P.analyze(function("f", {Branch, block({release(G, 3)}, {2}),
                           returnBlock({release(H, 4)}, 3, 5), exitBlock()}));
  EXPECT_TRUE(P.Graph.edges().empty());
  EXPECT_EQ(P.Events.total(), 0u);
}

TEST(FunctionAnalysisTest, UntestedTryLockIsHeldMay) {
  FunctionSummary S = summarize(straightLine("f", {tryAcquire(G, 0, 2)}));
  const SummaryHeld *X = heldAtExit(S, G);
  ASSERT_NE(X, nullptr);
  EXPECT_FALSE(X->Must);
  EXPECT_TRUE(S.Acquires.empty()) << "a try-lock is not a blocking acquire";
}

//===----------------------------------------------------------------------===//
// RAII guards
//===----------------------------------------------------------------------===//

TEST(FunctionAnalysisTest, GuardDestroyReleases) {
  // { lock_guard l(g_mu); }  g_mu.lock();
  Program P;
  FunctionResult R = P.analyze(
      straightLine("f", {acquire(G, 2, 0), guardOp(Event::GuardDestroy, 0, 3),
                         acquire(G, 4)}));
  EXPECT_TRUE(P.Events.DoubleAcquires.empty());
  const SummaryHeld *X = heldAtExit(R.Summary, G);
  ASSERT_NE(X, nullptr);
  EXPECT_EQ(X->Site.Line, 4u);
}

TEST(FunctionAnalysisTest, LockHeldByALiveGuardIsReacquired) {
  // lock_guard l(g_mu); g_mu.lock();
  Program P;
  P.analyze(straightLine("f", {acquire(G, 2, 0), acquire(G, 3),
                               guardOp(Event::GuardDestroy, 0, 4)}));
  EXPECT_EQ(P.Events.DoubleAcquires.size(), 1u);
}

TEST(FunctionAnalysisTest, GuardUnlockAndLock) {
  // unique_lock l(g_mu); l.unlock(); g_mu.lock(); g_mu.unlock(); l.lock();
  Program P;
  FunctionResult R = P.analyze(straightLine(
      "f", {acquire(G, 2, 0), guardOp(Event::GuardUnlock, 0, 3), acquire(G, 4),
            release(G, 5), guardOp(Event::GuardLock, 0, 6),
            guardOp(Event::GuardDestroy, 0, 7)}));
  EXPECT_EQ(P.Events.total(), 0u);
  EXPECT_TRUE(R.Summary.HeldAtExit.empty());
}

TEST(FunctionAnalysisTest, GuardLockOfAHeldLockIsReported) {
  // unique_lock l(g_mu, defer_lock); g_mu.lock(); l.lock();
  Program P;
  P.analyze(straightLine("f", {guardBind(G, 0, false, 2), acquire(G, 3),
                               guardOp(Event::GuardLock, 0, 4)}));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u);
  EXPECT_EQ(P.Events.DoubleAcquires[0].Site.Line, 4u);
}

TEST(FunctionAnalysisTest, GuardMoveTransfersOwnership) {
  // unique_lock a(g_mu); unique_lock b(std::move(a)); ~a; ... ~b;
  Program P;
  P.analyze(straightLine("moved_from_destroyed",
                         {acquire(G, 2, 0), guardMove(0, 1, 3),
                          guardOp(Event::GuardDestroy, 0, 4), acquire(G, 5)}));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u)
      << "destroying the moved-from guard releases nothing";
  EXPECT_EQ(P.Events.DoubleAcquires[0].Site.Line, 5u);

  Program Q;
  FunctionResult R = Q.analyze(straightLine(
      "moved_to_destroyed",
      {acquire(G, 2, 0), guardMove(0, 1, 3), guardOp(Event::GuardDestroy, 1, 4),
       acquire(G, 5), release(G, 6), guardOp(Event::GuardDestroy, 0, 7)}));
  EXPECT_TRUE(Q.Events.DoubleAcquires.empty());
  EXPECT_TRUE(R.Summary.HeldAtExit.empty());
}

TEST(FunctionAnalysisTest, GuardDropLeavesTheLockHeldAndUnmanaged) {
  // A thread body: unique_lock l(g_mu); l.release(); — the lock stays held,
  // and whoever took it over answers for it: no leak.
  FunctionFacts F =
      straightLine("worker", {acquire(G, 2, 0), guardOp(Event::GuardDrop, 0, 3),
                              guardOp(Event::GuardDestroy, 0, 4)});
  Program P;
  P.makeRoot(F, at(77));
  FunctionResult R = P.analyze(F);
  const SummaryHeld *X = heldAtExit(R.Summary, G);
  ASSERT_NE(X, nullptr);
  EXPECT_TRUE(X->Must);
  EXPECT_TRUE(P.Events.HeldAtReturns.empty());
}

TEST(FunctionAnalysisTest, GuardBindAdoptingAnUnheldLockIsTheCallersLock) {
  // lock_guard l(g_mu, adopt_lock); — in a function called with g_mu held.
  FunctionSummary Kept =
      summarize(straightLine("f", {guardBind(G, 0, true, 2)}));
  EXPECT_TRUE(Kept.HeldAtExit.empty()) << "not a net acquisition";
  EXPECT_TRUE(Kept.Acquires.empty());
  EXPECT_TRUE(Kept.Releases.empty());

  FunctionSummary Released = summarize(straightLine(
      "f", {guardBind(G, 0, true, 2), guardOp(Event::GuardDestroy, 0, 3)}));
  EXPECT_TRUE(Released.HeldAtExit.empty());
  ASSERT_EQ(Released.Releases.size(), 1u) << "the guard unlocks the caller's";
  EXPECT_EQ(Released.Releases[0].Lock.key(), G.key());
  EXPECT_TRUE(Released.Releases[0].Must);
  EXPECT_EQ(Released.Releases[0].Site.Line, 3u);
}

TEST(FunctionAnalysisTest, GuardBindAdoptingAHeldLockOwnsIt) {
  // g_mu.lock(); lock_guard l(g_mu, adopt_lock);
  FunctionSummary S =
      summarize(straightLine("f", {acquire(G, 2), guardBind(G, 0, true, 3),
                                   guardOp(Event::GuardDestroy, 0, 4)}));
  EXPECT_TRUE(S.HeldAtExit.empty());
  EXPECT_TRUE(S.Releases.empty()) << "its own lock, not the caller's";
}

TEST(FunctionAnalysisTest, GuardBindDeferredLocksOnlyOnLock) {
  // unique_lock l(g_mu, defer_lock);
  FunctionSummary Deferred =
      summarize(straightLine("f", {guardBind(G, 0, false, 2)}));
  EXPECT_TRUE(Deferred.HeldAtExit.empty());
  EXPECT_TRUE(Deferred.Acquires.empty());
  // ... l.lock();
  FunctionSummary Locked = summarize(straightLine(
      "f", {guardBind(G, 0, false, 2), guardOp(Event::GuardLock, 0, 3)}));
  ASSERT_NE(heldAtExit(Locked, G), nullptr);
  EXPECT_EQ(heldAtExit(Locked, G)->Site.Line, 3u);
  // ... ~l
  FunctionSummary Destroyed = summarize(straightLine(
      "f", {guardBind(G, 0, false, 2), guardOp(Event::GuardLock, 0, 3),
            guardOp(Event::GuardDestroy, 0, 4)}));
  EXPECT_TRUE(Destroyed.HeldAtExit.empty());
}

//===----------------------------------------------------------------------===//
// Summaries
//===----------------------------------------------------------------------===//

TEST(FunctionAnalysisTest, SummaryAcquiresOncePerLockAndMode) {
  LockRef RW = global("rw", LockKind::SharedMutex);
  FunctionSummary S = summarize(
      straightLine("f", {acquire(G, 2), release(G, 3), acquire(G, 4),
                         release(G, 5), acquireShared(RW, 6), release(RW, 7),
                         acquire(RW, 8), acquire(H, 9)}));
  ASSERT_EQ(S.Acquires.size(), 4u);
  EXPECT_EQ(S.Acquires[0].Lock.key(), G.key());
  EXPECT_EQ(S.Acquires[0].Site.Line, 2u) << "the first acquisition";
  EXPECT_EQ(S.Acquires[1].Mode, AccessMode::Shared);
  EXPECT_EQ(S.Acquires[2].Mode, AccessMode::Exclusive);
  EXPECT_EQ(S.Acquires[3].Lock.key(), H.key());
  ASSERT_EQ(S.HeldAtExit.size(), 2u);
  EXPECT_NE(heldAtExit(S, H), nullptr);
  EXPECT_NE(heldAtExit(S, RW), nullptr);
  EXPECT_EQ(heldAtExit(S, G), nullptr);
}

TEST(FunctionAnalysisTest, SummaryHeldAtExitMustAndMay) {
  FunctionSummary Must = summarize(straightLine("f", {acquire(G, 2)}));
  ASSERT_NE(heldAtExit(Must, G), nullptr);
  EXPECT_TRUE(heldAtExit(Must, G)->Must);

  FunctionSummary May = summarize(diamond("f", {acquire(G, 2)}, {}));
  ASSERT_NE(heldAtExit(May, G), nullptr);
  EXPECT_FALSE(heldAtExit(May, G)->Must);
}

TEST(FunctionAnalysisTest, SummaryReleasesOfEntryLocks) {
  // void unlockIt() { g_mu.unlock(); }
  FunctionSummary Always = summarize(straightLine("f", {release(G, 2)}));
  ASSERT_EQ(Always.Releases.size(), 1u);
  EXPECT_EQ(Always.Releases[0].Lock.key(), G.key());
  EXPECT_TRUE(Always.Releases[0].Must);
  EXPECT_EQ(Always.Releases[0].Site.Line, 2u);

  FunctionSummary Sometimes = summarize(diamond("f", {release(G, 2)}, {}));
  ASSERT_EQ(Sometimes.Releases.size(), 1u);
  EXPECT_FALSE(Sometimes.Releases[0].Must);

  // Its own lock, released: nothing for the caller.
  FunctionSummary Own =
      summarize(straightLine("f", {acquire(G, 2), release(G, 3)}));
  EXPECT_TRUE(Own.Releases.empty());
  EXPECT_TRUE(Own.HeldAtExit.empty());
}

TEST(FunctionAnalysisTest, SummaryReleaseThenReacquireOfTheCallersLock) {
  // g_mu.unlock(); sleep(); g_mu.lock();  — called with g_mu held.
  FunctionSummary S =
      summarize(straightLine("f", {release(G, 2), acquire(G, 3)}));
  EXPECT_TRUE(S.HeldAtExit.empty()) << "the caller's lock, given back";
  EXPECT_TRUE(S.Releases.empty());
  const SummaryAcquire *A = acquired(S, G);
  ASSERT_NE(A, nullptr);
  ASSERT_EQ(A->ReleasedBefore.size(), 1u);
  EXPECT_EQ(A->ReleasedBefore[0].key(), G.key());
}

TEST(FunctionAnalysisTest, SummaryAcquireOnSomePathsIsConditional) {
  FunctionSummary S =
      summarize(diamond("f", {acquire(G, 2), release(G, 3)}, {}));
  ASSERT_NE(acquired(S, G), nullptr);
  EXPECT_FALSE(acquired(S, G)->Unconditional);
}

TEST(FunctionAnalysisTest, SummaryAcquireOnEveryPathIsUnconditional) {
  FunctionSummary S =
      summarize(straightLine("f", {acquire(G, 2), release(G, 3)}));
  ASSERT_NE(acquired(S, G), nullptr);
  EXPECT_TRUE(acquired(S, G)->Unconditional);
}

TEST(FunctionAnalysisTest, SummaryGuardLockOnEveryPathIsUnconditional) {
  // The same through unique_lock::lock().
  FunctionSummary S = summarize(straightLine(
      "f", {guardBind(G, 0, false, 2), guardOp(Event::GuardLock, 0, 3),
            guardOp(Event::GuardDestroy, 0, 4)}));
  ASSERT_NE(acquired(S, G), nullptr);
  EXPECT_TRUE(acquired(S, G)->Unconditional);
}

TEST(FunctionAnalysisTest, ContractAcquiresAreNotLeaks) {
  // void lockIt() ACQUIRE(g_mu) { if (c) { g_mu.lock(); return; } ... }
  FunctionFacts F =
      function("f", {block({acquire(G, 2)}, {1, 2}), returnBlock({}, 3, 4),
                     returnBlock({release(G, 5)}, 3, 6), exitBlock()});
  Program P;
  P.analyze(F);
  ASSERT_EQ(P.Events.HeldAtReturns.size(), 1u) << "control: a leak";
  F.Contract.Acquires = {G};
  Program Q;
  Q.analyze(F);
  EXPECT_TRUE(Q.Events.HeldAtReturns.empty());
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

TEST(FunctionAnalysisTest, CallAppliesTheCalleeThroughThis) {
  // void Account::lockIt() { mu_.lock(); }            (line 50)
  // void Account::update() { mu_.lock(); lockIt(); }  (lines 10, 11)
  Program P;
  P.define(straightLine("Account::lockIt", {acquire(Mu, 50)}));
  P.analyze(straightLine(
      "Account::update",
      {acquire(Mu, 10), call("Account::lockIt", 11, {{-1, thisRoot()}})}));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u);
  const auto &D = P.Events.DoubleAcquires[0];
  EXPECT_EQ(D.Function, "Account::update");
  EXPECT_EQ(D.Lock.key(), Mu.key());
  EXPECT_EQ(D.Site.Line, 50u) << "at the acquisition in the callee";
  EXPECT_EQ(D.First.Site.Line, 10u);
  EXPECT_TRUE(D.Must);
  ASSERT_EQ(D.Chain.size(), 1u);
  EXPECT_EQ(D.Chain[0].Site.Line, 11u);
  EXPECT_EQ(D.Chain[0].Callee, "Account::lockIt");
}

TEST(FunctionAnalysisTest, CallSubstitutesParameters) {
  // void lockAccount(Account *a) { a->mu_.lock(); }           (line 50)
  // void transfer(Account *from, Account *to) {
  //   to->mu_.lock(); lockAccount(from); lockAccount(to); }    (10, 11, 12)
  Program P;
  P.define(straightLine("lockAccount",
                        {acquire(paramField(0, "Account::mu_"), 50)}));
  P.analyze(
      straightLine("transfer", {acquire(paramField(1, "Account::mu_"), 10),
                                call("lockAccount", 11, {{0, param(0)}}),
                                call("lockAccount", 12, {{0, param(1)}})}));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u);
  const auto &D = P.Events.DoubleAcquires[0];
  EXPECT_EQ(D.Lock.key(), "P1:/Account::mu_");
  ASSERT_EQ(D.Chain.size(), 1u);
  EXPECT_EQ(D.Chain[0].Site.Line, 12u);
}

TEST(FunctionAnalysisTest, CallWithoutTheRootsArgumentIsNotReported) {
  Program P;
  P.define(straightLine("Account::lockIt", {acquire(Mu, 50)}));
  P.analyze(straightLine("Account::update",
                         {acquire(Mu, 10), call("Account::lockIt", 11)}));
  EXPECT_TRUE(P.Events.DoubleAcquires.empty())
      << "an unknown `this` is not precise";
}

TEST(FunctionAnalysisTest, CallChainThroughTwoCalls) {
  // leaf() { g_mu.lock(); }  mid() { leaf(); }  top() { g_mu.lock(); mid(); }
  Program P;
  P.define(straightLine("leaf", {acquire(G, 50), release(G, 51)}));
  P.define(straightLine("mid", {call("leaf", 40)}));
  P.analyze(straightLine("top", {acquire(G, 10), call("mid", 11)}));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u);
  const auto &D = P.Events.DoubleAcquires[0];
  EXPECT_EQ(D.Site.Line, 50u);
  ASSERT_EQ(D.Chain.size(), 2u);
  EXPECT_EQ(D.Chain[0].Callee, "mid");
  EXPECT_EQ(D.Chain[0].Site.Line, 11u);
  EXPECT_EQ(D.Chain[1].Callee, "leaf");
  EXPECT_EQ(D.Chain[1].Site.Line, 40u);
}

TEST(FunctionAnalysisTest, CallLeavingALockHeldHoldsItInTheCaller) {
  // lockIt() { g_mu.lock(); }  f() { lockIt(); g_mu.lock(); }
  Program P;
  P.define(straightLine("lockIt", {acquire(G, 50)}));
  P.analyze(straightLine("f", {call("lockIt", 10), acquire(G, 11)}));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u);
  const auto &D = P.Events.DoubleAcquires[0];
  EXPECT_EQ(D.Site.Line, 11u);
  EXPECT_EQ(D.First.Site.Line, 50u);
  ASSERT_EQ(D.First.Chain.size(), 1u);
  EXPECT_EQ(D.First.Chain[0].Site.Line, 10u);
}

TEST(FunctionAnalysisTest, CallReleasingTheCallersLock) {
  // unlockIt() { g_mu.unlock(); }  f() { g_mu.lock(); unlockIt(); g_mu.lock();
  // }
  Program P;
  P.define(straightLine("unlockIt", {release(G, 50)}));
  FunctionResult R = P.analyze(straightLine(
      "f", {acquire(G, 10), call("unlockIt", 11), acquire(G, 12)}));
  EXPECT_TRUE(P.Events.DoubleAcquires.empty());
  ASSERT_NE(heldAtExit(R.Summary, G), nullptr);
  EXPECT_EQ(heldAtExit(R.Summary, G)->Site.Line, 12u);
}

TEST(FunctionAnalysisTest, CallAdoptingAndReleasingTheCallersLock) {
  // finish() { lock_guard l(g_mu, adopt_lock); }
  // f() { g_mu.lock(); finish(); g_mu.lock(); }
  Program P;
  P.define(straightLine("finish", {guardBind(G, 0, true, 50),
                                   guardOp(Event::GuardDestroy, 0, 51)}));
  P.analyze(
      straightLine("f", {acquire(G, 10), call("finish", 11), acquire(G, 12)}));
  EXPECT_TRUE(P.Events.DoubleAcquires.empty());
}

TEST(FunctionAnalysisTest,
     CalleeAcquiringOnlyOnSomePathsIsNotReportedAgainstMayHeld) {
  // maybeLock() { if (c) { g_mu.lock(); g_mu.unlock(); } }
  // f() { if (d) g_mu.lock(); maybeLock(); }
  Program P;
  P.define(diamond("maybeLock", {acquire(G, 50), release(G, 51)}, {}));
  P.analyze(diamond("f", {acquire(G, 2)}, {}, {call("maybeLock", 5)}));
  EXPECT_TRUE(P.Events.DoubleAcquires.empty());
}

TEST(FunctionAnalysisTest, CalleeAcquiringOnEveryPathIsReportedAgainstMayHeld) {
  // lockUnlock() { g_mu.lock(); g_mu.unlock(); }
  // f() { if (d) g_mu.lock(); lockUnlock(); } — as `if (d) lock; lock;`.
  Program P;
  P.define(straightLine("lockUnlock", {acquire(G, 50), release(G, 51)}));
  P.analyze(diamond("f", {acquire(G, 2)}, {}, {call("lockUnlock", 5)}));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u);
  EXPECT_FALSE(P.Events.DoubleAcquires[0].Must);
}

TEST(FunctionAnalysisTest, CallRecordsTheLockClassesHeldAtIt) {
  // if (c) h_mu.lock();  g_mu.lock(); mu_.lock(); m.lock(); g();
  Program P;
  FunctionResult R = P.analyze(diamond(
      "f", {acquire(H, 2)}, {},
      {acquire(G, 4), acquire(Mu, 5), acquire(param(0), 6), call("g", 7)}));
  ASSERT_EQ(R.Calls.size(), 1u);
  EXPECT_EQ(R.Calls[0].Callee, usrOf("g"));
  EXPECT_FALSE(R.Calls[0].SameThis);
  EXPECT_EQ(R.Calls[0].Held, (std::set<std::string>{"G:g_mu"}))
      << "globals held on every path; members only for a call on this";
}

//===----------------------------------------------------------------------===//
// Lock order
//===----------------------------------------------------------------------===//

TEST(FunctionAnalysisTest, NestedAcquisitionsRecordEdgesWithGates) {
  LockRef A = global("a"), B = global("b");
  Program P;
  P.analyze(straightLine("f", {acquire(G, 1), acquire(A, 2), acquire(B, 3)}));
  ASSERT_NE(edge(P.Graph, "a", "b"), nullptr);
  ASSERT_NE(edge(P.Graph, "g_mu", "a"), nullptr);
  ASSERT_NE(edge(P.Graph, "g_mu", "b"), nullptr);
  EXPECT_EQ(edge(P.Graph, "b", "a"), nullptr);
  const OrderWitness &W = edge(P.Graph, "a", "b")->Witnesses.at(0);
  EXPECT_EQ(W.Gates, (std::set<std::string>{"g_mu"}));
  EXPECT_EQ(W.FromSite.Line, 2u);
  EXPECT_EQ(W.Site.Line, 3u);
  EXPECT_EQ(W.Function, "f");
  EXPECT_EQ(W.FunctionUsr, usrOf("f"));
}

TEST(FunctionAnalysisTest, MayHeldLockRecordsNoEdge) {
  Program P;
  P.analyze(diamond("f", {acquire(G, 2)}, {}, {acquire(H, 5)}));
  EXPECT_TRUE(P.Graph.edges().empty());
}

TEST(FunctionAnalysisTest, LocksTakenTogetherHaveNoOrder) {
  // g_mu.lock(); std::scoped_lock l(a, b);
  LockRef A = global("a"), B = global("b");
  Program P;
  P.analyze(straightLine("f", {acquire(G, 1), acquireTogether({A, B}, 2, 0)}));
  EXPECT_EQ(edge(P.Graph, "a", "b"), nullptr);
  EXPECT_EQ(edge(P.Graph, "b", "a"), nullptr);
  EXPECT_NE(edge(P.Graph, "g_mu", "a"), nullptr);
  EXPECT_NE(edge(P.Graph, "g_mu", "b"), nullptr);
}

TEST(FunctionAnalysisTest, OpenEdgeIsNamedByTheCaller) {
  // lockBoth(mutex &x, mutex &y) { x.lock(); y.lock(); ... }
  // f() { lockBoth(a, b); }
  FunctionFacts Callee =
      straightLine("lockBoth", {acquire(param(0), 50), acquire(param(1), 51),
                                release(param(1), 52), release(param(0), 53)});
  Program P;
  FunctionResult CalleeResult = P.analyze(Callee);
  ASSERT_EQ(CalleeResult.Summary.OpenEdges.size(), 1u);
  EXPECT_TRUE(P.Graph.edges().empty()) << "the callee cannot name them";

  P.analyze(straightLine(
      "f", {call("lockBoth", 10, {{0, global("a")}, {1, global("b")}})}));
  const OrderEdge *E = edge(P.Graph, "a", "b");
  ASSERT_NE(E, nullptr);
  const OrderWitness &W = E->Witnesses.at(0);
  EXPECT_EQ(W.Site.Line, 51u);
  ASSERT_EQ(W.Chain.size(), 1u);
  EXPECT_EQ(W.Chain[0].Callee, "lockBoth");
  EXPECT_EQ(W.Function, "f");
}

TEST(FunctionAnalysisTest, TwoInstancesOfOneClassMakeASelfEdge) {
  // transfer(Account &a, Account &b) { a.mu_.lock(); b.mu_.lock(); }
  Program P;
  P.analyze(
      straightLine("transfer", {acquire(paramField(0, "Account::mu_"), 2),
                                acquire(paramField(1, "Account::mu_"), 3)}));
  EXPECT_NE(edge(P.Graph, "Account::mu_", "Account::mu_"), nullptr);
}

TEST(FunctionAnalysisTest, OrderedInstancesMakeNoSelfEdge) {
  // transfer(Account &a, Account &b) {
  //   if (&a < &b) { a.mu_.lock(); b.mu_.lock(); } else { ... } }
  FunctionFacts F =
      straightLine("transfer", {acquire(paramField(0, "Account::mu_"), 2),
                                acquire(paramField(1, "Account::mu_"), 3)});
  F.OrderedPairs = {{param(0).key(), param(1).key()}};
  Program P;
  P.analyze(F);
  EXPECT_EQ(edge(P.Graph, "Account::mu_", "Account::mu_"), nullptr);
}

TEST(FunctionAnalysisTest, OrderingOtherInstancesStillMakesASelfEdge) {
  FunctionFacts F =
      straightLine("transfer", {acquire(paramField(0, "Account::mu_"), 2),
                                acquire(paramField(1, "Account::mu_"), 3)});
  F.OrderedPairs = {{param(0).key(), param(2).key()}};
  Program P;
  P.analyze(F);
  EXPECT_NE(edge(P.Graph, "Account::mu_", "Account::mu_"), nullptr);
}

//===----------------------------------------------------------------------===//
// Double release
//===----------------------------------------------------------------------===//

TEST(FunctionAnalysisTest, DoubleReleaseIsReported) {
  Program P;
  P.analyze(straightLine("f", {acquire(G, 2), release(G, 3), release(G, 4)}));
  ASSERT_EQ(P.Events.DoubleReleases.size(), 1u);
  const auto &D = P.Events.DoubleReleases[0];
  EXPECT_EQ(D.Lock.key(), G.key());
  EXPECT_EQ(D.Site.Line, 4u);
  EXPECT_EQ(D.Previous.Site.Line, 3u);
}

TEST(FunctionAnalysisTest, ReleaseAfterAReleaseOnSomePathsIsNotReported) {
  // g_mu.lock(); if (c) g_mu.unlock(); ... if (!c) g_mu.unlock();
  // Path-insensitive, the second unlock looks like this: held on the paths
  // that did not release it, which is taken to be the same condition.
  Program P;
  P.analyze(function("f", {block({acquire(G, 1)}, {1, 2}),
                           block({release(G, 2)}, {3}), block({}, {3}),
                           returnBlock({release(G, 4)}, 4, 5), exitBlock()}));
  EXPECT_EQ(P.Events.total(), 0u);
}

TEST(FunctionAnalysisTest, ReleaseOfALockHeldOnSomePaths) {
  // if (c) g_mu.lock();  g_mu.unlock();
  Program P;
  P.analyze(diamond("f", {acquire(G, 2)}, {}, {release(G, 5)}));
  ASSERT_EQ(P.Events.ReleasesMaybeNotHeld.size(), 1u);
  const auto &R = P.Events.ReleasesMaybeNotHeld[0];
  EXPECT_EQ(R.Lock.key(), G.key());
  EXPECT_EQ(R.Site.Line, 5u);
  EXPECT_EQ(R.Held.Site.Line, 2u);
  EXPECT_FALSE(R.Root.has_value());
  EXPECT_TRUE(P.Events.DoubleReleases.empty());

  FunctionFacts Worker =
      diamond("worker", {acquire(G, 2)}, {}, {release(G, 5)});
  Program Q;
  Q.makeRoot(Worker, at(77));
  Q.analyze(Worker);
  ASSERT_EQ(Q.Events.ReleasesMaybeNotHeld.size(), 1u);
  ASSERT_TRUE(Q.Events.ReleasesMaybeNotHeld[0].Root.has_value());
  EXPECT_EQ(Q.Events.ReleasesMaybeNotHeld[0].Root->Name, "worker");
}

TEST(FunctionAnalysisTest, ReleaseOfALockHeldOnEveryPathIsFine) {
  // if (c) g_mu.lock(); else g_mu.lock();  g_mu.unlock();
  Program P;
  P.analyze(diamond("f", {acquire(G, 2)}, {acquire(G, 3)}, {release(G, 5)}));
  EXPECT_EQ(P.Events.total(), 0u);
}

TEST(FunctionAnalysisTest, GuardDestroyAfterAnUnlockByHandIsADoubleRelease) {
  // lock_guard l(g_mu); g_mu.unlock(); }
  Program P;
  P.analyze(straightLine("f", {acquire(G, 2, 0), release(G, 3),
                               guardOp(Event::GuardDestroy, 0, 4)}));
  ASSERT_EQ(P.Events.DoubleReleases.size(), 1u);
  EXPECT_EQ(P.Events.DoubleReleases[0].Site.Line, 4u);
  EXPECT_EQ(P.Events.DoubleReleases[0].Previous.Site.Line, 3u);
}

TEST(FunctionAnalysisTest, GuardThatGaveUpOwnershipReleasesNothing) {
  // unique_lock l(g_mu); l.unlock(); }   and   l.release(); g_mu.unlock(); }
  Program P;
  P.analyze(straightLine("unlocked",
                         {acquire(G, 2, 0), guardOp(Event::GuardUnlock, 0, 3),
                          guardOp(Event::GuardDestroy, 0, 4)}));
  P.analyze(straightLine("released",
                         {acquire(G, 2, 0), guardOp(Event::GuardDrop, 0, 3),
                          release(G, 4), guardOp(Event::GuardDestroy, 0, 5)}));
  EXPECT_EQ(P.Events.total(), 0u);
}

TEST(FunctionAnalysisTest, DoubleReleaseThroughACall) {
  // unlockIt() { g_mu.unlock(); }  f() { g_mu.lock(); unlockIt();
  // g_mu.unlock(); }
  Program P;
  P.define(straightLine("unlockIt", {release(G, 50)}));
  P.analyze(straightLine(
      "f", {acquire(G, 10), call("unlockIt", 11), release(G, 12)}));
  ASSERT_EQ(P.Events.DoubleReleases.size(), 1u);
  const auto &D = P.Events.DoubleReleases[0];
  EXPECT_EQ(D.Site.Line, 12u);
  EXPECT_EQ(D.Previous.Site.Line, 50u);
  ASSERT_EQ(D.Previous.Chain.size(), 1u);
  EXPECT_EQ(D.Previous.Chain[0].Callee, "unlockIt");
}

//===----------------------------------------------------------------------===//
// Locks held at return
//===----------------------------------------------------------------------===//

/// g_mu.lock(); if (c) { g_mu.unlock(); return A; (line 10) }
/// return B; (line 20) — with constant returns when given.
FunctionFacts earlyReturn(std::optional<long long> A = std::nullopt,
                          std::optional<long long> B = std::nullopt) {
  Block Released = A ? returnValue({release(G, 9)}, 3, 10, *A)
                     : returnBlock({release(G, 9)}, 3, 10);
  Block Kept = B ? returnValue({}, 3, 20, *B) : returnBlock({}, 3, 20);
  return function(
      "f", {block({acquire(G, 2)}, {1, 2}), Released, Kept, exitBlock()});
}

TEST(FunctionAnalysisTest, AcquireFunctionIsNoLeak) {
  // void lockIt() { g_mu.lock(); }
  Program P;
  P.analyze(straightLine("lockIt", {acquire(G, 2)}));
  EXPECT_TRUE(P.Events.HeldAtReturns.empty());
}

TEST(FunctionAnalysisTest, ReturnThatKeepsALockAnotherReleasesIsALeak) {
  Program P;
  P.analyze(earlyReturn());
  ASSERT_EQ(P.Events.HeldAtReturns.size(), 1u);
  const auto &L = P.Events.HeldAtReturns[0];
  EXPECT_EQ(L.Return.Line, 20u);
  EXPECT_EQ(L.Held.Site.Line, 2u);
  EXPECT_FALSE(L.OnEveryPath);
  EXPECT_FALSE(L.Root.has_value());
}

TEST(FunctionAnalysisTest, ConditionalAcquireFunctionIsNoLeak) {
  // void maybeLock() { if (enabled) g_mu.lock(); }
  Program P;
  P.analyze(diamond("maybeLock", {acquire(G, 2)}, {}));
  EXPECT_TRUE(P.Events.HeldAtReturns.empty());
}

/// if (c) { g_mu.lock(); if (bad) { g_mu.unlock(); return A; (10) }
///           return B; (20) }
/// return C; (30) — a lock taken on some paths, with constant returns when
/// given.
FunctionFacts conditionalAcquire(std::optional<long long> A,
                                 std::optional<long long> B,
                                 std::optional<long long> C) {
  auto Ret = [](std::vector<Event> Events, unsigned Line,
                std::optional<long long> V) {
    return V ? returnValue(std::move(Events), 5, Line, *V)
             : returnBlock(std::move(Events), 5, Line);
  };
  return function("f", {block({}, {1, 4}), block({acquire(G, 2)}, {2, 3}),
                        Ret({release(G, 9)}, 10, A), Ret({}, 20, B),
                        Ret({}, 30, C), exitBlock()});
}

TEST(FunctionAnalysisTest, TryAcquireFunctionByReturnValueIsNoLeak) {
  // Returns 0 holding the lock, -1 or 1 without it: the caller can tell.
  Program P;
  P.analyze(conditionalAcquire(-1, 0, 1));
  EXPECT_TRUE(P.Events.HeldAtReturns.empty());
}

TEST(FunctionAnalysisTest, TryLockFunctionByReturnValueIsNoLeak) {
  // if (!g_mu.try_lock()) return -1;
  // if (bad) { g_mu.unlock(); return -2; }  return 0;
  Block Try = block({tryAcquire(G, 0, 2)}, {1, 2});
  Try.CondTry = 0;
  Program P;
  P.analyze(function("f", {Try, block({}, {3, 4}), returnValue({}, 5, 3, -1),
                           returnValue({release(G, 4)}, 5, 5, -2),
                           returnValue({}, 5, 6, 0), exitBlock()}));
  EXPECT_TRUE(P.Events.HeldAtReturns.empty());
}

TEST(FunctionAnalysisTest, SameConstantHoldingAndNotHoldingIsALeak) {
  Program P;
  P.analyze(conditionalAcquire(-1, 0, 0));
  EXPECT_EQ(P.Events.HeldAtReturns.size(), 1u);
}

TEST(FunctionAnalysisTest, NonConstantReturnIsALeak) {
  Program P;
  P.analyze(conditionalAcquire(-1, std::nullopt, 1));
  EXPECT_EQ(P.Events.HeldAtReturns.size(), 1u);
}

TEST(FunctionAnalysisTest, LockTakenOnEveryPathMakesNoTryAcquireFunction) {
  // bool pop() { g_mu.lock(); if (empty) { g_mu.unlock(); return true; }
  //              return false; }   — the unlock forgotten on one return,
  // though the returned values differ.
  Program P;
  P.analyze(earlyReturn(1, 0));
  ASSERT_EQ(P.Events.HeldAtReturns.size(), 1u);
  EXPECT_EQ(P.Events.HeldAtReturns[0].Return.Line, 20u);
}

TEST(FunctionAnalysisTest, NoReturnPathIsNotAReturn) {
  // A thread body: if (bad) { g_mu.lock(); throw ...; }  return;
  Block Throws = block({acquire(G, 2)}, {3});
  Throws.NoReturn = true;
  FunctionFacts F = function("worker", {block({}, {1, 2}), Throws,
                                        returnBlock({}, 3, 5), exitBlock()});
  Program P;
  P.makeRoot(F);
  FunctionResult R = P.analyze(F);
  EXPECT_TRUE(P.Events.HeldAtReturns.empty());
  EXPECT_TRUE(R.Summary.HeldAtExit.empty()) << "nothing returned holding it";
}

TEST(FunctionAnalysisTest, LeakReportedOnceAtTheFirstReturn) {
  // g_mu.lock(); switch: unlock+return (10), return (30), return (20).
  Program P;
  P.analyze(function("f", {block({acquire(G, 2)}, {1, 2, 3}),
                           returnBlock({release(G, 9)}, 4, 10),
                           returnBlock({}, 4, 30), returnBlock({}, 4, 20),
                           exitBlock()}));
  ASSERT_EQ(P.Events.HeldAtReturns.size(), 1u);
  EXPECT_EQ(P.Events.HeldAtReturns[0].Return.Line, 20u);
}

TEST(FunctionAnalysisTest, ThreadRootHoldingALockAtItsEnd) {
  FunctionFacts F = straightLine("worker", {acquire(G, 2)}, 5);
  Program P;
  P.makeRoot(F, at(77));
  P.analyze(F);
  ASSERT_EQ(P.Events.HeldAtReturns.size(), 1u);
  const auto &L = P.Events.HeldAtReturns[0];
  EXPECT_TRUE(L.OnEveryPath);
  ASSERT_TRUE(L.Root.has_value());
  EXPECT_EQ(L.Root->Name, "worker");
  EXPECT_EQ(L.Root->Spawn.Line, 77u);
  EXPECT_EQ(L.Return.Line, 5u);
}

TEST(FunctionAnalysisTest, ThreadRootHoldingALockOnSomePaths) {
  FunctionFacts F = diamond("worker", {acquire(G, 2)}, {});
  Program P;
  P.makeRoot(F);
  P.analyze(F);
  ASSERT_EQ(P.Events.HeldAtReturns.size(), 1u);
  EXPECT_FALSE(P.Events.HeldAtReturns[0].OnEveryPath);
  EXPECT_TRUE(P.Events.HeldAtReturns[0].Root.has_value());
}

TEST(FunctionAnalysisTest, ThreadRootReleasingALockItNeverTook) {
  FunctionFacts F = straightLine("worker", {release(G, 3)});
  Program P;
  P.analyze(F);
  EXPECT_TRUE(P.Events.ReleasesInThread.empty()) << "not a root: the caller's";

  Program Q;
  Q.makeRoot(F, at(77));
  Q.analyze(F);
  ASSERT_EQ(Q.Events.ReleasesInThread.size(), 1u);
  const auto &R = Q.Events.ReleasesInThread[0];
  EXPECT_EQ(R.Function, "worker");
  EXPECT_EQ(R.Root.Name, "worker");
  EXPECT_EQ(R.Release.Lock.key(), G.key());
  EXPECT_EQ(R.Release.Site.Line, 3u);
}

TEST(FunctionAnalysisTest, ThreadRootWithPendingTryLockIsNoLeak) {
  FunctionFacts F = straightLine("worker", {tryAcquire(G, 0, 2)});
  Program P;
  P.makeRoot(F);
  P.analyze(F);
  EXPECT_TRUE(P.Events.HeldAtReturns.empty());
}

TEST(FunctionAnalysisTest, ThreadRootAdoptingTheCallersLockIsNoLeak) {
  FunctionFacts F = straightLine("worker", {guardBind(G, 0, true, 2)});
  Program P;
  P.makeRoot(F);
  P.analyze(F);
  EXPECT_TRUE(P.Events.HeldAtReturns.empty());
}

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

TEST(FunctionAnalysisTest, LoopThatLocksAndUnlocksConverges) {
  // while (c) { g_mu.lock(); g_mu.unlock(); }
  Program P;
  FunctionResult R =
      P.analyze(function("f", {block({}, {1}), block({}, {2, 3}),
                               block({acquire(G, 3), release(G, 4)}, {1}),
                               returnBlock({}, 4, 6), exitBlock()}));
  EXPECT_EQ(P.Events.total(), 0u);
  EXPECT_TRUE(R.Summary.HeldAtExit.empty());
}

TEST(FunctionAnalysisTest, LockTakenInALoopIsReacquiredOnTheNextIteration) {
  // while (c) { g_mu.lock(); }
  Program P;
  P.analyze(function("f", {block({}, {1}), block({}, {2, 3}),
                           block({acquire(G, 3)}, {1}), returnBlock({}, 4, 6),
                           exitBlock()}));
  ASSERT_EQ(P.Events.DoubleAcquires.size(), 1u);
  EXPECT_FALSE(P.Events.DoubleAcquires[0].Must);
}

TEST(FunctionAnalysisTest, UnreachableBlocksAreIgnored) {
  // The CFG marks an edge unreachable with -1; block 2 has no predecessor.
  Program P;
  P.analyze(function("f", {block({acquire(G, 2)}, {1, -1}),
                           returnBlock({release(G, 3)}, 3, 4),
                           block({acquire(G, 10)}, {3}), exitBlock()}));
  EXPECT_EQ(P.Events.total(), 0u);
}

TEST(FunctionAnalysisTest, FunctionWithoutBlocksHasAnEmptySummary) {
  FunctionFacts F;
  F.Name = "declared";
  FunctionSummary S = summarize(F);
  EXPECT_TRUE(S.Acquires.empty());
  EXPECT_TRUE(S.HeldAtExit.empty());
}

} // namespace
