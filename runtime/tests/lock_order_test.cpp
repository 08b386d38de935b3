// lock-order-inversion: a new order edge that closes a cycle in the graph of
// lock instances, reported the first time it appears.
#include "test_support.hpp"

#include "recorder.hpp"

#include <latch>
#include <mutex>
#include <new>
#include <thread>

namespace lockgraph::testing {
namespace {

using LockOrderTest = RuntimeTest;

TEST_F(LockOrderTest, AbbaInThreadsThatNeverOverlapIsAWarning) {
  mutex a{"a"}, b{"b"};
  const unsigned ab_a = __LINE__ + 2, ab_b = __LINE__ + 3;
  lockgraph::thread t1("t1", [&] {
    std::lock_guard first(a);
    std::lock_guard second(b);
  });
  t1.join();
  const unsigned ba_b = __LINE__ + 2, ba_a = __LINE__ + 3;
  lockgraph::thread t2("t2", [&] {
    std::lock_guard first(b);
    std::lock_guard second(a);
  });
  t2.join();

  const auto found = findings();
  ASSERT_EQ(found.size(), 1u);
  const finding& f = found[0];
  EXPECT_EQ(f.check, "lock-order-inversion");
  EXPECT_EQ(f.severity, "warning");
  EXPECT_EQ(f.concurrent, false);
  EXPECT_EQ(f.line, ba_a);
  EXPECT_EQ(f.message,
            "acquiring mutex 'a' while holding 'b' inverts the lock order: elsewhere 'b' is "
            "acquired while holding 'a'");
  EXPECT_EQ(f.locks, (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(f.threads, (std::vector<std::string>{"t1", "t2"}));
  ASSERT_EQ(f.notes.size(), 4u);
  EXPECT_EQ(f.notes[0].line, ba_b);
  EXPECT_EQ(f.notes[0].message, "'b' acquired here by thread 't2'");
  EXPECT_EQ(f.notes[1].line, ab_b);
  EXPECT_EQ(f.notes[1].message, "'b' acquired here by thread 't1' while holding 'a'");
  EXPECT_EQ(f.notes[2].line, ab_a);
  EXPECT_EQ(f.notes[2].message, "'a' acquired here by thread 't1'");
  EXPECT_EQ(f.notes[3].file, "");
  EXPECT_NE(f.notes[3].message.find("never ran at the same time"), std::string::npos);
}

TEST_F(LockOrderTest, AbbaInThreadsThatOverlapIsAnError) {
  mutex a{"a"}, b{"b"};
  std::latch first_done(1), both_done(2);
  lockgraph::thread t1("t1", [&] {
    {
      std::lock_guard x(a);
      std::lock_guard y(b);
    }
    first_done.count_down();
    both_done.arrive_and_wait();
  });
  lockgraph::thread t2("t2", [&] {
    first_done.wait();  // the opposite order after t1, so the run cannot hang
    {
      std::lock_guard x(b);
      std::lock_guard y(a);
    }
    both_done.arrive_and_wait();
  });
  t1.join();
  t2.join();
  const auto found = findings();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, "error");
  EXPECT_EQ(found[0].concurrent, true);
  EXPECT_EQ(found[0].notes.size(), 3u);
}

TEST_F(LockOrderTest, AbbaInOneThreadIsAWarning) {
  mutex a{"a"}, b{"b"};
  {
    std::lock_guard x(a);
    std::lock_guard y(b);
  }
  {
    std::lock_guard x(b);
    std::lock_guard y(a);
  }
  const auto found = findings();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, "warning");
  EXPECT_EQ(found[0].threads, std::vector<std::string>{"main"});
  EXPECT_NE(found[0].notes.back().message.find("one thread"), std::string::npos);
}

TEST_F(LockOrderTest, ThreeLockCycle) {
  mutex a{"a"}, b{"b"}, c{"c"};
  auto nest = [](mutex& x, mutex& y) {
    std::lock_guard gx(x);
    std::lock_guard gy(y);
  };
  nest(a, b);
  nest(b, c);
  EXPECT_TRUE(findings().empty());
  nest(c, a);
  const auto found = findings();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "acquiring mutex 'a' while holding 'c' closes a lock-order cycle: c -> a -> b -> c");
  EXPECT_EQ(found[0].locks, (std::vector<std::string>{"c", "a", "b"}));
  EXPECT_EQ(found[0].notes.size(), 1u + 2u + 2u + 1u);

  const detail::report_data data = detail::snapshot_report();
  int in_cycle = 0;
  for (const auto& e : data.edges)
    if ((e.from == "a" && e.to == "b") || (e.from == "b" && e.to == "c") ||
        (e.from == "c" && e.to == "a")) {
      EXPECT_TRUE(e.in_cycle) << e.from << " -> " << e.to;
      ++in_cycle;
    }
  EXPECT_EQ(in_cycle, 3);
}

TEST_F(LockOrderTest, EachCycleIsReportedOnce) {
  mutex a{"a"}, b{"b"};
  for (int i = 0; i < 100; ++i) {
    {
      std::lock_guard x(a);
      std::lock_guard y(b);
    }
    {
      std::lock_guard x(b);
      std::lock_guard y(a);
    }
  }
  EXPECT_EQ(findings().size(), 1u);
}

TEST_F(LockOrderTest, ConsistentOrderIsClean) {
  mutex a{"a"}, b{"b"}, c{"c"};
  for (int i = 0; i < 10; ++i) {
    std::lock_guard x(a);
    std::lock_guard y(b);
    std::lock_guard z(c);
  }
  {
    std::lock_guard x(a);
    std::lock_guard z(c);
  }
  lockgraph::thread t([&] {
    std::lock_guard y(b);
    std::lock_guard z(c);
  });
  t.join();
  EXPECT_TRUE(findings().empty());
}

TEST_F(LockOrderTest, TryLockAddsNoEdge) {
  mutex a{"a"}, b{"b"};
  {
    std::lock_guard x(a);
    ASSERT_TRUE(b.try_lock());
    b.unlock();
  }
  {
    std::lock_guard x(b);
    std::lock_guard y(a);
  }
  EXPECT_TRUE(findings().empty());
}

TEST_F(LockOrderTest, LocksTakenTogetherHaveNoOrder) {
  mutex a{"a"}, b{"b"};
  { std::scoped_lock both(a, b); }
  { std::scoped_lock both(b, a); }
  std::lock(b, a);
  a.unlock();
  b.unlock();
  EXPECT_TRUE(findings().empty());
}

TEST_F(LockOrderTest, EdgesFromEveryHeldLock) {
  mutex a{"a"}, b{"b"}, c{"c"};
  {
    std::lock_guard x(a);
    std::lock_guard y(b);
    std::lock_guard z(c);  // a -> c as well as b -> c
  }
  {
    std::lock_guard z(c);
    std::lock_guard x(a);
  }
  const auto found = findings();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].locks, (std::vector<std::string>{"c", "a"}));
}

TEST_F(LockOrderTest, InstancesOfOneNameAreToldApart) {
  struct account {
    mutex mu{"Account::mu"};
  } x, y;
  auto transfer = [](account& from, account& to) {
    std::lock_guard f(from.mu);
    std::lock_guard t(to.mu);
  };
  transfer(x, y);
  transfer(y, x);
  const auto found = findings();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].locks, (std::vector<std::string>{"Account::mu", "Account::mu"}));
  EXPECT_NE(found[0].message.find("'Account::mu#"), std::string::npos) << found[0].message;
  // One class in the report's graph, with a self-edge.
  const detail::report_data data = detail::snapshot_report();
  bool self_edge = false;
  for (const auto& e : data.edges)
    self_edge = self_edge || (e.from == "Account::mu" && e.to == "Account::mu");
  EXPECT_TRUE(self_edge);
}

TEST_F(LockOrderTest, RecursiveMutexesTakePart) {
  recursive_mutex a{"ra"};
  mutex b{"b"};
  {
    std::lock_guard x(a);
    std::lock_guard y(b);
  }
  {
    std::lock_guard y(b);
    std::lock_guard x(a);
  }
  EXPECT_EQ(findings_of("lock-order-inversion").size(), 1u);
}

// A new mutex at the address of a destroyed one is a new lock: the old
// one's edges do not apply to it.
TEST_F(LockOrderTest, NewMutexAtAReusedAddressIsANewNode) {
  alignas(mutex) unsigned char storage[sizeof(mutex)];
  mutex b{"b"};
  auto* first = new (storage) mutex("reused");
  {
    std::lock_guard x(*first);
    std::lock_guard y(b);  // reused -> b
  }
  first->~mutex();
  auto* second = new (storage) mutex("reused");
  ASSERT_EQ(static_cast<void*>(first), static_cast<void*>(second));
  {
    std::lock_guard y(b);
    std::lock_guard x(*second);  // b -> reused: not a cycle, another lock
  }
  EXPECT_TRUE(findings().empty());

  // The same order with the same (surviving) lock is a cycle.
  {
    std::lock_guard x(*second);
    std::lock_guard y(b);
  }
  EXPECT_EQ(findings().size(), 1u);
  second->~mutex();
}

TEST(LockIdentityTest, GenerationsAreUniquePerCreation) {
  int place = 0;
  detail::lock_node* one = detail::on_lock_created(&place, detail::lock_kind::mutex, "x", {});
  detail::lock_node* two = detail::on_lock_created(&place, detail::lock_kind::mutex, "x", {});
  EXPECT_EQ(one->id.address, two->id.address);
  EXPECT_NE(one->id.generation, two->id.generation);
  detail::on_lock_destroyed(one);
  detail::on_lock_destroyed(two);
}

}  // namespace
}  // namespace lockgraph::testing
