//===- ProgramAnalysisTest.cpp - Tests of analysis/ProgramAnalysis --------===//

#include "analysis/ProgramAnalysis.h"

#include "RecordingHandler.h"
#include "TestFacts.h"

#include <gtest/gtest.h>

using namespace lockgraph;
using namespace lockgraph::test;

namespace {

const LockRef G = global("g_mu");
const LockRef H = global("h_mu");
const LockRef A = global("a");
const LockRef B = global("b");

/// \p F defined in \p File at \p Line (a definition's identity).
FunctionFacts in(const std::string &File, FunctionFacts F, unsigned Line = 1) {
  F.Loc = at(Line, 1, File);
  F.EndLoc = at(Line + 10, 1, File);
  return F;
}

FunctionFacts mainIn(const std::string &File, std::vector<Event> Events) {
  FunctionFacts F = in(File, straightLine("main", std::move(Events)));
  F.IsMain = true;
  return F;
}

TranslationUnitFacts unit(const std::string &File,
                          std::vector<FunctionFacts> Functions,
                          std::vector<std::string> RecursiveLocks = {}) {
  TranslationUnitFacts TU;
  TU.MainFile = File;
  // Each function at its own line of the unit, unless placed explicitly.
  for (size_t I = 0; I < Functions.size(); ++I)
    if (Functions[I].Loc.File == "t.cpp")
      Functions[I] = in(File, std::move(Functions[I]), unsigned(I + 1) * 100);
  TU.Functions = std::move(Functions);
  TU.RecursiveLocks = std::move(RecursiveLocks);
  return TU;
}

TEST(ProgramAnalysisTest, CallAcrossUnitsIsResolvedByUsr) {
  // b.cpp: void f() { g_mu.lock(); lockIt(); }   a.cpp: void lockIt() {...}
  ProgramAnalysis P;
  P.add(unit("b.cpp", {straightLine("f", {acquire(G, 10), call("lockIt", 11),
                                          release(G, 12)})}));
  P.add(unit("a.cpp", {straightLine("lockIt", {acquire(G, 50)})}));
  RecordingHandler R;
  P.run(R);
  ASSERT_EQ(R.DoubleAcquires.size(), 1u);
  const auto &D = R.DoubleAcquires[0];
  EXPECT_EQ(D.Function, "f");
  EXPECT_EQ(D.Site.Line, 50u);
  ASSERT_EQ(D.Chain.size(), 1u);
  EXPECT_EQ(D.Chain[0].Callee, "lockIt");
}

TEST(ProgramAnalysisTest, InlineFunctionSeenByTwoUnitsIsAnalysedOnce) {
  FunctionFacts Inline =
      in("lib.h", straightLine("both", {acquire(G, 2), acquire(G, 3)}), 7);
  ProgramAnalysis P;
  P.add(unit("a.cpp", {Inline}));
  P.add(unit("b.cpp", {Inline}));
  RecordingHandler R;
  P.run(R);
  EXPECT_EQ(R.DoubleAcquires.size(), 1u);
}

TEST(ProgramAnalysisTest, TwoMainsAreKeptApartAndCallTheirOwnUnitsWorker) {
  // a.cpp: worker() takes g_mu; main() { g_mu.lock(); worker(); ... }
  // b.cpp: worker() takes h_mu; main() { g_mu.lock(); worker(); ... }
  ProgramAnalysis P;
  P.add(unit("a.cpp", {straightLine("worker", {acquire(G, 50), release(G, 51)}),
                       mainIn("a.cpp", {acquire(G, 10), call("worker", 11),
                                        release(G, 12)})}));
  P.add(unit("b.cpp", {straightLine("worker", {acquire(H, 60), release(H, 61)}),
                       mainIn("b.cpp", {acquire(G, 20), call("worker", 21),
                                        release(G, 22)})}));
  RecordingHandler R;
  P.run(R);
  ASSERT_EQ(R.DoubleAcquires.size(), 1u);
  EXPECT_EQ(R.DoubleAcquires[0].First.Site.Line, 10u) << "a.cpp's main";
  EXPECT_EQ(R.DoubleAcquires[0].Site.Line, 50u) << "a.cpp's worker";
  size_t Mains = 0;
  for (const auto &[Usr, Root] : P.roots())
    Mains += Root.Name == "main";
  EXPECT_EQ(Mains, 2u);
}

TEST(ProgramAnalysisTest, BUnitsMainCallsBUnitsWorker) {
  // The mirror image: b.cpp's worker is the one that takes g_mu, so a
  // resolution to the first definition in file order would miss it.
  ProgramAnalysis P;
  P.add(unit("a.cpp", {straightLine("worker", {acquire(H, 50), release(H, 51)}),
                       mainIn("a.cpp", {acquire(G, 10), call("worker", 11),
                                        release(G, 12)})}));
  P.add(unit("b.cpp", {straightLine("worker", {acquire(G, 60), release(G, 61)}),
                       mainIn("b.cpp", {acquire(G, 20), call("worker", 21),
                                        release(G, 22)})}));
  RecordingHandler R;
  P.run(R);
  ASSERT_EQ(R.DoubleAcquires.size(), 1u);
  EXPECT_EQ(R.DoubleAcquires[0].First.Site.Line, 20u);
  EXPECT_EQ(R.DoubleAcquires[0].Site.Line, 60u);
}

TEST(ProgramAnalysisTest, CallFromAThirdUnitTakesTheFirstDefinition) {
  ProgramAnalysis P;
  P.add(unit("a.cpp",
             {straightLine("worker", {acquire(G, 50), release(G, 51)})}));
  P.add(unit("b.cpp",
             {straightLine("worker", {acquire(H, 60), release(H, 61)})}));
  P.add(unit("c.cpp", {straightLine("f", {acquire(G, 10), call("worker", 11),
                                          release(G, 12)})}));
  RecordingHandler R;
  P.run(R);
  ASSERT_EQ(R.DoubleAcquires.size(), 1u);
  EXPECT_EQ(R.DoubleAcquires[0].Site.Line, 50u);
}

TEST(ProgramAnalysisTest, CallWithoutFactsIsIgnored) {
  ProgramAnalysis P;
  P.add(unit("a.cpp", {straightLine("f", {acquire(G, 10), call("printf", 11),
                                          release(G, 12)})}));
  RecordingHandler R;
  P.run(R);
  EXPECT_EQ(R.total(), 0u);
}

TEST(ProgramAnalysisTest, MutualRecursionReportsThroughTheCycle) {
  // void a() { g_mu.lock(); b(); g_mu.unlock(); }  void b() { a(); }
  ProgramAnalysis P;
  P.add(unit("a.cpp", {straightLine("a", {acquire(G, 10), call("b", 11),
                                          release(G, 12)}),
                       straightLine("b", {call("a", 20)})}));
  RecordingHandler R;
  P.run(R);
  ASSERT_EQ(R.DoubleAcquires.size(), 1u);
  const auto &D = R.DoubleAcquires[0];
  EXPECT_EQ(D.Function, "a");
  EXPECT_EQ(D.Site.Line, 10u);
  ASSERT_EQ(D.Chain.size(), 2u);
  EXPECT_EQ(D.Chain[0].Callee, "b");
  EXPECT_EQ(D.Chain[1].Callee, "a");
}

TEST(ProgramAnalysisTest, MutualRecursionSummariesConverge) {
  // a() { b(); h_mu.lock(); h_mu.unlock(); }
  // b() { a(); g_mu.lock(); g_mu.unlock(); }
  // Each summary needs the other's: a takes g_mu (through b) only once b's
  // summary has been seen, and so on.
  // top() { g_mu.lock(); a(); g_mu.unlock(); h_mu.lock(); b(); ... }
  ProgramAnalysis P;
  P.add(unit(
      "a.cpp",
      {straightLine("a", {call("b", 10), acquire(H, 11), release(H, 12)}),
       straightLine("b", {call("a", 20), acquire(G, 21), release(G, 22)}),
       straightLine("top", {acquire(G, 30), call("a", 31), release(G, 32),
                            acquire(H, 33), call("b", 34), release(H, 35)})}));
  RecordingHandler R;
  P.run(R);
  ASSERT_EQ(R.DoubleAcquires.size(), 2u);
  for (const auto &D : R.DoubleAcquires)
    EXPECT_EQ(D.Function, "top");
  std::set<unsigned> Sites{R.DoubleAcquires[0].Site.Line,
                           R.DoubleAcquires[1].Site.Line};
  EXPECT_EQ(Sites, (std::set<unsigned>{21u, 11u}));
}

/// A ring of \p N functions f0 -> f1 -> ... -> f(N-1) -> f0 where the last
/// takes g_mu, and top() { g_mu.lock(); f0(); }. Summaries flow against the
/// order the component is analysed in (sorted by USR), so f0 learns about
/// g_mu only after N - 1 rounds.
ProgramAnalysis recursiveRing(unsigned N) {
  std::vector<FunctionFacts> Fs;
  for (unsigned I = 0; I + 1 < N; ++I)
    Fs.push_back(straightLine("f" + std::to_string(I),
                              {call("f" + std::to_string(I + 1), 10 + I)}));
  Fs.push_back(straightLine("f" + std::to_string(N - 1),
                            {acquire(G, 50), release(G, 51), call("f0", 52)}));
  Fs.push_back(
      straightLine("top", {acquire(G, 1), call("f0", 2), release(G, 3)}));
  ProgramAnalysis P;
  P.add(unit("a.cpp", std::move(Fs)));
  return P;
}

TEST(ProgramAnalysisTest, RecursiveRingConverges) {
  ProgramAnalysis P = recursiveRing(3);
  RecordingHandler R;
  P.run(R);
  ASSERT_EQ(R.DoubleAcquires.size(), 1u);
  const auto &D = R.DoubleAcquires[0];
  EXPECT_EQ(D.Function, "top");
  EXPECT_EQ(D.Site.Line, 50u);
  ASSERT_EQ(D.Chain.size(), 3u);
  EXPECT_EQ(D.Chain[0].Callee, "f0");
  EXPECT_EQ(D.Chain[1].Callee, "f1");
  EXPECT_EQ(D.Chain[2].Callee, "f2");
}

// A recursive component gets as many rounds as it has functions (plus
// two), so in a ring of six f0's summary learns that f5 takes g_mu and the
// self-deadlock in top() is found.
TEST(ProgramAnalysisTest, LongRecursiveRingConverges) {
  ProgramAnalysis P = recursiveRing(6);
  RecordingHandler R;
  P.run(R);
  EXPECT_EQ(R.DoubleAcquires.size(), 1u);
}

TEST(ProgramAnalysisTest, SelfRecursionConverges) {
  // void f() { g_mu.lock(); f(); }
  ProgramAnalysis P;
  P.add(unit("a.cpp", {straightLine("f", {acquire(G, 10), call("f", 11)})}));
  RecordingHandler R;
  P.run(R);
  ASSERT_EQ(R.DoubleAcquires.size(), 1u);
  EXPECT_EQ(R.DoubleAcquires[0].Chain.size(), 1u);
}

TEST(ProgramAnalysisTest, SpawnMakesAThreadRoot) {
  // main() { thread t(worker); (line 5) }  worker() { g_mu.lock(); }
  ProgramAnalysis P;
  P.add(
      unit("a.cpp", {mainIn("a.cpp", {spawn("worker", 9), spawn("worker", 5)}),
                     straightLine("worker", {acquire(G, 50)}, 51)}));
  RecordingHandler R;
  P.run(R);
  ASSERT_EQ(R.HeldAtReturns.size(), 1u);
  const auto &L = R.HeldAtReturns[0];
  EXPECT_EQ(L.Function, "worker");
  ASSERT_TRUE(L.Root.has_value());
  EXPECT_EQ(L.Root->Name, "worker");
  EXPECT_EQ(L.Root->Spawn.Line, 5u) << "the first start site";
  EXPECT_TRUE(L.OnEveryPath);

  std::map<std::string, SourcePos> Roots;
  for (const auto &[Usr, Root] : P.roots())
    Roots[Root.Name] = Root.Spawn;
  ASSERT_EQ(Roots.size(), 2u);
  EXPECT_FALSE(Roots["main"].valid());
  EXPECT_TRUE(Roots["worker"].valid());
}

TEST(ProgramAnalysisTest, FunctionNobodySpawnsIsNoRoot) {
  ProgramAnalysis P;
  P.add(unit("a.cpp", {straightLine("worker", {acquire(G, 50)})}));
  RecordingHandler R;
  P.run(R);
  EXPECT_TRUE(R.HeldAtReturns.empty());
  EXPECT_TRUE(P.roots().empty());
}

TEST(ProgramAnalysisTest, RecursiveLockClassFromAnotherUnit) {
  ProgramAnalysis P;
  P.add(unit("a.cpp", {}, {"g_mu"}));
  P.add(unit("b.cpp", {straightLine("f", {acquire(G, 2), acquire(G, 3)})}));
  RecordingHandler R;
  P.run(R);
  EXPECT_TRUE(R.DoubleAcquires.empty());
}

TEST(ProgramAnalysisTest, LockOrderCycleAcrossUnits) {
  ProgramAnalysis P;
  P.add(unit("a.cpp", {straightLine("f1", {acquire(A, 2), acquire(B, 3),
                                           release(B, 4), release(A, 5)})}));
  P.add(unit("b.cpp", {straightLine("f2", {acquire(B, 2), acquire(A, 3),
                                           release(A, 4), release(B, 5)})}));
  RecordingHandler R;
  P.run(R);
  ASSERT_EQ(R.Cycles.size(), 1u);
  EXPECT_EQ(R.Cycles[0].Nodes, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(R.Cycles[0].Edges[0].Witnesses.at(0).Function, "f1");
}

/// f1 takes a then b, f2 takes b then a; main calls both, holding g_mu for
/// f2 only when \p GuardBoth is false.
ProgramAnalysis callersHolding(bool GuardBoth) {
  std::vector<Event> Main{acquire(G, 10), call("f1", 11)};
  if (!GuardBoth)
    Main.push_back(release(G, 12));
  Main.push_back(call("f2", 13));
  if (GuardBoth)
    Main.push_back(release(G, 14));
  ProgramAnalysis P;
  P.add(unit("a.cpp", {straightLine("f1", {acquire(A, 2), acquire(B, 3),
                                           release(B, 4), release(A, 5)}),
                       straightLine("f2", {acquire(B, 2), acquire(A, 3),
                                           release(A, 4), release(B, 5)}),
                       mainIn("a.cpp", Main)}));
  return P;
}

TEST(ProgramAnalysisTest, LockHeldAtEveryCallGatesTheCycle) {
  ProgramAnalysis P = callersHolding(/*GuardBoth=*/true);
  RecordingHandler R;
  P.run(R);
  EXPECT_TRUE(R.Cycles.empty());
}

TEST(ProgramAnalysisTest, LockHeldAtSomeCallsDoesNotGateTheCycle) {
  ProgramAnalysis P = callersHolding(/*GuardBoth=*/false);
  RecordingHandler R;
  P.run(R);
  EXPECT_EQ(R.Cycles.size(), 1u);
}

// Soundness: a lock held around both orders is a gate only if it is one
// lock. Here it is `this->mu_` of whichever Account the method runs on while
// a and b are globals, so acct1.f() and acct2.g() on two threads can
// deadlock on a and b: the member is no gate for them.
TEST(ProgramAnalysisTest, InstanceLockOfAClassIsNoGate) {
  const LockRef Mu = thisField("Account::mu_");
  ProgramAnalysis P;
  P.add(unit("a.cpp",
             {straightLine("Account::f",
                           {acquire(Mu, 2), acquire(A, 3), acquire(B, 4),
                            release(B, 5), release(A, 6), release(Mu, 7)}),
              straightLine("Account::g",
                           {acquire(Mu, 2), acquire(B, 3), acquire(A, 4),
                            release(A, 5), release(B, 6), release(Mu, 7)})}));
  RecordingHandler R;
  P.run(R);
  ASSERT_EQ(R.Cycles.size(), 1u);
  EXPECT_EQ(R.Cycles[0].Nodes, (std::vector<std::string>{"a", "b"}));
}

TEST(ProgramAnalysisTest, GlobalLockIsAGate) {
  // The same with a global around both orders: one lock, a real gate.
  ProgramAnalysis P;
  P.add(
      unit("a.cpp",
           {straightLine("f", {acquire(G, 2), acquire(A, 3), acquire(B, 4),
                               release(B, 5), release(A, 6), release(G, 7)}),
            straightLine("g", {acquire(G, 2), acquire(B, 3), acquire(A, 4),
                               release(A, 5), release(B, 6), release(G, 7)})}));
  RecordingHandler R;
  P.run(R);
  EXPECT_TRUE(R.Cycles.empty());
}

TEST(ProgramAnalysisTest, EntryGatesAreInheritedThroughCallers) {
  // main() { g_mu.lock(); mid1(); mid2(); }  mid1() { f1(); } mid2() { f2(); }
  ProgramAnalysis P;
  P.add(unit("a.cpp", {straightLine("f1", {acquire(A, 2), acquire(B, 3),
                                           release(B, 4), release(A, 5)}),
                       straightLine("f2", {acquire(B, 2), acquire(A, 3),
                                           release(A, 4), release(B, 5)}),
                       straightLine("mid1", {call("f1", 20)}),
                       straightLine("mid2", {call("f2", 21)}),
                       mainIn("a.cpp", {acquire(G, 10), call("mid1", 11),
                                        call("mid2", 12), release(G, 13)})}));
  RecordingHandler R;
  P.run(R);
  EXPECT_TRUE(R.Cycles.empty());
}

} // namespace
