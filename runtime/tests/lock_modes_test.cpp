// Lock-order cycles that cannot deadlock are not reported: cycles of read
// locks only (readers do not block readers), and cycles whose every edge was
// taken while holding one common gate lock. When a later acquisition takes
// away what made the cycle harmless, it is reported then.
#include "test_support.hpp"

#include <functional>
#include <mutex>
#include <shared_mutex>

namespace lockgraph::testing {
namespace {

using LockModesTest = RuntimeTest;

void in_thread(const char* name, std::function<void()> f) {
  lockgraph::thread t(name, std::move(f));
  t.join();
}

TEST_F(LockModesTest, ReaderOnlyCycleIsNotReported) {
  shared_mutex a{"a"}, b{"b"};
  in_thread("r1", [&] {
    std::shared_lock x(a);
    std::shared_lock y(b);
  });
  in_thread("r2", [&] {
    std::shared_lock y(b);
    std::shared_lock x(a);
  });
  EXPECT_TRUE(findings().empty());
}

TEST_F(LockModesTest, ReaderCycleWithAWriterIsReported) {
  shared_mutex a{"a"}, b{"b"};
  in_thread("reader", [&] {
    std::shared_lock x(a);
    std::shared_lock y(b);
  });
  in_thread("writer", [&] {
    std::unique_lock y(b);
    std::unique_lock x(a);
  });
  const auto found = findings_of("lock-order-inversion");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].threads, (std::vector<std::string>{"reader", "writer"}));
}

TEST_F(LockModesTest, ReaderOnlyCycleBecomesReportableWhenAWriterTakesAnEdge) {
  shared_mutex a{"a"}, b{"b"};
  in_thread("r1", [&] {
    std::shared_lock x(a);
    std::shared_lock y(b);
  });
  in_thread("r2", [&] {
    std::shared_lock y(b);
    std::shared_lock x(a);
  });
  EXPECT_TRUE(findings().empty());
  in_thread("w", [&] {  // the edge a -> b again, now as a writer
    std::unique_lock x(a);
    std::unique_lock y(b);
  });
  EXPECT_EQ(findings_of("lock-order-inversion").size(), 1u);
}

TEST_F(LockModesTest, GateLockedCycleIsNotReported) {
  mutex gate{"gate"}, a{"a"}, b{"b"};
  in_thread("t1", [&] {
    std::lock_guard g(gate);
    std::lock_guard x(a);
    std::lock_guard y(b);
  });
  in_thread("t2", [&] {
    std::lock_guard g(gate);
    std::lock_guard y(b);
    std::lock_guard x(a);
  });
  EXPECT_TRUE(findings().empty());
}

TEST_F(LockModesTest, GateCycleIsReportedOnceAnEdgeIsTakenWithoutTheGate) {
  mutex gate{"gate"}, a{"a"}, b{"b"};
  in_thread("t1", [&] {
    std::lock_guard g(gate);
    std::lock_guard x(a);
    std::lock_guard y(b);
  });
  in_thread("t2", [&] {
    std::lock_guard g(gate);
    std::lock_guard y(b);
    std::lock_guard x(a);
  });
  EXPECT_TRUE(findings().empty());
  in_thread("t3", [&] {  // b -> a without the gate
    std::lock_guard y(b);
    std::lock_guard x(a);
  });
  EXPECT_EQ(findings_of("lock-order-inversion").size(), 1u);
}

TEST_F(LockModesTest, SameThreadWithoutTheGateLaterIsSeen) {
  // The thread's cache of known edges must not hide the gate-less witness.
  mutex gate{"gate"}, a{"a"}, b{"b"};
  in_thread("t1", [&] {
    {
      std::lock_guard g(gate);
      std::lock_guard x(a);
      std::lock_guard y(b);
    }
    std::lock_guard x(a);  // a -> b again, no gate
    std::lock_guard y(b);
  });
  in_thread("t2", [&] {
    std::lock_guard g(gate);
    std::lock_guard y(b);
    std::lock_guard x(a);
  });
  EXPECT_EQ(findings_of("lock-order-inversion").size(), 1u);
}

TEST_F(LockModesTest, DifferentGatesDoNotProtect) {
  mutex g1{"g1"}, g2{"g2"}, a{"a"}, b{"b"};
  in_thread("t1", [&] {
    std::lock_guard g(g1);
    std::lock_guard x(a);
    std::lock_guard y(b);
  });
  in_thread("t2", [&] {
    std::lock_guard g(g2);
    std::lock_guard y(b);
    std::lock_guard x(a);
  });
  EXPECT_EQ(findings_of("lock-order-inversion").size(), 1u);
}

TEST_F(LockModesTest, AReadLockIsNotAGate) {
  shared_mutex gate{"gate"};
  mutex a{"a"}, b{"b"};
  in_thread("t1", [&] {
    std::shared_lock g(gate);
    std::lock_guard x(a);
    std::lock_guard y(b);
  });
  in_thread("t2", [&] {
    std::shared_lock g(gate);
    std::lock_guard y(b);
    std::lock_guard x(a);
  });
  EXPECT_EQ(findings_of("lock-order-inversion").size(), 1u);
}

}  // namespace
}  // namespace lockgraph::testing
