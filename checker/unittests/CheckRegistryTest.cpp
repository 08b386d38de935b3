//===- CheckRegistryTest.cpp - Tests of checks/CheckRegistry --------------===//

#include "checks/CheckRegistry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace lockgraph;

namespace {

using Names = std::vector<std::string>;

Names allNames() {
  Names N;
  for (const RuleInfo &R : allChecks())
    N.push_back(R.Id);
  return N;
}

/// The checks \p Globs enables; fails the test on an error.
Names select(const std::string &Globs) {
  Names Enabled;
  std::string Error;
  EXPECT_TRUE(selectChecks(Globs, Enabled, Error)) << Globs << ": " << Error;
  EXPECT_TRUE(Error.empty());
  return Enabled;
}

TEST(CheckRegistryTest, KnownChecksAreUniqueKebabCase) {
  Names N = allNames();
  ASSERT_FALSE(N.empty());
  std::set<std::string> Unique(N.begin(), N.end());
  EXPECT_EQ(Unique.size(), N.size());
  for (const std::string &Id : N) {
    EXPECT_EQ(Id.find_first_not_of("abcdefghijklmnopqrstuvwxyz-"),
              std::string::npos)
        << Id;
  }
  for (const char *Id : {"self-deadlock", "lock-order-inversion", "lock-leak",
                         "unlock-not-held"})
    EXPECT_TRUE(Unique.count(Id)) << Id;
}

TEST(CheckRegistryTest, StarEnablesEverything) {
  EXPECT_EQ(select("*"), allNames());
}

TEST(CheckRegistryTest, EmptyListEnablesEverything) {
  EXPECT_EQ(select(""), allNames());
  EXPECT_EQ(select(" , ,"), allNames());
}

TEST(CheckRegistryTest, MinusStarThenOneCheck) {
  EXPECT_EQ(select("-*,self-deadlock"), Names{"self-deadlock"});
}

TEST(CheckRegistryTest, PrefixGlob) {
  EXPECT_EQ(select("-*,lock-*"), (Names{"lock-order-inversion", "lock-leak"}));
  // Everything starts enabled: a positive glob alone changes nothing.
  EXPECT_EQ(select("lock-*"), allNames());
}

TEST(CheckRegistryTest, GlobsAnywhereInTheName) {
  EXPECT_EQ(select("-*,*deadlock"), Names{"self-deadlock"});
  EXPECT_EQ(select("-*,*-not-*"),
            (Names{"unlock-not-held", "thread-not-joined"}));
}

TEST(CheckRegistryTest, LaterItemsWin) {
  EXPECT_EQ(select("-*,lock-*,-lock-leak"), Names{"lock-order-inversion"});
  EXPECT_EQ(select("-lock-leak,lock-leak"), allNames());
  Names WithoutLeak = allNames();
  WithoutLeak.erase(
      std::find(WithoutLeak.begin(), WithoutLeak.end(), "lock-leak"));
  EXPECT_EQ(select("-lock-leak"), WithoutLeak);
}

TEST(CheckRegistryTest, SpacesAroundItemsAreIgnored) {
  EXPECT_EQ(select(" -* , self-deadlock "), Names{"self-deadlock"});
}

TEST(CheckRegistryTest, EnabledKeepsTheRegistryOrder) {
  EXPECT_EQ(select("-*,unlock-not-held,self-deadlock"),
            (Names{"self-deadlock", "unlock-not-held"}));
}

TEST(CheckRegistryTest, UnknownNameIsAnErrorNamingIt) {
  Names Enabled{"kept"};
  std::string Error;
  EXPECT_FALSE(selectChecks("-*,self-dedlock", Enabled, Error));
  EXPECT_NE(Error.find("'self-dedlock'"), std::string::npos) << Error;
  EXPECT_NE(Error.find("self-deadlock"), std::string::npos)
      << "lists the known checks: " << Error;
  EXPECT_EQ(Enabled, Names{"kept"}) << "untouched on error";
}

TEST(CheckRegistryTest, UnknownNegativeNameIsAnError) {
  Names Enabled;
  std::string Error;
  EXPECT_FALSE(selectChecks("-no-such-check", Enabled, Error));
  EXPECT_NE(Error.find("'no-such-check'"), std::string::npos) << Error;
}

TEST(CheckRegistryTest, GlobMatchingNothingIsAnError) {
  Names Enabled;
  std::string Error;
  EXPECT_FALSE(selectChecks("-*,deadlock*", Enabled, Error));
  EXPECT_NE(Error.find("'deadlock*'"), std::string::npos) << Error;
}

TEST(CheckRegistryTest, ExactNameIsNotAPrefix) {
  Names Enabled;
  std::string Error;
  EXPECT_FALSE(selectChecks("-*,lock", Enabled, Error));
}

TEST(CheckRegistryTest, CreatesOnlyEnabledChecksInRegistryOrder) {
  std::vector<Finding> Sink;
  auto Checks = createChecks(
      {"unguarded-shared-state", "lock-leak", "self-deadlock"}, Sink);
  Names Created;
  for (const auto &C : Checks)
    Created.push_back(C->name());
  EXPECT_EQ(Created,
            (Names{"self-deadlock", "lock-leak", "unguarded-shared-state"}));
}

TEST(CheckRegistryTest, EveryListedCheckIsImplemented) {
  std::vector<Finding> Sink;
  Names All;
  for (const RuleInfo &R : allChecks())
    All.push_back(R.Id);
  EXPECT_EQ(createChecks(All, Sink).size(), All.size());
}

} // namespace
