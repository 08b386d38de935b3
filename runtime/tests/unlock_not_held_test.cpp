// unlock-not-held: releasing a mutex the calling thread does not hold.
#include "test_support.hpp"

#include <atomic>
#include <mutex>
#include <thread>

namespace lockgraph::testing {
namespace {

using UnlockNotHeldTest = RuntimeTest;

TEST_F(UnlockNotHeldTest, UnlockingAFreeMutex) {
  mutex m{"m"};
  const unsigned line = __LINE__ + 1;
  m.unlock();
  const auto found = findings();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].check, "unlock-not-held");
  EXPECT_EQ(found[0].severity, "error");
  EXPECT_EQ(found[0].line, line);
  EXPECT_EQ(found[0].message, "releasing mutex 'm' that is not held");
  EXPECT_EQ(found[0].threads, std::vector<std::string>{"main"});
  // Nothing was unlocked, and the mutex still works.
  m.lock();
  m.unlock();
  EXPECT_EQ(findings().size(), 1u);
}

TEST_F(UnlockNotHeldTest, UnlockingAnotherThreadsMutexNamesTheOwnerAndReleasesIt) {
  mutex m{"producer_lock"};
  std::atomic<int> step{0};
  lockgraph::thread producer("producer", [&] {
    m.lock();
    step = 1;
    while (step != 2) std::this_thread::yield();
  });
  while (step != 1) std::this_thread::yield();
  lockgraph::thread consumer("consumer", [&] { m.unlock(); });
  consumer.join();
  // Released on the owner's behalf, like Python's Lock: others can take it.
  EXPECT_TRUE(m.try_lock());
  m.unlock();
  step = 2;
  producer.join();

  const auto found = findings();
  ASSERT_EQ(found.size(), 1u) << "no lock-leak for the producer: it no longer holds the lock";
  EXPECT_EQ(found[0].check, "unlock-not-held");
  EXPECT_EQ(found[0].message,
            "releasing mutex 'producer_lock' that this thread does not hold (held by thread "
            "'producer')");
  EXPECT_EQ(found[0].threads, (std::vector<std::string>{"consumer", "producer"}));
}

TEST_F(UnlockNotHeldTest, OwnerMayRelockAfterANonOwnerRelease) {
  mutex m{"m"};
  mutex other{"other"};
  m.lock();
  std::thread([&] { m.unlock(); }).join();
  m.lock();  // not a self-deadlock: the release made it free
  other.lock();
  other.unlock();
  m.unlock();
  EXPECT_EQ(findings_of("unlock-not-held").size(), 1u);
  EXPECT_TRUE(findings_of("self-deadlock").empty());
}

TEST_F(UnlockNotHeldTest, AdoptingALockThatIsNotHeld) {
  mutex m{"m"};
  const unsigned line = __LINE__ + 1;
  { std::lock_guard guard(m, std::adopt_lock); }
  const auto found = findings_of("unlock-not-held");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, line) << "the guard's own line";
}

TEST_F(UnlockNotHeldTest, RepeatedAtOneSiteIsOneFinding) {
  mutex m{"m"};
  for (int i = 0; i < 100; ++i) m.unlock();
  EXPECT_EQ(findings().size(), 1u);
}

TEST_F(UnlockNotHeldTest, NotForTheOwner) {
  mutex m;
  m.lock();
  m.unlock();
  {
    std::unique_lock lock(m);
    lock.unlock();
    lock.lock();
  }
  EXPECT_TRUE(findings().empty());
}

}  // namespace
}  // namespace lockgraph::testing
