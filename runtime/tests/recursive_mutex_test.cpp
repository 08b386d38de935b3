// lockgraph::recursive_mutex behaves like std::recursive_mutex.
#include "test_support.hpp"

#include "recorder.hpp"

#include <mutex>
#include <sstream>
#include <thread>

namespace lockgraph::testing {
namespace {

using RecursiveMutexTest = RuntimeTest;

bool try_lock_elsewhere(recursive_mutex& m) {
  bool taken = false;
  std::thread([&] {
    taken = m.try_lock();
    if (taken) m.unlock();
  }).join();
  return taken;
}

TEST_F(RecursiveMutexTest, OwnerMayLockAgain) {
  recursive_mutex m{"r"};
  m.lock();
  m.lock();
  EXPECT_EQ(m.count(), 2u);
  EXPECT_TRUE(m.try_lock());
  EXPECT_EQ(m.count(), 3u);
  EXPECT_FALSE(try_lock_elsewhere(m));
  m.unlock();
  m.unlock();
  EXPECT_EQ(m.count(), 1u);
  EXPECT_FALSE(try_lock_elsewhere(m)) << "held until unlocked as often as locked";
  m.unlock();
  EXPECT_EQ(m.count(), 0u);
  EXPECT_TRUE(try_lock_elsewhere(m));
  EXPECT_TRUE(findings().empty());
}

TEST_F(RecursiveMutexTest, WorksWithGuards) {
  recursive_mutex m;
  {
    std::lock_guard outer(m);
    std::unique_lock inner(m);
    std::scoped_lock innermost(m);
    EXPECT_EQ(m.count(), 3u);
  }
  EXPECT_EQ(m.count(), 0u);
  EXPECT_TRUE(findings().empty());
}

TEST_F(RecursiveMutexTest, PrintsOwnerAndCount) {
  recursive_mutex lock{"rlock"};
  std::ostringstream before, during, after;
  before << lock;
  lock.lock();
  lock.lock();
  during << lock;
  lock.unlock();
  lock.unlock();
  after << lock;
  EXPECT_EQ(before.str(), "<unlocked lockgraph::recursive_mutex \"rlock\">");
  EXPECT_EQ(during.str(), "<locked lockgraph::recursive_mutex \"rlock\" owner=\"main\" count=2>");
  EXPECT_EQ(after.str(), before.str());
}

TEST_F(RecursiveMutexTest, ReentryAddsNoOrderEdge) {
  recursive_mutex r{"reentry-r"};
  mutex m{"reentry-m"};
  r.lock();
  m.lock();
  r.lock();  // re-entry while holding m: no edge m -> r
  r.unlock();
  m.unlock();
  r.unlock();
  const detail::report_data data = detail::snapshot_report();
  bool forward = false;
  for (const auto& e : data.edges) {
    EXPECT_FALSE(e.from == "reentry-m" && e.to == "reentry-r");
    forward = forward || (e.from == "reentry-r" && e.to == "reentry-m");
  }
  EXPECT_TRUE(forward);
  EXPECT_TRUE(findings().empty());
}

TEST_F(RecursiveMutexTest, UnlockByNonOwnerIsReportedAndIgnored) {
  recursive_mutex m{"r"};
  m.lock();
  std::thread([&] { m.unlock(); }).join();
  EXPECT_FALSE(try_lock_elsewhere(m)) << "a non-owner cannot release it";
  EXPECT_EQ(m.count(), 1u);
  m.unlock();
  const auto found = findings_of("unlock-not-held");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "releasing mutex 'r' that this thread does not hold (held by thread 'main')");
  EXPECT_EQ(findings().size(), 1u);
}

TEST_F(RecursiveMutexTest, UnlockWhenFreeIsReported) {
  recursive_mutex m{"r"};
  m.unlock();
  EXPECT_EQ(m.count(), 0u);
  EXPECT_EQ(findings_of("unlock-not-held").size(), 1u);
  EXPECT_TRUE(m.try_lock());
  m.unlock();
}

}  // namespace
}  // namespace lockgraph::testing
