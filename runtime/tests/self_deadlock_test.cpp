// self-deadlock: locking a non-recursive mutex the thread already holds is
// reported before the thread would block, then handled per deadlock_mode.
#include "test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <thread>

namespace lockgraph::testing {
namespace {

using SelfDeadlockTest = RuntimeTest;

TEST_F(SelfDeadlockTest, ThrowModeThrowsAfterReporting) {
  mutex lock{"lock"};
  const unsigned first = __LINE__ + 1;
  lock.lock();
  const unsigned second = __LINE__ + 2;
  try {
    lock.lock();
    FAIL() << "expected std::system_error";
  } catch (const std::system_error& e) {
    EXPECT_EQ(e.code(), std::errc::resource_deadlock_would_occur);
    EXPECT_NE(std::string(e.what()).find("acquiring mutex 'lock' that is already held"),
              std::string::npos);
  }
  lock.unlock();

  const auto found = findings();
  ASSERT_EQ(found.size(), 1u);
  const finding& f = found[0];
  EXPECT_EQ(f.check, "self-deadlock");
  EXPECT_EQ(f.severity, "error");
  EXPECT_EQ(base_name(f.file), "self_deadlock_test.cpp");
  EXPECT_EQ(f.line, second);
  EXPECT_GT(f.column, 0u);
  EXPECT_EQ(f.message, "acquiring mutex 'lock' that is already held");
  EXPECT_EQ(f.locks, std::vector<std::string>{"lock"});
  EXPECT_EQ(f.threads, std::vector<std::string>{"main"});
  ASSERT_EQ(f.notes.size(), 1u);
  EXPECT_EQ(f.notes[0].line, first);
  EXPECT_EQ(f.notes[0].message, "'lock' first acquired here");
  EXPECT_EQ(f.fingerprint.size(), 16u);
}

TEST_F(SelfDeadlockTest, PointsAtTheGuardsLine) {
  mutex m{"m"};
  const unsigned first = __LINE__ + 1;
  std::lock_guard outer(m);
  const unsigned second = __LINE__ + 1;
  EXPECT_THROW(std::lock_guard inner(m), std::system_error);
  const auto found = findings_of("self-deadlock");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, second);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].line, first);
}

TEST_F(SelfDeadlockTest, ThroughUniqueLockAndScopedLock) {
  mutex m{"m"};
  std::unique_lock held(m);
  EXPECT_THROW(std::unique_lock again(m), std::system_error);
  EXPECT_THROW(std::scoped_lock again(m), std::system_error);
  EXPECT_EQ(findings_of("self-deadlock").size(), 2u);
}

TEST_F(SelfDeadlockTest, ReportedOncePerSite) {
  mutex m{"m"};
  m.lock();
  for (int i = 0; i < 10; ++i) EXPECT_THROW(m.lock(), std::system_error);
  m.unlock();
  EXPECT_EQ(findings().size(), 1u);
}

TEST_F(SelfDeadlockTest, NotForCorrectUse) {
  mutex a{"a"}, b{"b"};
  recursive_mutex r{"r"};
  a.lock();
  a.unlock();
  a.lock();  // again after unlocking
  b.lock();  // another mutex
  r.lock();
  r.lock();                    // recursive
  EXPECT_FALSE(a.try_lock());  // a try-lock cannot deadlock
  r.unlock();
  r.unlock();
  b.unlock();
  a.unlock();
  lockgraph::thread other([&] {  // another thread waits, it does not deadlock
    std::lock_guard guard(a);
  });
  other.join();
  EXPECT_TRUE(findings().empty());
}

TEST_F(SelfDeadlockTest, ModeCanBeChangedInCode) {
  set_deadlock_mode(deadlock_mode::block);
  EXPECT_EQ(get_deadlock_mode(), deadlock_mode::block);
  set_deadlock_mode(deadlock_mode::abort);
  EXPECT_EQ(get_deadlock_mode(), deadlock_mode::abort);
}

using SelfDeadlockDeathTest = RuntimeTest;

TEST_F(SelfDeadlockDeathTest, AbortModeStopsTheProcess) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        set_quiet(false);
        set_deadlock_mode(deadlock_mode::abort);
        mutex lock{"lock"};
        lock.lock();
        lock.lock();
      },
      "self_deadlock_test.cpp:[0-9]+:[0-9]+: error: acquiring mutex 'lock' that is already held "
      "\\[self-deadlock\\].*note: 'lock' first acquired here.*stopping the process");
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST_F(SelfDeadlockDeathTest, AbortModeWritesTheReportFirst) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const std::string path = ::testing::TempDir() + "lockgraph-self-deadlock-abort.json";
  std::remove(path.c_str());
  EXPECT_DEATH(
      {
        set_deadlock_mode(deadlock_mode::abort);
        set_report_path(path);
        mutex lock{"lock"};
        lock.lock();
        lock.lock();
      },
      "");
  const std::string report = read_file(path);
  EXPECT_NE(report.find("\"check\": \"self-deadlock\""), std::string::npos) << report;
  std::remove(path.c_str());
}

// In block mode the thread blocks forever, as with std::mutex; the report is
// written before it blocks. The blocked child is killed by its parent.
TEST_F(SelfDeadlockTest, BlockModeWritesTheReportThenBlocks) {
  const std::string path = ::testing::TempDir() + "lockgraph-self-deadlock-block.json";
  std::remove(path.c_str());
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    set_deadlock_mode(deadlock_mode::block);
    set_report_path(path);
    mutex lock{"lock"};
    lock.lock();
    lock.lock();
    ::_exit(3);  // not reached
  }
  std::string report;
  for (int i = 0; i < 500 && report.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    report = read_file(path);
  }
  int status = 0;
  EXPECT_EQ(::waitpid(child, &status, WNOHANG), 0) << "the child should still be blocked";
  ::kill(child, SIGKILL);
  ::waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_NE(report.find("\"check\": \"self-deadlock\""), std::string::npos) << report;
  std::remove(path.c_str());
}

}  // namespace
}  // namespace lockgraph::testing
