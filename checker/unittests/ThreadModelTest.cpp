//===- ThreadModelTest.cpp - Running threads, joins and race pairing ------===//
#include "TestFacts.h"

#include "analysis/Lockset.h"
#include "analysis/ProgramAnalysis.h"
#include "analysis/RaceAnalysis.h"

#include <gtest/gtest.h>

using namespace lockgraph;
using namespace lockgraph::test;

namespace {

class Races : public AnalysisHandler {
public:
  std::vector<RaceFinding> Found;
  void handleRace(const RaceFinding &R) override { Found.push_back(R); }
};

Event access(const LockRef &Loc, bool Write, unsigned Line) {
  Event E = event(Event::Access, Line);
  E.Locks = {Loc};
  E.Write = Write;
  return E;
}

Event spawnOwned(const std::string &Callee, unsigned Line,
                 const LockRef &Object) {
  Event E = spawn(Callee, Line);
  E.Locks = {Object};
  E.Owns = true;
  return E;
}

Event joinOf(const LockRef &Object, unsigned Line) {
  Event E = event(Event::ThreadJoin, Line);
  E.Locks = {Object};
  E.CalleeName = "std::thread::join";
  return E;
}

LockRef localVar(const std::string &Name) {
  LockRef L;
  L.Root = RootKind::Local;
  L.Base = "main::" + Name + "@1";
  L.Spelling = Name;
  return L;
}

std::vector<RaceFinding> run(std::vector<FunctionFacts> Functions) {
  ProgramAnalysis P;
  TranslationUnitFacts TU;
  TU.MainFile = "main.cpp";
  TU.Functions = std::move(Functions);
  P.add(std::move(TU));
  Races H;
  P.run(H);
  return H.Found;
}

} // namespace

TEST(LocksetThreadsTest, RunningIsAUnionAndJoinableBecomesMay) {
  Lockset A, B;
  A.Reachable = B.Reachable = true;
  A.addRunning({0, "t"});
  B.addRunning({1, "u"});
  JoinableFact J;
  J.Key = "t";
  A.setJoinable(J);
  A.join(B);
  ASSERT_EQ(A.Running.size(), 2u);
  ASSERT_NE(A.joinable("t"), nullptr);
  EXPECT_FALSE(A.joinable("t")->Must);
}

TEST(LocksetThreadsTest, JoinedContainerStaysJoinedAcrossTheLoopExit) {
  Lockset BeforeLoop, AfterBody;
  BeforeLoop.Reachable = AfterBody.Reachable = true;
  BeforeLoop.addRunning({0, "v.[]"});
  AfterBody.JoinedAll = {"v.[]"};
  BeforeLoop.join(AfterBody);
  EXPECT_TRUE(BeforeLoop.Running.empty());
}

TEST(RaceAnalysisTest, CommonLockByKeyOrByClassWhenImprecise) {
  EXPECT_TRUE(haveCommonLock({global("mu")}, {global("mu")}));
  EXPECT_FALSE(haveCommonLock({global("mu")}, {global("other")}));
  EXPECT_FALSE(haveCommonLock({}, {global("mu")}));
  LockRef Elem = thisField("Account::mu_");
  Elem.Path.insert(Elem.Path.begin(), "[]");
  EXPECT_FALSE(Elem.isPrecise());
}

TEST(RaceAnalysisTest, VisibleToCallersExceptOwnLocals) {
  EXPECT_TRUE(visibleToCallers(global("g"), "f"));
  EXPECT_TRUE(visibleToCallers(thisField("C::x"), "f"));
  EXPECT_TRUE(visibleToCallers(param(0), "f"));
  LockRef Mine = localVar("x");
  EXPECT_FALSE(visibleToCallers(Mine, "main"));
  EXPECT_TRUE(visibleToCallers(Mine, "main::(lambda)::operator()"));
}

TEST(ThreadModelTest, ThreadAndStarterRaceBetweenStartAndJoin) {
  LockRef T = localVar("t");
  FunctionFacts Worker =
      straightLine("worker", {access(global("g"), true, 5)});
  FunctionFacts Main = straightLine(
      "main", {access(global("g"), true, 10), spawnOwned("worker", 11, T),
               access(global("g"), false, 12), joinOf(T, 13),
               access(global("g"), false, 14)});
  Main.IsMain = true;
  Main.LocalOwner = "main";
  std::vector<RaceFinding> R = run({Worker, Main});
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(R[0].First.Site.Line, 5u) << "reported at the write";
  EXPECT_EQ(R[0].Second.Site.Line, 12u) << "only the read between start and join";
}

TEST(ThreadModelTest, CommonLockProtects) {
  LockRef T = localVar("t");
  FunctionFacts Worker = straightLine(
      "worker", {acquire(global("mu"), 4), access(global("g"), true, 5),
                 release(global("mu"), 6)});
  FunctionFacts Main = straightLine(
      "main", {spawnOwned("worker", 11, T), acquire(global("mu"), 12),
               access(global("g"), false, 13), release(global("mu"), 14),
               joinOf(T, 15)});
  Main.IsMain = true;
  Main.LocalOwner = "main";
  EXPECT_TRUE(run({Worker, Main}).empty());
}

TEST(ThreadModelTest, TwoThreadsJoinedInTurnDoNotRace) {
  LockRef T = localVar("t"), U = localVar("u");
  FunctionFacts Worker =
      straightLine("worker", {access(global("g"), true, 5)});
  FunctionFacts Main = straightLine(
      "main", {spawnOwned("worker", 11, T), joinOf(T, 12),
               spawnOwned("worker", 13, U), joinOf(U, 14)});
  Main.IsMain = true;
  Main.LocalOwner = "main";
  EXPECT_TRUE(run({Worker, Main}).empty());
}
