//===- LockRefTest.cpp - Tests of lock identity (model/LockRef) -----------===//

#include "model/LockRef.h"

#include "TestFacts.h"

#include <gtest/gtest.h>

using namespace lockgraph;
using namespace lockgraph::test;

namespace {

LockRef make(RootKind Root, std::string Base, std::vector<std::string> Path,
             std::string Spelling = "s") {
  LockRef L;
  L.Root = Root;
  L.Base = std::move(Base);
  L.Path = std::move(Path);
  L.Spelling = std::move(Spelling);
  return L;
}

TEST(LockRefTest, KeyOfEachRoot) {
  EXPECT_EQ(make(RootKind::Global, "ns::g_mu", {}).key(), "G:ns::g_mu");
  EXPECT_EQ(make(RootKind::This, "", {"A::mu_"}).key(), "T:/A::mu_");
  EXPECT_EQ(make(RootKind::Param, "2", {"A::mu_"}).key(), "P2:/A::mu_");
  EXPECT_EQ(make(RootKind::Local, "f::m@40", {}).key(), "L:f::m@40");
  EXPECT_EQ(make(RootKind::Unknown, "", {"A::mu_"}, "v[i]->mu_").key(),
            "U:v[i]->mu_/A::mu_");
}

TEST(LockRefTest, KeyJoinsEveryPathStep) {
  EXPECT_EQ(make(RootKind::Global, "g", {"S::inner", "[]", "T::mu"}).key(),
            "G:g/S::inner/[]/T::mu");
}

TEST(LockRefTest, KeyIgnoresSpellingAndKind) {
  // `this->mu_` and `mu_` are one lock.
  LockRef A = make(RootKind::This, "", {"A::mu_"}, "this->mu_");
  LockRef B = make(RootKind::This, "", {"A::mu_"}, "mu_");
  B.Kind = LockKind::RecursiveMutex;
  EXPECT_EQ(A.key(), B.key());
}

TEST(LockRefTest, KeySeparatesRootsWithTheSamePath) {
  std::vector<std::string> Path{"A::mu_"};
  std::vector<std::string> Keys{
      make(RootKind::This, "", Path).key(),
      make(RootKind::Param, "0", Path).key(),
      make(RootKind::Param, "1", Path).key(),
      make(RootKind::Global, "a", Path).key(),
      make(RootKind::Local, "f::a@3", Path).key(),
  };
  for (size_t I = 0; I < Keys.size(); ++I)
    for (size_t J = I + 1; J < Keys.size(); ++J)
      EXPECT_NE(Keys[I], Keys[J]) << I << " vs " << J;
}

TEST(LockRefTest, ClassNameIsTheFieldPathFromTheFirstClass) {
  EXPECT_EQ(make(RootKind::Param, "0", {"Bank::accounts_", "Account::mu_"})
                .className(),
            "Bank::accounts_.mu_");
  // Two wrapper members of one class are two lock classes.
  EXPECT_EQ(make(RootKind::This, "", {"Ctx::slots", "Mutex::m_"}).className(),
            "Ctx::slots.m_");
  EXPECT_EQ(make(RootKind::This, "", {"Ctx::opts", "Mutex::m_"}).className(),
            "Ctx::opts.m_");
  // A global object's members are named from the global.
  EXPECT_EQ(make(RootKind::Global, "g_ctx", {"Ctx::slots", "Mutex::m_"})
                .className(),
            "g_ctx.slots.m_");
}

TEST(LockRefTest, DeclNameIsTheInnermostField) {
  EXPECT_EQ(make(RootKind::Param, "0", {"Bank::accounts_", "Account::mu_"})
                .declName(),
            "Account::mu_");
  EXPECT_EQ(make(RootKind::This, "", {"Table::locks_", "[]"}).declName(),
            "Table::locks_");
  EXPECT_EQ(make(RootKind::Global, "g_locks", {"[]"}).declName(), "g_locks");
}

TEST(LockRefTest, ClassNameKeepsArraySteps) {
  EXPECT_EQ(make(RootKind::This, "", {"Table::locks_", "[]"}).className(),
            "Table::locks_[]");
  // An array of global mutexes: every element is one class.
  EXPECT_EQ(make(RootKind::Global, "g_locks", {"[]"}).className(), "g_locks[]");
}

TEST(LockRefTest, ClassNameOfVariables) {
  EXPECT_EQ(make(RootKind::Global, "ns::g_mu", {}).className(), "ns::g_mu");
  // The offset only keeps two locals of one name apart within a frame.
  EXPECT_EQ(make(RootKind::Local, "ns::f::m@120", {}).className(), "ns::f::m");
}

TEST(LockRefTest, ClassNameIsEmptyWhenTheFrameCannotNameIt) {
  EXPECT_EQ(make(RootKind::Param, "0", {}).className(), "");
  EXPECT_EQ(make(RootKind::This, "", {}).className(), "");
  EXPECT_EQ(make(RootKind::Unknown, "", {}, "*p").className(), "");
}

TEST(LockRefTest, DisplayNameFallsBackToSpelling) {
  EXPECT_EQ(make(RootKind::This, "", {"Account::mu_"}, "mu_").displayName(),
            "Account::mu_");
  EXPECT_EQ(make(RootKind::Param, "0", {}, "m").displayName(), "m");
}

TEST(LockRefTest, ShortNameIsUnqualified) {
  EXPECT_EQ(make(RootKind::This, "", {"ns::Account::mu_"}).shortName(), "mu_");
  EXPECT_EQ(make(RootKind::Global, "ns::g_mu", {}).shortName(), "g_mu");
  EXPECT_EQ(make(RootKind::Global, "g_mu", {}).shortName(), "g_mu");
  EXPECT_EQ(make(RootKind::Local, "ns::f::m@120", {}).shortName(), "m");
}

TEST(LockRefTest, ShortNameFallsBackToSpelling) {
  EXPECT_EQ(make(RootKind::Param, "0", {}, "m").shortName(), "m");
  EXPECT_EQ(make(RootKind::Unknown, "", {}, "*pm").shortName(), "*pm");
}

TEST(LockRefTest, RebaseReplacesTheRootAndAppendsThePath) {
  // Callee `this->b_.mu_`, called as `p1->inner_.method()`.
  LockRef Callee = make(RootKind::This, "", {"B::mu_"}, "mu_");
  Callee.Kind = LockKind::SharedMutex;
  LockRef Prefix = make(RootKind::Param, "1", {"A::inner_"}, "p1->inner_");
  Prefix.Kind = LockKind::Unknown;

  LockRef R = Callee.rebase(Prefix);
  EXPECT_EQ(R.Root, RootKind::Param);
  EXPECT_EQ(R.Base, "1");
  EXPECT_EQ(R.Path, (std::vector<std::string>{"A::inner_", "B::mu_"}));
  EXPECT_EQ(R.Kind, LockKind::SharedMutex) << "the kind is the callee's lock's";
  EXPECT_EQ(R.Spelling, "mu_");
  EXPECT_EQ(R.key(), "P1:/A::inner_/B::mu_");
}

TEST(LockRefTest, RebaseOntoAGlobal) {
  LockRef Callee = make(RootKind::Param, "0", {}, "m");
  LockRef R = Callee.rebase(global("g_mu"));
  EXPECT_EQ(R.key(), "G:g_mu");
  EXPECT_EQ(R.className(), "g_mu");
  EXPECT_TRUE(R.isPrecise());
}

TEST(LockRefTest, RebaseOntoUnknownStaysImprecise) {
  LockRef R = thisField("A::mu_").rebase(unknownLock("v[i]"));
  EXPECT_TRUE(R.isUnknown());
  EXPECT_FALSE(R.isPrecise());
  EXPECT_EQ(R.className(), "A::mu_");
}

TEST(LockRefTest, IsPrecise) {
  EXPECT_TRUE(make(RootKind::Global, "g", {}).isPrecise());
  EXPECT_TRUE(make(RootKind::This, "", {"A::mu_"}).isPrecise());
  EXPECT_TRUE(make(RootKind::Param, "0", {}).isPrecise());
  EXPECT_FALSE(make(RootKind::Unknown, "", {"A::mu_"}).isPrecise());
  EXPECT_FALSE(make(RootKind::This, "", {"T::locks_", "[]"}).isPrecise());
  EXPECT_FALSE(make(RootKind::Global, "g", {"[]", "S::mu"}).isPrecise());
}

TEST(LockRefTest, LockKindNames) {
  EXPECT_STREQ(lockKindName(LockKind::Mutex), "mutex");
  EXPECT_STREQ(lockKindName(LockKind::RecursiveMutex), "recursive_mutex");
  EXPECT_STREQ(lockKindName(LockKind::SharedMutex), "shared_mutex");
  EXPECT_STREQ(lockKindName(LockKind::Unknown), "unknown");
}

} // namespace
