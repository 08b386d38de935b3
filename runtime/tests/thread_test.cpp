// lockgraph::thread behaves like std::thread, has a name, and reports being
// destroyed while joinable.
#include "test_support.hpp"

#include <atomic>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <sstream>

namespace lockgraph::testing {
namespace {

using ThreadTest = RuntimeTest;

TEST_F(ThreadTest, RunsTheFunctionWithItsArguments) {
  int sum = 0;
  lockgraph::thread t([](int a, int b, int& out) { out = a + b; }, 2, 3, std::ref(sum));
  EXPECT_TRUE(t.joinable());
  t.join();
  EXPECT_FALSE(t.joinable());
  EXPECT_EQ(sum, 5);
}

TEST_F(ThreadTest, CopiesArgumentsAndAcceptsMoveOnlyOnes) {
  std::string text = "copied";
  std::string seen;
  auto owned = std::make_unique<int>(42);
  int value = 0;
  lockgraph::thread t(
      [&](std::string s, std::unique_ptr<int> p) {
        seen = s;
        value = *p;
      },
      text, std::move(owned));
  text = "changed";
  t.join();
  EXPECT_EQ(seen, "copied");
  EXPECT_EQ(value, 42);
}

TEST_F(ThreadTest, IdsAndHardwareConcurrency) {
  std::thread::id inside;
  lockgraph::thread t([&] { inside = std::this_thread::get_id(); });
  const auto id = t.get_id();
  EXPECT_NE(id, std::this_thread::get_id());
  EXPECT_NE(t.native_handle(), lockgraph::thread::native_handle_type{});
  t.join();
  EXPECT_EQ(inside, id);
  EXPECT_EQ(t.get_id(), std::thread::id());
  EXPECT_EQ(lockgraph::thread::hardware_concurrency(), std::thread::hardware_concurrency());
}

TEST_F(ThreadTest, Detach) {
  std::atomic<bool> ran{false};
  lockgraph::thread t([&] { ran = true; });
  t.detach();
  EXPECT_FALSE(t.joinable());
  while (!ran) std::this_thread::yield();
}

TEST_F(ThreadTest, MoveAndSwap) {
  lockgraph::thread a("a", [] {});
  lockgraph::thread b(std::move(a));
  EXPECT_FALSE(a.joinable());
  EXPECT_TRUE(b.joinable());
  EXPECT_EQ(b.name(), "a");
  lockgraph::thread c;
  c = std::move(b);
  EXPECT_TRUE(c.joinable());
  lockgraph::thread d("d", [] {});
  swap(c, d);
  EXPECT_EQ(c.name(), "d");
  EXPECT_EQ(d.name(), "a");
  c.join();
  d.join();
}

TEST_F(ThreadTest, JoinErrorsAreStdErrors) {
  lockgraph::thread empty;
  EXPECT_FALSE(empty.joinable());
  EXPECT_THROW(empty.join(), std::system_error);
  EXPECT_THROW(empty.detach(), std::system_error);
  lockgraph::thread t([] {});
  t.join();
  EXPECT_THROW(t.join(), std::system_error);
}

TEST_F(ThreadTest, Names) {
  std::string inside_named, inside_options, inside_unnamed, inside_std;
  lockgraph::thread named("worker", [&] { inside_named = this_thread::name(); });
  lockgraph::thread with_options({.name = "reader"}, [&] { inside_options = this_thread::name(); });
  lockgraph::thread unnamed([&] { inside_unnamed = this_thread::name(); });
  std::thread plain([&] { inside_std = this_thread::name(); });
  named.join();
  with_options.join();
  unnamed.join();
  plain.join();
  EXPECT_EQ(named.name(), "worker");
  EXPECT_EQ(inside_named, "worker");
  EXPECT_EQ(inside_options, "reader");
  EXPECT_EQ(inside_unnamed.rfind("thread-", 0), 0u) << inside_unnamed;
  EXPECT_EQ(inside_std.rfind("thread-", 0), 0u) << inside_std;
  EXPECT_NE(inside_std, inside_unnamed);
  EXPECT_EQ(this_thread::name(), "main");
}

TEST_F(ThreadTest, SetName) {
  std::string after;
  lockgraph::thread t([&] {
    this_thread::set_name("renamed");
    after = this_thread::name();
  });
  t.join();
  EXPECT_EQ(after, "renamed");
  EXPECT_EQ(t.name(), "renamed");
}

TEST_F(ThreadTest, Prints) {
  lockgraph::thread t("printer", [] {});
  std::ostringstream running, joined, empty;
  running << t;
  t.join();
  joined << t;
  empty << lockgraph::thread();
  EXPECT_EQ(running.str(), "<lockgraph::thread \"printer\" joinable>");
  EXPECT_EQ(joined.str(), "<lockgraph::thread \"printer\" not joinable>");
  EXPECT_EQ(empty.str(), "<lockgraph::thread not joinable>");
}

TEST_F(ThreadTest, NoFindingsForCorrectUse) {
  lockgraph::thread a("a", [] {});
  a.join();
  lockgraph::thread b([] {});
  b.detach();
  EXPECT_TRUE(findings().empty());
}

using ThreadDeathTest = RuntimeTest;

TEST_F(ThreadDeathTest, DestroyedWhileJoinableIsReportedThenTerminates) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        set_quiet(false);
        lockgraph::thread t("lonely", [] {});
      },
      "thread_test.cpp:[0-9]+:[0-9]+: error: thread 'lonely' is destroyed while joinable.*"
      "\\[thread-not-joined\\]");
}

TEST_F(ThreadDeathTest, MoveAssignedWhileJoinableIsReported) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        set_quiet(false);
        lockgraph::thread t({.name = "first"}, [] {});
        t = lockgraph::thread("second", [] {});
      },
      "thread 'first' is destroyed while joinable");
}

TEST_F(ThreadDeathTest, NotJoinedWritesTheReport) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const std::string path = ::testing::TempDir() + "lockgraph-not-joined.json";
  std::remove(path.c_str());
  EXPECT_DEATH(
      {
        set_report_path(path);
        lockgraph::thread t("lonely", [] {});
      },
      "");
  std::ifstream in(path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("\"check\": \"thread-not-joined\""), std::string::npos) << text;
  std::remove(path.c_str());
}

}  // namespace
}  // namespace lockgraph::testing
