// lockgraph::mutex behaves like std::mutex and works with the std guards.
#include "test_support.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <thread>

namespace lockgraph::testing {
namespace {

using MutexTest = RuntimeTest;

bool try_lock_elsewhere(mutex& m) {
  bool taken = false;
  std::thread([&] {
    taken = m.try_lock();
    if (taken) m.unlock();
  }).join();
  return taken;
}

TEST_F(MutexTest, LockExcludesOtherThreads) {
  mutex m{"m"};
  m.lock();
  EXPECT_FALSE(try_lock_elsewhere(m));
  m.unlock();
  EXPECT_TRUE(try_lock_elsewhere(m));
  EXPECT_TRUE(findings().empty());
}

TEST_F(MutexTest, TryLock) {
  mutex m;
  ASSERT_TRUE(m.try_lock());
  EXPECT_FALSE(try_lock_elsewhere(m));
  EXPECT_FALSE(m.try_lock()) << "the owner's try_lock fails, it does not deadlock";
  m.unlock();
  EXPECT_TRUE(findings().empty());
}

TEST_F(MutexTest, CountsUnderContention) {
  mutex m{"counter"};
  long counter = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 20000; ++i) {
        std::lock_guard guard(m);
        ++counter;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(counter, 80000);
  EXPECT_TRUE(findings().empty());
}

TEST_F(MutexTest, LockGuard) {
  mutex m;
  {
    std::lock_guard guard(m);  // class template argument deduction
    EXPECT_FALSE(try_lock_elsewhere(m));
  }
  EXPECT_TRUE(try_lock_elsewhere(m));
  m.lock();
  { std::lock_guard<mutex> adopted(m, std::adopt_lock); }
  EXPECT_TRUE(try_lock_elsewhere(m));
  EXPECT_TRUE(findings().empty());
}

TEST_F(MutexTest, UniqueLock) {
  mutex m;
  std::unique_lock lock(m);
  EXPECT_TRUE(lock.owns_lock());
  EXPECT_TRUE(static_cast<bool>(lock));
  EXPECT_EQ(lock.mutex(), &m);
  lock.unlock();
  EXPECT_FALSE(lock.owns_lock());
  EXPECT_TRUE(try_lock_elsewhere(m));
  lock.lock();
  EXPECT_FALSE(try_lock_elsewhere(m));

  std::unique_lock moved(std::move(lock));
  EXPECT_FALSE(lock.owns_lock());
  EXPECT_EQ(lock.mutex(), nullptr);
  EXPECT_TRUE(moved.owns_lock());

  std::unique_lock<mutex> other;
  other = std::move(moved);
  EXPECT_TRUE(other.owns_lock());
  mutex* released = other.release();
  EXPECT_EQ(released, &m);
  EXPECT_FALSE(other.owns_lock());
  m.unlock();
  EXPECT_TRUE(findings().empty());
}

TEST_F(MutexTest, UniqueLockTags) {
  mutex m;
  {
    std::unique_lock deferred(m, std::defer_lock);
    EXPECT_FALSE(deferred.owns_lock());
    EXPECT_TRUE(deferred.try_lock());
    std::unique_lock<mutex> tried(m, std::try_to_lock);  // held by this thread
    EXPECT_FALSE(tried.owns_lock());
  }
  m.lock();
  { std::unique_lock adopted(m, std::adopt_lock); }
  EXPECT_TRUE(try_lock_elsewhere(m));
  EXPECT_TRUE(findings().empty());
}

TEST_F(MutexTest, UniqueLockErrorsAreStdErrors) {
  mutex m;
  std::unique_lock lock(m);
  try {
    lock.lock();
    FAIL() << "locking an owned unique_lock must throw";
  } catch (const std::system_error& e) {
    EXPECT_EQ(e.code(), std::errc::resource_deadlock_would_occur);
  }
  lock.unlock();
  try {
    lock.unlock();
    FAIL() << "unlocking an unowned unique_lock must throw";
  } catch (const std::system_error& e) {
    EXPECT_EQ(e.code(), std::errc::operation_not_permitted);
  }
  std::unique_lock<mutex> empty;
  EXPECT_THROW(empty.lock(), std::system_error);
  EXPECT_TRUE(findings().empty()) << "guard misuse is caught by the guard, not the mutex";
}

TEST_F(MutexTest, ScopedLock) {
  mutex a{"a"}, b{"b"};
  {
    std::scoped_lock both(a, b);
    EXPECT_FALSE(try_lock_elsewhere(a));
    EXPECT_FALSE(try_lock_elsewhere(b));
  }
  { std::scoped_lock one(a); }
  {
    a.lock();
    b.lock();
    std::scoped_lock adopted(std::adopt_lock, a, b);
  }
  EXPECT_TRUE(try_lock_elsewhere(a));
  EXPECT_TRUE(try_lock_elsewhere(b));
  EXPECT_TRUE(findings().empty());
}

TEST_F(MutexTest, ScopedLockTakesBusyLocksWithoutDeadlock) {
  mutex a{"a"}, b{"b"};
  std::atomic<bool> stop{false};
  std::thread other([&] {
    while (!stop) std::scoped_lock both(b, a);
  });
  for (int i = 0; i < 2000; ++i) std::scoped_lock both(a, b);
  stop = true;
  other.join();
  EXPECT_TRUE(findings().empty()) << "locks taken together have no order among them";
}

TEST_F(MutexTest, StdLockAndTryLock) {
  mutex a, b;
  std::lock(a, b);
  a.unlock();
  b.unlock();
  std::unique_lock la(a, std::defer_lock), lb(b, std::defer_lock);
  std::lock(la, lb);
  EXPECT_TRUE(la.owns_lock() && lb.owns_lock());
  la.unlock();
  lb.unlock();
  EXPECT_EQ(std::try_lock(a, b), -1);
  a.unlock();
  b.unlock();
  EXPECT_TRUE(findings().empty());
}

TEST_F(MutexTest, ConditionVariableAny) {
  mutex m{"queue"};
  std::condition_variable_any ready;
  bool flag = false;
  std::thread producer([&] {
    std::lock_guard guard(m);
    flag = true;
    ready.notify_one();
  });
  {
    std::unique_lock lock(m);
    ready.wait(lock, [&] { return flag; });
    EXPECT_TRUE(flag);
  }
  producer.join();
  EXPECT_TRUE(findings().empty());
}

TEST_F(MutexTest, PrintsItsState) {
  mutex balance{"balance"};
  std::ostringstream unlocked;
  unlocked << balance;
  EXPECT_EQ(unlocked.str(), "<unlocked lockgraph::mutex \"balance\">");

  std::ostringstream locked;
  lockgraph::thread deposit("deposit", [&] {
    std::lock_guard guard(balance);
    locked << balance;
  });
  deposit.join();
  EXPECT_EQ(locked.str(), "<locked lockgraph::mutex \"balance\" owner=\"deposit\" count=1>");
}

TEST_F(MutexTest, UnnamedIsCalledByItsDeclaration) {
  const unsigned line = __LINE__ + 1;
  mutex m;
  EXPECT_EQ(base_name(m.name()), "mutex_test.cpp:" + std::to_string(line));
  mutex named{"named"};
  EXPECT_EQ(named.name(), "named");
  std::ostringstream out;
  out << m;
  EXPECT_NE(out.str().find("mutex_test.cpp:" + std::to_string(line) + "\">"), std::string::npos)
      << out.str();
}

TEST_F(MutexTest, NativeHandle) {
  mutex m;
  EXPECT_NE(m.native_handle(), nullptr);
}

}  // namespace
}  // namespace lockgraph::testing
