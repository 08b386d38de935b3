// lock-leak: a thread that ends while holding a lock.
#include "test_support.hpp"

#include <mutex>
#include <thread>

namespace lockgraph::testing {
namespace {

using LockLeakTest = RuntimeTest;

TEST_F(LockLeakTest, ThreadFunctionReturnsHoldingALock) {
  mutex m{"m"};
  const unsigned acquired = __LINE__ + 1;
  auto body = [&] { m.lock(); };  // never unlocked
  // (GCC places a multi-line call's location on its last line.)
  const unsigned created = __LINE__ + 1;
  lockgraph::thread worker("worker", body);
  worker.join();
  const auto found = findings();
  ASSERT_EQ(found.size(), 1u);
  const finding& f = found[0];
  EXPECT_EQ(f.check, "lock-leak");
  EXPECT_EQ(f.severity, "warning");
  EXPECT_EQ(f.line, acquired);
  EXPECT_EQ(f.message, "mutex 'm' is still held when thread 'worker' ends");
  EXPECT_EQ(f.locks, std::vector<std::string>{"m"});
  EXPECT_EQ(f.threads, std::vector<std::string>{"worker"});
  ASSERT_EQ(f.notes.size(), 1u);
  EXPECT_EQ(f.notes[0].line, created);
  EXPECT_EQ(f.notes[0].message, "thread 'worker' started here");
  EXPECT_FALSE(m.try_lock()) << "the lock stays held";
}

TEST_F(LockLeakTest, OneFindingPerLeakedLock) {
  mutex a{"a"}, b{"b"};
  recursive_mutex r{"r"};
  lockgraph::thread worker([&] {
    a.lock();
    b.lock();
    r.lock();
    r.lock();
    r.unlock();  // still held once
  });
  worker.join();
  const auto found = findings_of("lock-leak");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].locks, std::vector<std::string>{"a"});
  EXPECT_EQ(found[1].locks, std::vector<std::string>{"b"});
  EXPECT_EQ(found[2].locks, std::vector<std::string>{"r"});
  EXPECT_TRUE(found[0].notes.empty()) << "an unnamed thread's creation site is unknown";
}

TEST_F(LockLeakTest, StdThreadsAreCheckedAtExit) {
  mutex m{"m"};
  std::thread plain([&] { m.lock(); });
  plain.join();
  const auto found = findings_of("lock-leak");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].threads[0].rfind("thread-", 0), 0u);
}

TEST_F(LockLeakTest, NotWhenEverythingIsReleased) {
  mutex m{"m"};
  recursive_mutex r{"r"};
  lockgraph::thread worker([&] {
    std::lock_guard guard(m);
    r.lock();
    r.lock();
    r.unlock();
    r.unlock();
  });
  worker.join();
  std::thread plain([&] { std::lock_guard guard(m); });
  plain.join();
  EXPECT_TRUE(findings().empty());
}

TEST_F(LockLeakTest, HandOffToAnotherThreadIsNotALeak) {
  // The locker's stack entry is dropped once another thread released it.
  mutex m{"m"};
  lockgraph::thread locker([&] { m.lock(); });
  locker.join();  // reported: leak
  lockgraph::thread releaser([&] { m.unlock(); });
  releaser.join();  // reported: unlock-not-held
  lockgraph::thread again([&] {
    m.lock();
    m.unlock();
  });
  again.join();
  EXPECT_EQ(findings_of("lock-leak").size(), 1u);
  EXPECT_EQ(findings_of("unlock-not-held").size(), 1u);
  EXPECT_EQ(findings().size(), 2u);
}

}  // namespace
}  // namespace lockgraph::testing
