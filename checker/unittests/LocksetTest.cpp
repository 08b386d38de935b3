//===- LocksetTest.cpp - Tests of the dataflow state (analysis/Lockset) ---===//

#include "analysis/Lockset.h"

#include "TestFacts.h"

#include <gtest/gtest.h>

using namespace lockgraph;
using namespace lockgraph::test;

namespace {

HeldFact held(const std::string &Name, bool Must = true, unsigned Line = 10) {
  HeldFact F;
  F.Lock = global(Name);
  F.Key = F.Lock.key();
  F.Must = Must;
  F.Site = at(Line);
  return F;
}

ReleaseFact released(const std::string &Name, bool Must = true,
                     bool Entry = false, unsigned Line = 20) {
  ReleaseFact R;
  R.Lock = global(Name);
  R.Key = R.Lock.key();
  R.Must = Must;
  R.Entry = Entry;
  R.Site = at(Line);
  return R;
}

Lockset reachable(std::vector<HeldFact> Held = {},
                  std::vector<ReleaseFact> Released = {}) {
  Lockset S;
  S.Reachable = true;
  for (HeldFact &F : Held)
    S.add(std::move(F));
  for (ReleaseFact &R : Released)
    S.noteRelease(std::move(R));
  return S;
}

std::vector<std::string> heldKeys(const Lockset &S) {
  std::vector<std::string> Keys;
  for (const HeldFact &F : S.Held)
    Keys.push_back(F.Key);
  return Keys;
}

TEST(LocksetTest, FindOnEmpty) {
  Lockset S;
  EXPECT_EQ(S.find("G:a"), nullptr);
  EXPECT_EQ(S.findReleased("G:a"), nullptr);
  EXPECT_FALSE(S.passed("G:a"));
}

TEST(LocksetTest, AddKeepsFactsSortedAndFindable) {
  Lockset S = reachable({held("c"), held("a"), held("b")});
  EXPECT_EQ(heldKeys(S), (std::vector<std::string>{"G:a", "G:b", "G:c"}));
  for (const char *K : {"G:a", "G:b", "G:c"}) {
    ASSERT_NE(S.find(K), nullptr) << K;
    EXPECT_EQ(S.find(K)->Key, K);
  }
  EXPECT_EQ(S.find("G:d"), nullptr);
  EXPECT_EQ(S.find("G:"), nullptr);
}

TEST(LocksetTest, AddReplacesTheFactOfTheSameLock) {
  Lockset S = reachable({held("a", true, 10)});
  S.add(held("a", false, 11));
  ASSERT_EQ(S.Held.size(), 1u);
  EXPECT_FALSE(S.Held[0].Must);
  EXPECT_EQ(S.Held[0].Site.Line, 11u);
}

TEST(LocksetTest, RemoveDropsOnlyThatLock) {
  Lockset S = reachable({held("a"), held("b"), held("c")});
  S.remove("G:b");
  EXPECT_EQ(heldKeys(S), (std::vector<std::string>{"G:a", "G:c"}));
  S.remove("G:zz"); // Not held: no effect.
  EXPECT_EQ(heldKeys(S), (std::vector<std::string>{"G:a", "G:c"}));
}

TEST(LocksetTest, ReleaseFactsAreNotedFoundAndForgotten) {
  Lockset S = reachable({}, {released("b"), released("a")});
  ASSERT_EQ(S.Released.size(), 2u);
  EXPECT_EQ(S.Released[0].Key, "G:a");
  ASSERT_NE(S.findReleased("G:b"), nullptr);
  S.forgetRelease("G:b");
  EXPECT_EQ(S.findReleased("G:b"), nullptr);
  EXPECT_NE(S.findReleased("G:a"), nullptr);
  EXPECT_EQ(S.find("G:a"), nullptr) << "released is not held";
}

TEST(LocksetTest, PassedIsASortedSet) {
  Lockset S;
  S.notePassed("G:b");
  S.notePassed("G:a");
  S.notePassed("G:b");
  EXPECT_EQ(S.Passed, (std::vector<std::string>{"G:a", "G:b"}));
  EXPECT_TRUE(S.passed("G:a"));
  EXPECT_FALSE(S.passed("G:c"));
}

TEST(LocksetTest, JoinMustAndMustStaysMust) {
  Lockset A = reachable({held("a")});
  A.join(reachable({held("a")}));
  ASSERT_NE(A.find("G:a"), nullptr);
  EXPECT_TRUE(A.find("G:a")->Must);
}

TEST(LocksetTest, JoinMustAndMayIsMay) {
  Lockset A = reachable({held("a", true)});
  A.join(reachable({held("a", false)}));
  ASSERT_NE(A.find("G:a"), nullptr);
  EXPECT_FALSE(A.find("G:a")->Must);

  Lockset B = reachable({held("a", false)});
  B.join(reachable({held("a", true)}));
  EXPECT_FALSE(B.find("G:a")->Must);
}

TEST(LocksetTest, JoinMustAndAbsentIsMayFromEitherSide) {
  Lockset A = reachable({held("a")});
  A.join(reachable({held("b")}));
  EXPECT_EQ(heldKeys(A), (std::vector<std::string>{"G:a", "G:b"}));
  EXPECT_FALSE(A.find("G:a")->Must);
  EXPECT_FALSE(A.find("G:b")->Must);
}

TEST(LocksetTest, JoinWithUnreachableChangesNothing) {
  Lockset A = reachable({held("a")});
  Lockset Dead;
  Dead.add(held("b"));
  A.join(Dead);
  EXPECT_EQ(heldKeys(A), (std::vector<std::string>{"G:a"}));
  EXPECT_TRUE(A.find("G:a")->Must);
}

TEST(LocksetTest, JoinIntoUnreachableTakesTheOtherSide) {
  Lockset A;
  A.join(reachable({held("a")}));
  EXPECT_TRUE(A.Reachable);
  ASSERT_NE(A.find("G:a"), nullptr);
  EXPECT_TRUE(A.find("G:a")->Must);
}

TEST(LocksetTest, JoinRemembersWhyALockIsOnlyMayHeld) {
  // Held here, released there: "may" because of the release.
  Lockset A = reachable({held("a")});
  A.join(reachable({}, {released("a")}));
  EXPECT_FALSE(A.find("G:a")->Must);
  EXPECT_TRUE(A.find("G:a")->MaybeReleased);

  Lockset B = reachable({}, {released("a")});
  B.join(reachable({held("a")}));
  EXPECT_TRUE(B.find("G:a")->MaybeReleased);

  // Held here, never taken there: "may" because of the acquisition.
  Lockset C = reachable({held("a")});
  C.join(reachable());
  EXPECT_FALSE(C.find("G:a")->MaybeReleased);
}

TEST(LocksetTest, JoinKeepsTheEarlierSiteWithItsChain) {
  HeldFact Late = held("a", true, 30);
  HeldFact Early = held("a", true, 12);
  Early.Chain = {CallStep{at(12), "callee"}};
  Lockset A = reachable({Late});
  A.join(reachable({Early}));
  EXPECT_EQ(A.find("G:a")->Site.Line, 12u);
  ASSERT_EQ(A.find("G:a")->Chain.size(), 1u);
  EXPECT_EQ(A.find("G:a")->Chain[0].Callee, "callee");
}

TEST(LocksetTest, JoinTakesTheSmallerRecursionDepth) {
  HeldFact Twice = held("a");
  Twice.Count = 2;
  Lockset A = reachable({Twice});
  A.join(reachable({held("a")}));
  EXPECT_EQ(A.find("G:a")->Count, 1u);
}

TEST(LocksetTest, JoinKeepsAPendingTryOnlyWhenBothSidesAgree) {
  HeldFact T1 = held("a");
  T1.TryId = 1;
  HeldFact T2 = held("a");
  T2.TryId = 2;

  Lockset Same = reachable({T1});
  Same.join(reachable({T1}));
  EXPECT_EQ(Same.find("G:a")->TryId, 1);

  Lockset Differ = reachable({T1});
  Differ.join(reachable({T2}));
  EXPECT_EQ(Differ.find("G:a")->TryId, -1);
}

TEST(LocksetTest, JoinOfHeldEntryIsEitherSide) {
  HeldFact Caller = held("a");
  Caller.Entry = true;
  Lockset A = reachable({held("a")});
  A.join(reachable({Caller}));
  EXPECT_TRUE(A.find("G:a")->Entry);
}

TEST(LocksetTest, JoinUnmanagedIsEitherSide) {
  HeldFact Dropped = held("a");
  Dropped.Unmanaged = true;
  Lockset A = reachable({held("a")});
  A.join(reachable({Dropped}));
  EXPECT_TRUE(A.find("G:a")->Unmanaged);
}

TEST(LocksetTest, JoinReleasedMustAndAbsentIsMay) {
  Lockset A = reachable({}, {released("a")});
  A.join(reachable());
  ASSERT_NE(A.findReleased("G:a"), nullptr);
  EXPECT_FALSE(A.findReleased("G:a")->Must);

  Lockset B = reachable({}, {released("a")});
  B.join(reachable({}, {released("a")}));
  EXPECT_TRUE(B.findReleased("G:a")->Must);
}

TEST(LocksetTest, JoinOfReleasedEntryIsEitherSide) {
  // Released without holding it on one path: on that path it was the
  // caller's lock (or, in a thread entry, a bug).
  Lockset A = reachable({}, {released("a", true, /*Entry=*/false)});
  A.join(reachable({}, {released("a", true, /*Entry=*/true)}));
  EXPECT_TRUE(A.findReleased("G:a")->Entry);

  Lockset B = reachable({}, {released("a", true, false)});
  B.join(reachable({}, {released("a", true, false)}));
  EXPECT_FALSE(B.findReleased("G:a")->Entry);

  // Only one side released it: that side's entry-ness stays.
  Lockset C = reachable({}, {released("a", true, true)});
  C.join(reachable());
  EXPECT_TRUE(C.findReleased("G:a")->Entry);
}

TEST(LocksetTest, JoinKeepsTheEarlierReleaseSite) {
  Lockset A = reachable({}, {released("a", true, false, 40)});
  A.join(reachable({}, {released("a", true, false, 25)}));
  EXPECT_EQ(A.findReleased("G:a")->Site.Line, 25u);
}

TEST(LocksetTest, JoinIntersectsPassed) {
  Lockset A = reachable();
  A.notePassed("G:a");
  A.notePassed("G:b");
  Lockset B = reachable();
  B.notePassed("G:b");
  B.notePassed("G:c");
  A.join(B);
  EXPECT_EQ(A.Passed, (std::vector<std::string>{"G:b"}));
}

GuardFact guard(const std::string &Lock, bool Owns,
                AccessMode Mode = AccessMode::Exclusive) {
  GuardFact G;
  G.Locks = {global(Lock)};
  G.Mode = Mode;
  G.Owns = Owns;
  return G;
}

TEST(LocksetTest, JoinUnitesGuards) {
  Lockset A = reachable();
  A.Guards[0] = guard("a", false);
  Lockset B = reachable();
  B.Guards[1] = guard("b", false, AccessMode::Shared);
  A.join(B);
  ASSERT_EQ(A.Guards.size(), 2u);
  EXPECT_EQ(A.Guards[1].Mode, AccessMode::Shared);
  EXPECT_EQ(A.Guards[1].Locks.at(0).key(), "G:b");
}

TEST(LocksetTest, JoinGuardOwnsOnlyWhenOwningOnEveryPath) {
  Lockset Both = reachable();
  Both.Guards[0] = guard("a", true);
  Lockset Other = Both;
  Both.join(Other);
  EXPECT_TRUE(Both.Guards[0].Owns);

  Lockset Differ = reachable();
  Differ.Guards[0] = guard("a", true);
  Lockset NotOwning = reachable();
  NotOwning.Guards[0] = guard("a", false);
  Differ.join(NotOwning);
  EXPECT_FALSE(Differ.Guards[0].Owns);

  // A guard that exists on one path only (constructed in one branch).
  Lockset Here = reachable();
  Here.Guards[0] = guard("a", true);
  Here.join(reachable());
  ASSERT_EQ(Here.Guards.count(0), 1u);
  EXPECT_FALSE(Here.Guards[0].Owns);
}

// The mirror image of the last case above: a guard known only to the
// state joined in does not own on every path either, so a join's result
// does not depend on the order of the predecessors.
TEST(LocksetTest, JoinGuardOnTheOtherSideOnlyDoesNotOwn) {
  Lockset There = reachable();
  Lockset Owning = reachable();
  Owning.Guards[0] = guard("a", true);
  There.join(Owning);
  ASSERT_EQ(There.Guards.count(0), 1u);
  EXPECT_FALSE(There.Guards[0].Owns);
}

TEST(LocksetTest, EqualWhenTheSameFacts) {
  EXPECT_TRUE(reachable({held("a")}, {released("b")}) ==
              reachable({held("a")}, {released("b")}));
}

TEST(LocksetTest, NotEqualWhenAnythingCallersSeeDiffers) {
  Lockset Base = reachable({held("a")}, {released("b")});

  EXPECT_FALSE(Base == Lockset()) << "reachability";
  EXPECT_FALSE(Base == reachable({held("a", false)}, {released("b")}))
      << "must-ness";
  EXPECT_FALSE(Base == reachable({held("c")}, {released("b")})) << "lock";
  EXPECT_FALSE(Base == reachable({held("a"), held("c")}, {released("b")}))
      << "count of held";
  EXPECT_FALSE(Base == reachable({held("a", true, 11)}, {released("b")}))
      << "acquisition site";
  EXPECT_FALSE(Base == reachable({held("a")}, {released("b", false)}))
      << "release must-ness";
  EXPECT_FALSE(Base == reachable({held("a")}, {released("b", true, true)}))
      << "release entry-ness";

  HeldFact Guarded = held("a");
  Guarded.Guard = 0;
  EXPECT_FALSE(Base == reachable({Guarded}, {released("b")})) << "guard";

  HeldFact Pending = held("a");
  Pending.TryId = 3;
  EXPECT_FALSE(Base == reachable({Pending}, {released("b")})) << "try";

  Lockset WithPassed = Base;
  WithPassed.notePassed("G:a");
  EXPECT_FALSE(Base == WithPassed) << "passed";

  Lockset WithGuard = Base;
  WithGuard.Guards[0] = guard("a", false);
  EXPECT_FALSE(Base == WithGuard) << "guard slots";

  Lockset Owning = WithGuard;
  Owning.Guards[0].Owns = true;
  EXPECT_FALSE(WithGuard == Owning) << "guard ownership";
}

} // namespace
