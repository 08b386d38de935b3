// deadlock: threads really blocked in a cycle of waits, or all blocked with
// nothing left to wake them, are reported instead of hanging; slow threads,
// timed waits and healthy hand-offs are not.
//
// Throw mode (the fixture's) lets the positives run in this process: the
// detecting waiter throws std::system_error(resource_deadlock_would_occur).
// Abort mode, the default, is checked in death tests (a process of their own).
#include "test_support.hpp"

#include <atomic>
#include <chrono>
#include <latch>
#include <fstream>
#include <iterator>
#include <thread>

namespace lockgraph::testing {
namespace {

using namespace std::chrono_literals;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

using DeadlockTest = RuntimeTest;

TEST_F(DeadlockTest, AbbaThatReallyHangsThrowsInTheClosingThread) {
  mutex a{"a"}, b{"b"};
  std::latch both_hold(2);
  std::atomic<int> thrown{0};
  auto take = [&](mutex& first, mutex& second) {
    std::lock_guard x(first);
    both_hold.arrive_and_wait();
    try {
      std::lock_guard y(second);
    } catch (const std::system_error& e) {
      EXPECT_EQ(e.code(), std::errc::resource_deadlock_would_occur);
      EXPECT_TRUE(contains(e.what(), "are deadlocked")) << e.what();
      ++thrown;
    }
  };
  lockgraph::thread t1("t1", take, std::ref(a), std::ref(b));
  lockgraph::thread t2("t2", take, std::ref(b), std::ref(a));
  t1.join();
  t2.join();
  EXPECT_EQ(thrown, 1);
  const auto found = findings_of("deadlock");
  ASSERT_EQ(found.size(), 1u);
  const finding& f = found[0];
  EXPECT_EQ(f.severity, "error");
  EXPECT_EQ(base_name(f.file), "deadlock_test.cpp");
  EXPECT_TRUE(contains(f.message, "threads 't")) << f.message;
  EXPECT_TRUE(contains(f.message, "'t1' waits for mutex 'b' held by 't2'")) << f.message;
  EXPECT_TRUE(contains(f.message, "'t2' waits for mutex 'a' held by 't1'")) << f.message;
  EXPECT_EQ(f.threads, (std::vector<std::string>{"t1", "t2"}));
  EXPECT_EQ(f.locks, (std::vector<std::string>{"a", "b"}));
  // Where the other thread waits, and what both hold.
  ASSERT_EQ(f.notes.size(), 3u);
  EXPECT_EQ(findings_of("lock-order-inversion").size(), 1u);
}

TEST_F(DeadlockTest, JoinWhileHoldingALockTheJoinedThreadWants) {
  mutex m{"m"};
  std::atomic<bool> holding{false};
  std::atomic<int> thrown{0};
  std::unique_lock lock(m);
  lockgraph::thread worker("worker", [&] {
    while (!holding) std::this_thread::yield();
    try {
      std::lock_guard g(m);
    } catch (const std::system_error&) {
      ++thrown;
    }
  });
  holding = true;
  try {
    worker.join();  // the worker waits for m, which main holds
  } catch (const std::system_error& e) {
    EXPECT_EQ(e.code(), std::errc::resource_deadlock_would_occur);
    ++thrown;
    lock.unlock();
    worker.join();
  }
  EXPECT_EQ(thrown, 1);
  const auto found = findings_of("deadlock");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(contains(found[0].message, "'main' joins 'worker'")) << found[0].message;
  EXPECT_TRUE(contains(found[0].message, "'worker' waits for mutex 'm' held by 'main'"))
      << found[0].message;
}

TEST_F(DeadlockTest, ConsumerOnAnEmptyQueueWhileMainJoinsIt) {
  blocking_queue<int> q{0, "pipeline"};
  std::atomic<bool> threw{false};
  const unsigned get_line = __LINE__ + 3;
  lockgraph::thread consumer("consumer", [&] {
    try {
      q.get();
    } catch (const std::system_error& e) {
      EXPECT_EQ(e.code(), std::errc::resource_deadlock_would_occur);
      threw = true;
    }
  });
  const auto start = std::chrono::steady_clock::now();
  consumer.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_TRUE(threw);  // the consumer's get() could be interrupted, main's join not
  const auto found = findings_of("deadlock");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, get_line);
  EXPECT_EQ(found[0].message,
            "every thread is blocked and none can wake another: 'consumer' waits to get from "
            "empty queue 'pipeline'; 'main' joins 'consumer'");
  EXPECT_EQ(found[0].threads, (std::vector<std::string>{"consumer", "main"}));
}

TEST_F(DeadlockTest, SemaphoreThatIsNeverReleased) {
  counting_semaphore<> sem{0, "sem"};
  EXPECT_THROW(sem.acquire(), std::system_error);
  const auto found = findings_of("deadlock");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(contains(found[0].message, "'main' waits to acquire semaphore 'sem'"));
  EXPECT_EQ(sem.value(), 0);
}

TEST_F(DeadlockTest, EventThatIsNeverSetAndAConditionNeverNotified) {
  event e{"never"};
  EXPECT_THROW(e.wait(), std::system_error);
  mutex mu{"mu"};
  condition_variable cv{"cv"};
  std::unique_lock lock(mu);
  EXPECT_THROW(cv.wait(lock), std::system_error);
  EXPECT_TRUE(lock.owns_lock());  // taken back before throwing
  EXPECT_EQ(findings_of("deadlock").size(), 2u);
}

TEST_F(DeadlockTest, ResultThatCanNeverCome) {
  thread_pool pool(1, "pool");
  event never{"never"};
  auto f = pool.submit([&] {
    try {
      never.wait();
    } catch (const std::system_error&) {
      return 0;
    }
    return 1;
  });
  EXPECT_EQ(f.get(), 0);
  const auto found = findings_of("deadlock");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(contains(found[0].message,
                       "'main' waits for the result of a task of thread_pool 'pool'"))
      << found[0].message;
}

// --- not deadlocks -------------------------------------------------------------------

TEST_F(DeadlockTest, SlowProducerIsNotADeadlock) {
  blocking_queue<int> q{0, "pipeline"};
  lockgraph::thread consumer("consumer", [&] { EXPECT_EQ(q.get(), 1); });
  lockgraph::thread producer("producer", [&] {
    std::this_thread::sleep_for(1200ms);  // longer than the detector's patience
    q.put(1);
  });
  consumer.join();
  producer.join();
  EXPECT_TRUE(findings().empty());
}

TEST_F(DeadlockTest, ThreadsTheRuntimeDoesNotKnowCountAsRunning) {
  event e{"e"};
  std::thread helper([&] {
    std::this_thread::sleep_for(900ms);
    e.set();
  });
  e.wait();
  helper.join();
  EXPECT_TRUE(findings().empty());
}

TEST_F(DeadlockTest, TimedWaitsAreNeverDeadlocks) {
  blocking_queue<int> q{0, "q"};
  EXPECT_EQ(q.get_for(700ms), std::nullopt);
  counting_semaphore<> sem{0, "sem"};
  EXPECT_FALSE(sem.try_acquire_for(100ms));
  event e{"e"};
  EXPECT_FALSE(e.wait_for(100ms));
  mutex mu{"mu"};
  condition_variable cv{"cv"};
  std::unique_lock lock(mu);
  EXPECT_EQ(cv.wait_for(lock, 100ms), std::cv_status::timeout);
  EXPECT_TRUE(findings().empty());
}

TEST_F(DeadlockTest, ConditionVariablePingPong) {
  mutex mu{"mu"};
  condition_variable cv{"cv"};
  int turn = 0;
  constexpr int rounds = 300;
  auto player = [&](int me) {
    for (int i = 0; i < rounds; ++i) {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return turn % 2 == me; });
      ++turn;
      cv.notify_all();
    }
  };
  lockgraph::thread ping("ping", player, 0);
  lockgraph::thread pong("pong", player, 1);
  ping.join();
  pong.join();
  EXPECT_EQ(turn, 2 * rounds);
  EXPECT_TRUE(findings().empty());
}

TEST_F(DeadlockTest, ContendedLocksInOneOrderAreNotDeadlocks) {
  mutex a{"a"}, b{"b"};
  long counter = 0;
  auto work = [&] {
    for (int i = 0; i < 2000; ++i) {
      std::lock_guard x(a);
      std::lock_guard y(b);
      ++counter;
    }
  };
  std::vector<lockgraph::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back(work);
  for (auto& t : threads) t.join();
  EXPECT_EQ(counter, 8000);
  EXPECT_TRUE(findings().empty());
}

// --- abort mode: the process is stopped, the report written first -------------------

using DeadlockDeathTest = RuntimeTest;

void abba_in_abort_mode() {
  set_quiet(false);
  set_deadlock_mode(deadlock_mode::abort);
  mutex a{"a"}, b{"b"};
  std::latch both_hold(2);
  auto take = [&](mutex& first, mutex& second) {
    std::lock_guard x(first);
    both_hold.arrive_and_wait();
    std::lock_guard y(second);
  };
  lockgraph::thread t1("t1", take, std::ref(a), std::ref(b));
  lockgraph::thread t2("t2", take, std::ref(b), std::ref(a));
  t1.join();
  t2.join();
}

TEST_F(DeadlockDeathTest, AbbaStopsTheProcess) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(abba_in_abort_mode(),
               "error: threads 't[12]' and 't[12]' are deadlocked: .* \\[deadlock\\].*stopping "
               "the process at a deadlock");
}

void join_cycle_in_abort_mode() {
  set_quiet(false);
  set_deadlock_mode(deadlock_mode::abort);
  lockgraph::thread* second = nullptr;
  event ready{"ready"};
  lockgraph::thread t1("t1", [&] {
    ready.wait();
    second->join();
  });
  lockgraph::thread t2("t2", [&] {
    ready.wait();
    t1.join();
  });
  second = &t2;
  ready.set();
  std::this_thread::sleep_for(10s);
}

TEST_F(DeadlockDeathTest, JoinCycleStopsTheProcess) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(join_cycle_in_abort_mode(), "'t[12]' joins 't[12]'; 't[12]' joins 't[12]' \\[deadlock\\]");
}

// A lock left held by a thread that has ended can never be released: the
// next lock() of it waits for a holder that is gone. No other thread is left
// to wake it, so the every-thread-blocked rule reports it. (The
// single-threaded fast path of lock() must not skip registering this wait:
// it only applies when the recorder knows no holder.)
void lock_leaked_by_ended_thread() {
  set_quiet(false);
  set_deadlock_mode(deadlock_mode::abort);
  mutex m{"m"};
  lockgraph::thread leaker("leaker", [&] { m.lock(); });
  leaker.join();
  m.lock();
}

TEST_F(DeadlockDeathTest, LockLeakedByAnEndedThreadStopsTheNextLock) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(lock_leaked_by_ended_thread(),
               "every thread is blocked and none can wake another: 'main' waits for mutex 'm' "
               "held by 'leaker' \\[deadlock\\]");
}

void consumer_blocked_in_abort_mode(const std::string& path) {
  set_deadlock_mode(deadlock_mode::abort);
  set_report_path(path);
  blocking_queue<int> q{0, "pipeline"};
  lockgraph::thread consumer("consumer", [&] { q.get(); });
  consumer.join();
}

TEST_F(DeadlockDeathTest, EveryThreadBlockedWritesTheReport) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const std::string path = ::testing::TempDir() + "lockgraph-deadlock-abort.json";
  std::remove(path.c_str());
  EXPECT_DEATH(consumer_blocked_in_abort_mode(path), "");
  std::ifstream in(path);
  const std::string report((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(contains(report, "\"check\": \"deadlock\"")) << report;
  EXPECT_TRUE(contains(report, "waits to get from empty queue 'pipeline'")) << report;
  std::remove(path.c_str());
}

}  // namespace
}  // namespace lockgraph::testing
