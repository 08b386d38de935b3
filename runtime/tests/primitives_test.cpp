// The blocking primitives behave like their std (or Python) counterparts:
// timed_mutex, shared_mutex, condition_variable, counting_semaphore,
// blocking_queue, event, thread_pool, daemon threads; and print their state.
#include "test_support.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <latch>
#include <shared_mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace lockgraph::testing {
namespace {

using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

template <class T>
std::string printed(const T& x) {
  std::ostringstream os;
  os << x;
  return os.str();
}

// --- timed_mutex ---------------------------------------------------------------------

using TimedMutexTest = RuntimeTest;

TEST_F(TimedMutexTest, LockTryLockUnlock) {
  timed_mutex m{"m"};
  m.lock();
  EXPECT_EQ(printed(m), "<locked lockgraph::timed_mutex \"m\" owner=\"main\" count=1>");
  m.unlock();
  EXPECT_TRUE(m.try_lock());
  m.unlock();
  EXPECT_EQ(printed(m), "<unlocked lockgraph::timed_mutex \"m\">");
  EXPECT_TRUE(findings().empty());
}

TEST_F(TimedMutexTest, TryLockForTimesOutWhileAnotherThreadHoldsIt) {
  timed_mutex m{"m"};
  std::latch held(1), done(1);
  lockgraph::thread holder("holder", [&] {
    std::lock_guard g(m);
    held.count_down();
    done.wait();
  });
  held.wait();
  const auto start = clock_type::now();
  EXPECT_FALSE(m.try_lock_for(50ms));
  EXPECT_GE(clock_type::now() - start, 50ms);
  EXPECT_FALSE(m.try_lock_until(clock_type::now() + 10ms));
  std::unique_lock timed(m, 10ms);
  EXPECT_FALSE(timed.owns_lock());
  done.count_down();
  holder.join();
  EXPECT_TRUE(m.try_lock_for(1s));
  m.unlock();
  EXPECT_TRUE(findings().empty());
}

TEST_F(TimedMutexTest, FailedTimedAttemptAddsNoOrderEdge) {
  timed_mutex a{"a"}, b{"b"};
  std::latch held(1), done(1);
  lockgraph::thread holder("holder", [&] {
    std::lock_guard g(b);
    held.count_down();
    done.wait();
  });
  held.wait();
  {
    std::lock_guard first(a);
    EXPECT_FALSE(b.try_lock_for(20ms));  // would be a -> b
  }
  done.count_down();
  holder.join();
  {
    std::lock_guard first(b);
    std::lock_guard second(a);  // b -> a: no cycle
  }
  EXPECT_TRUE(findings().empty());
}

TEST_F(TimedMutexTest, SuccessfulTimedAttemptAddsTheOrderEdge) {
  timed_mutex a{"a"}, b{"b"};
  {
    std::lock_guard first(a);
    ASSERT_TRUE(b.try_lock_for(1s));  // a -> b
    b.unlock();
  }
  {
    std::lock_guard first(b);
    std::lock_guard second(a);  // b -> a closes the cycle
  }
  EXPECT_EQ(findings_of("lock-order-inversion").size(), 1u);
}

TEST_F(TimedMutexTest, SelfDeadlockIsReported) {
  timed_mutex m{"m"};
  std::lock_guard g(m);
  EXPECT_THROW(m.lock(), std::system_error);
  EXPECT_FALSE(m.try_lock_for(1ms));  // timed: not a deadlock
  EXPECT_EQ(findings_of("self-deadlock").size(), 1u);
}

// --- shared_mutex --------------------------------------------------------------------

using SharedMutexTest = RuntimeTest;

TEST_F(SharedMutexTest, ReadersShareWritersExclude) {
  shared_mutex m{"table"};
  EXPECT_EQ(printed(m), "<unlocked lockgraph::shared_mutex \"table\">");
  {
    std::shared_lock r1(m);
    EXPECT_TRUE(m.try_lock_shared());
    EXPECT_EQ(m.readers(), 2u);
    EXPECT_EQ(printed(m), "<read-locked lockgraph::shared_mutex \"table\" readers=2>");
    std::atomic<bool> writer_got_it{false};
    lockgraph::thread other("other", [&] {
      EXPECT_FALSE(m.try_lock());
      EXPECT_TRUE(m.try_lock_shared());  // a third reader
      m.unlock_shared();
    });
    other.join();
    m.unlock_shared();
    EXPECT_FALSE(writer_got_it);
  }
  {
    std::unique_lock w(m);
    EXPECT_EQ(printed(m), "<locked lockgraph::shared_mutex \"table\" owner=\"main\" count=1>");
    lockgraph::thread other("other", [&] { EXPECT_FALSE(m.try_lock_shared()); });
    other.join();
  }
  EXPECT_TRUE(findings().empty());
}

TEST_F(SharedMutexTest, SharedLockFindingsPointAtTheGuard) {
  shared_mutex m{"table"};
  std::unique_lock writer(m);
  const unsigned line = __LINE__ + 1;
  EXPECT_THROW(std::shared_lock reader(m), std::system_error);  // the writer reads: waits for itself
  const auto found = findings_of("self-deadlock");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, line);
  EXPECT_EQ(base_name(found[0].file), "primitives_test.cpp");
  std::shared_lock deferred(m, std::defer_lock);
  EXPECT_FALSE(deferred.try_lock());
  writer.unlock();
  EXPECT_TRUE(deferred.try_lock());
  deferred.unlock();
  EXPECT_FALSE(deferred.owns_lock());
}

TEST_F(SharedMutexTest, WriterWaitsForReaders) {
  shared_mutex m{"table"};
  std::atomic<int> stage{0};
  m.lock_shared();
  lockgraph::thread writer("writer", [&] {
    std::unique_lock w(m);
    EXPECT_EQ(stage.load(), 1);
  });
  std::this_thread::sleep_for(30ms);
  stage = 1;
  m.unlock_shared();
  writer.join();
  EXPECT_TRUE(findings().empty());
}

TEST_F(SharedMutexTest, WritingWhatTheThreadReadsIsASelfDeadlock) {
  shared_mutex m{"table"};
  std::shared_lock r(m);
  EXPECT_THROW(m.lock(), std::system_error);
  EXPECT_EQ(findings_of("self-deadlock").size(), 1u);
}

TEST_F(SharedMutexTest, UnlockSharedWithoutReadingIsReported) {
  shared_mutex m{"table"};
  m.unlock_shared();
  const auto found = findings_of("unlock-not-held");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "releasing mutex 'table' that is not held");
}

TEST_F(SharedMutexTest, ReaderThreadEndingWithTheLockLeaksIt) {
  auto* m = new shared_mutex{"table"};  // stays read-locked: never destroyed
  lockgraph::thread reader("reader", [&] { m->lock_shared(); });
  reader.join();
  EXPECT_EQ(findings_of("lock-leak").size(), 1u);
  m->unlock_shared();  // by another thread: reported, not released
  EXPECT_EQ(findings_of("unlock-not-held").size(), 1u);
  EXPECT_EQ(m->readers(), 1u);
}

// --- condition_variable --------------------------------------------------------------

using ConditionVariableTest = RuntimeTest;

TEST_F(ConditionVariableTest, NotifyWakesAPredicateWait) {
  mutex mu{"mu"};
  condition_variable ready{"ready"};
  bool done = false;
  lockgraph::thread notifier("notifier", [&] {
    std::this_thread::sleep_for(20ms);
    {
      std::lock_guard g(mu);
      done = true;
    }
    ready.notify_one();
  });
  {
    std::unique_lock lock(mu);
    ready.wait(lock, [&] { return done; });
    EXPECT_TRUE(lock.owns_lock());
    EXPECT_EQ(printed(mu), "<locked lockgraph::mutex \"mu\" owner=\"main\" count=1>");
  }
  notifier.join();
  EXPECT_EQ(printed(ready), "<lockgraph::condition_variable \"ready\" waiters=0>");
  EXPECT_TRUE(findings().empty());
}

TEST_F(ConditionVariableTest, TimedWaitsTimeOut) {
  mutex mu{"mu"};
  condition_variable cv{"cv"};
  std::unique_lock lock(mu);
  const auto start = clock_type::now();
  EXPECT_EQ(cv.wait_for(lock, 20ms), std::cv_status::timeout);
  EXPECT_FALSE(cv.wait_for(lock, 20ms, [] { return false; }));
  EXPECT_TRUE(cv.wait_for(lock, 20ms, [] { return true; }));
  EXPECT_FALSE(cv.wait_until(lock, std::chrono::system_clock::now() + 20ms, [] { return false; }));
  EXPECT_GE(clock_type::now() - start, 60ms);
  EXPECT_TRUE(lock.owns_lock());
  EXPECT_TRUE(findings().empty());
}

TEST_F(ConditionVariableTest, WaitAddsNoOrderEdgeAndNoUnlockFinding) {
  mutex outer{"outer"}, mu{"mu"};
  condition_variable cv{"cv"};
  bool go = false;
  lockgraph::thread notifier("notifier", [&] {
    std::this_thread::sleep_for(10ms);
    {
      std::lock_guard g(mu);
      go = true;
    }
    cv.notify_all();
  });
  {
    std::unique_lock lock(mu);
    std::lock_guard inner(outer);  // mu -> outer; the wait re-takes mu holding outer
    cv.wait(lock, [&] { return go; });
  }
  notifier.join();
  EXPECT_TRUE(findings().empty());
}

TEST_F(ConditionVariableTest, WaitWithoutTheLockThrows) {
  mutex mu{"mu"};
  condition_variable cv{"cv"};
  std::unique_lock lock(mu, std::defer_lock);
  EXPECT_THROW(cv.wait(lock), std::system_error);
}

TEST_F(ConditionVariableTest, ConditionVariableAnyWorksWithLockgraphLocks) {
  mutex mu{"mu"};
  std::condition_variable_any cv;
  int turn = 0;
  lockgraph::thread other("other", [&] {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return turn == 1; });
    turn = 2;
    cv.notify_all();
  });
  {
    std::unique_lock lock(mu);
    turn = 1;
    cv.notify_all();
    cv.wait(lock, [&] { return turn == 2; });
  }
  other.join();
  EXPECT_TRUE(findings().empty());
}

// --- semaphore -----------------------------------------------------------------------

using SemaphoreTest = RuntimeTest;

TEST_F(SemaphoreTest, ValueFollowsAcquireAndRelease) {
  counting_semaphore<> sem{50, "sem"};
  EXPECT_EQ(sem.value(), 50);
  sem.acquire();
  sem.acquire();
  sem.acquire();
  EXPECT_EQ(sem.value(), 47);
  sem.release();
  EXPECT_EQ(sem.value(), 48);
  sem.release(2);
  EXPECT_EQ(printed(sem), "<lockgraph::counting_semaphore \"sem\" value=50>");
  binary_semaphore bin{1, "bin"};
  EXPECT_TRUE(bin.try_acquire());
  EXPECT_FALSE(bin.try_acquire());
  EXPECT_EQ(printed(bin), "<lockgraph::binary_semaphore \"bin\" value=0>");
  EXPECT_EQ(binary_semaphore::max(), 1);
}

TEST_F(SemaphoreTest, TimedAcquireTimesOut) {
  counting_semaphore<> sem{0, "sem"};
  const auto start = clock_type::now();
  EXPECT_FALSE(sem.try_acquire_for(30ms));
  EXPECT_FALSE(sem.try_acquire_until(std::chrono::system_clock::now() + 10ms));
  EXPECT_GE(clock_type::now() - start, 30ms);
  sem.release();
  EXPECT_TRUE(sem.try_acquire_for(1s));
  EXPECT_TRUE(findings().empty());
}

TEST_F(SemaphoreTest, ReleaseWakesAWaiter) {
  counting_semaphore<> sem{0, "sem"};
  lockgraph::thread waiter("waiter", [&] { sem.acquire(); });
  std::this_thread::sleep_for(20ms);
  sem.release();
  waiter.join();
  EXPECT_EQ(sem.value(), 0);
  EXPECT_TRUE(findings().empty());
}

TEST_F(SemaphoreTest, InvalidValues) {
  EXPECT_THROW(counting_semaphore<> bad(-1), std::invalid_argument);
  binary_semaphore bin{1};
  EXPECT_THROW(bin.release(), std::system_error);
  EXPECT_THROW(bin.release(-1), std::system_error);
  EXPECT_EQ(bin.value(), 1);
}

// --- blocking_queue ------------------------------------------------------------------

using BlockingQueueTest = RuntimeTest;

TEST_F(BlockingQueueTest, FirstInFirstOut) {
  blocking_queue<std::string> q{0, "q"};
  q.put("a");
  q.put(std::string("b"));
  EXPECT_EQ(q.size(), 2u);
  EXPECT_FALSE(q.empty());
  EXPECT_EQ(q.get(), "a");
  EXPECT_EQ(q.try_get(), "b");
  EXPECT_EQ(q.try_get(), std::nullopt);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(printed(q), "<lockgraph::blocking_queue \"q\" size=0 capacity=unbounded>");
}

TEST_F(BlockingQueueTest, BoundedPutWaitsForRoom) {
  blocking_queue<int> q{2, "q"};
  EXPECT_TRUE(q.try_put(1));
  q.put(2);
  EXPECT_TRUE(q.full());
  EXPECT_FALSE(q.try_put(3));
  EXPECT_FALSE(q.put_for(3, 20ms));
  EXPECT_EQ(printed(q), "<lockgraph::blocking_queue \"q\" size=2 capacity=2>");
  lockgraph::thread consumer("consumer", [&] {
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(q.get(), 1);
  });
  q.put(3);  // waits for the consumer
  consumer.join();
  EXPECT_EQ(q.get(), 2);
  EXPECT_EQ(q.get(), 3);
  EXPECT_TRUE(findings().empty());
}

TEST_F(BlockingQueueTest, GetForTimesOut) {
  blocking_queue<int> q{0, "q"};
  const auto start = clock_type::now();
  EXPECT_EQ(q.get_for(30ms), std::nullopt);
  EXPECT_GE(clock_type::now() - start, 30ms);
  q.put(7);
  EXPECT_EQ(q.get_for(1s), 7);
}

TEST_F(BlockingQueueTest, CloseWakesEveryWaiterAndDrains) {
  blocking_queue<int> q{0, "q"};
  std::atomic<int> ended{0};
  std::vector<lockgraph::thread> getters;
  for (int i = 0; i < 3; ++i)
    getters.emplace_back([&] {
      while (q.get()) {
      }
      ++ended;
    });
  q.put(1);
  q.put(2);
  std::this_thread::sleep_for(20ms);
  q.close();
  for (auto& t : getters) t.join();
  EXPECT_EQ(ended, 3);
  EXPECT_TRUE(q.closed());
  EXPECT_EQ(q.get(), std::nullopt);
  EXPECT_EQ(q.get_for(1s), std::nullopt);
  EXPECT_TRUE(findings().empty());
}

TEST_F(BlockingQueueTest, ClosedQueueStillHandsOutWhatIsLeft) {
  blocking_queue<int> q{0, "q"};
  q.put(1);
  q.close();
  q.close();  // idempotent
  EXPECT_EQ(printed(q), "<lockgraph::blocking_queue \"q\" size=1 capacity=unbounded closed>");
  EXPECT_EQ(q.get(), 1);
  EXPECT_EQ(q.get(), std::nullopt);
}

TEST_F(BlockingQueueTest, PutOnAClosedQueueThrows) {
  blocking_queue<int> q{1, "jobs"};
  q.close();
  try {
    q.put(1);
    FAIL() << "expected queue_closed";
  } catch (const queue_closed& e) {
    EXPECT_STREQ(e.what(), "lockgraph: put into closed queue 'jobs'");
  }
  EXPECT_THROW(q.try_put(1), queue_closed);
  EXPECT_THROW(q.put_for(1, 1ms), queue_closed);
  EXPECT_TRUE(q.empty());
}

TEST_F(BlockingQueueTest, CloseWakesABlockedPutWhichThrows) {
  blocking_queue<int> q{1, "q"};
  q.put(1);
  std::atomic<bool> threw{false};
  lockgraph::thread producer("producer", [&] {
    try {
      q.put(2);
    } catch (const queue_closed&) {
      threw = true;
    }
  });
  std::this_thread::sleep_for(20ms);
  q.close();
  producer.join();
  EXPECT_TRUE(threw);
}

// --- event ---------------------------------------------------------------------------

using EventTest = RuntimeTest;

TEST_F(EventTest, SetClearWait) {
  event e{"stop"};
  EXPECT_FALSE(e.is_set());
  EXPECT_EQ(printed(e), "<lockgraph::event \"stop\" unset>");
  EXPECT_FALSE(e.wait_for(20ms));
  e.set();
  EXPECT_TRUE(e.is_set());
  EXPECT_TRUE(e.wait_for(0ms));
  e.wait();
  EXPECT_EQ(printed(e), "<lockgraph::event \"stop\" set>");
  e.clear();
  EXPECT_FALSE(e.is_set());
  EXPECT_FALSE(e.wait_until(clock_type::now() + 10ms));
}

TEST_F(EventTest, SetWakesEveryWaiter) {
  event e{"go"};
  std::atomic<int> woke{0};
  std::vector<lockgraph::thread> waiters;
  for (int i = 0; i < 3; ++i) waiters.emplace_back([&] {
    e.wait();
    ++woke;
  });
  std::this_thread::sleep_for(20ms);
  EXPECT_EQ(woke, 0);
  e.set();
  for (auto& t : waiters) t.join();
  EXPECT_EQ(woke, 3);
  EXPECT_TRUE(findings().empty());
}

// --- thread_pool ---------------------------------------------------------------------

using ThreadPoolTest = RuntimeTest;

TEST_F(ThreadPoolTest, SubmitReturnsAFuture) {
  thread_pool pool(3, "pool");
  EXPECT_EQ(pool.size(), 3u);
  lockgraph::future<int> f = pool.submit([](int a, int b) { return a * b; }, 6, 7);
  EXPECT_EQ(f.get(), 42);
  auto name = pool.submit([] { return lockgraph::this_thread::name(); });
  EXPECT_EQ(name.get().rfind("pool-", 0), 0u);
  std::future<void> plain = pool.submit([] {});  // converts to std::future
  plain.get();
  EXPECT_EQ(printed(pool), "<lockgraph::thread_pool \"pool\" workers=3 queued=0>");
}

TEST_F(ThreadPoolTest, MapKeepsTheOrder) {
  thread_pool pool(3, "pool");
  const std::vector<int> in{5, 1, 4, 2, 3};
  const std::vector<int> out = pool.map(
      [](int x) {
        std::this_thread::sleep_for(std::chrono::milliseconds(x));
        return x * 10;
      },
      in);
  EXPECT_EQ(out, (std::vector<int>{50, 10, 40, 20, 30}));
}

TEST_F(ThreadPoolTest, ExceptionsReachTheFuture) {
  thread_pool pool(1, "pool");
  auto f = pool.submit([]() -> int { throw std::runtime_error("boom"); });
  EXPECT_THROW(f.get(), std::runtime_error);
  EXPECT_THROW(pool.map([](int) -> int { throw std::logic_error("no"); }, std::vector<int>{1}),
               std::logic_error);
}

TEST_F(ThreadPoolTest, DestructorWaitsForEveryTask) {
  std::atomic<int> ran{0};
  {
    thread_pool pool(2);
    for (int i = 0; i < 10; ++i) pool.submit([&] {
      std::this_thread::sleep_for(2ms);
      ++ran;
    });
  }
  EXPECT_EQ(ran, 10);
}

TEST_F(ThreadPoolTest, SubmitAfterShutdownThrows) {
  thread_pool pool(2, "pool");
  auto f = pool.submit([] { return 1; });
  pool.shutdown();
  EXPECT_EQ(f.get(), 1);
  EXPECT_THROW(pool.submit([] { return 2; }), std::runtime_error);
  pool.shutdown();  // again: nothing
  EXPECT_EQ(printed(pool), "<lockgraph::thread_pool \"pool\" workers=2 queued=0 shut down>");
}

TEST_F(ThreadPoolTest, LocksTakenByTasksAreRecorded) {
  mutex a{"a"}, b{"b"};
  thread_pool pool(1, "pool");
  pool.submit([&] {
        std::lock_guard x(a);
        std::lock_guard y(b);
      })
      .get();
  pool.submit([&] {
        std::lock_guard y(b);
        std::lock_guard x(a);
      })
      .get();
  const auto found = findings_of("lock-order-inversion");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].threads, std::vector<std::string>{"pool-1"});
}

// --- daemon threads ------------------------------------------------------------------

using DaemonThreadTest = RuntimeTest;

TEST_F(DaemonThreadTest, IsDetachedAtStart) {
  std::atomic<bool> ran{false};
  lockgraph::thread t({.name = "daemon", .daemon = true}, [&] { ran = true; });
  EXPECT_FALSE(t.joinable());
  EXPECT_EQ(t.name(), "daemon");
  while (!ran) std::this_thread::yield();
  std::this_thread::sleep_for(5ms);  // let it end before the next test
}

}  // namespace
}  // namespace lockgraph::testing
