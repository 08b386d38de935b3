// findings_mark() / findings_since(): what a test produced, for
// lockgraph/gtest.hpp and other frameworks' fixtures.
#include "test_support.hpp"

#include <mutex>

namespace lockgraph::testing {
namespace {

using FindingsSinceTest = RuntimeTest;

void unlock_free(mutex& m) { m.unlock(); }  // one location for every call

TEST_F(FindingsSinceTest, NothingNewIsEmpty) {
  mutex m{"fs-quiet"};
  const std::uint64_t mark = findings_mark();
  { std::lock_guard g(m); }
  EXPECT_TRUE(findings_since(mark).empty());
  EXPECT_EQ(findings_mark(), mark);
}

TEST_F(FindingsSinceTest, OnlyFindingsAfterTheMark) {
  mutex a{"fs-a"}, b{"fs-b"};
  unlock_free(a);
  const std::uint64_t mark = findings_mark();
  unlock_free(b);
  const auto recent = findings_since(mark);
  ASSERT_EQ(recent.size(), 1u);
  EXPECT_EQ(recent[0].check, "unlock-not-held");
  EXPECT_EQ(recent[0].locks, std::vector<std::string>{"fs-b"});
  EXPECT_EQ(findings().size(), 2u);
}

TEST_F(FindingsSinceTest, AFindingRecordedAgainCountsAgain) {
  mutex m{"fs-again"};
  unlock_free(m);
  const std::uint64_t mark = findings_mark();
  unlock_free(m);  // the same check, location and message
  EXPECT_EQ(findings().size(), 1u);
  const auto recent = findings_since(mark);
  ASSERT_EQ(recent.size(), 1u);
  // The report's fingerprint, not one computed over the subset.
  EXPECT_EQ(recent[0].fingerprint, findings()[0].fingerprint);
}

TEST_F(FindingsSinceTest, ClearFindingsKeepsMarksIncreasing) {
  mutex m{"fs-clear"};
  unlock_free(m);
  const std::uint64_t mark = findings_mark();
  clear_findings();
  EXPECT_GE(findings_mark(), mark);
  EXPECT_TRUE(findings_since(mark).empty());
  unlock_free(m);
  EXPECT_EQ(findings_since(mark).size(), 1u);
}

}  // namespace
}  // namespace lockgraph::testing
