// Many threads, many locks, thousands of acquisitions: a consistent global
// order yields no finding and a consistent graph; one inverted pair yields
// exactly one.
#include "test_support.hpp"

#include "recorder.hpp"

#include <array>
#include <cstdio>
#include <latch>
#include <memory>
#include <mutex>
#include <random>

namespace lockgraph::testing {
namespace {

constexpr int thread_count = 12;
constexpr int iterations = 3000;
constexpr int lock_count = 48;

struct guarded {
  mutex mu;
  long value = 0;
  explicit guarded(const std::string& name) : mu(name) {}
};

// C07 in the consistent test, I07 in the inverted one: the report's graph
// groups locks by name, and both tests may run in one process.
std::string lock_name(char prefix, int i) {
  char name[16];
  std::snprintf(name, sizeof name, "%c%02d", prefix, i);
  return name;
}

class StressTest : public RuntimeTest {
 protected:
  void make_locks(char prefix) {
    for (int i = 0; i < lock_count; ++i)
      locks_[i] = std::make_unique<guarded>(lock_name(prefix, i));
  }

  // Locks a random ascending subset of 1..4 locks, updates each value, and
  // unlocks in reverse (sometimes in acquisition order, which is also fine).
  void work(unsigned seed, int slot) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> pick(0, lock_count - 1), size(1, 4);
    std::vector<int> chosen;
    chosen.reserve(4);
    for (int i = 0; i < iterations; ++i) {
      chosen.clear();
      for (int k = size(rng); k > 0; --k) chosen.push_back(pick(rng));
      std::sort(chosen.begin(), chosen.end());
      chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
      const int unique = static_cast<int>(chosen.size());
      for (int k = 0; k < unique; ++k) locks_[chosen[k]]->mu.lock();
      for (int k = 0; k < unique; ++k) ++locks_[chosen[k]]->value;
      if (i % 2)
        for (int k = unique; k-- > 0;) locks_[chosen[k]]->mu.unlock();
      else
        for (int k = 0; k < unique; ++k) locks_[chosen[k]]->mu.unlock();
      updates_[slot] += unique;
    }
  }

  long total() const {
    long sum = 0;
    for (const auto& l : locks_) sum += l->value;
    return sum;
  }

  std::array<std::unique_ptr<guarded>, lock_count> locks_;
  std::array<long, thread_count> updates_{};
};

TEST_F(StressTest, ConsistentOrderHasNoFindings) {
  make_locks('C');
  std::vector<lockgraph::thread> threads;
  for (int t = 0; t < thread_count; ++t) threads.emplace_back([this, t] { work(t, t); });
  for (auto& t : threads) t.join();

  long expected = 0;
  for (long u : updates_) expected += u;
  EXPECT_EQ(total(), expected) << "an update was lost";
  EXPECT_TRUE(findings().empty());

  // Every recorded edge goes up in the global order, and nothing was torn.
  const detail::report_data data = detail::snapshot_report();
  int edges = 0;
  for (const auto& e : data.edges) {
    if (e.from.size() != 3 || e.from[0] != 'C') continue;  // locks of other tests
    ++edges;
    EXPECT_LT(e.from, e.to);
    EXPECT_FALSE(e.in_cycle);
    EXPECT_FALSE(e.sites.empty());
  }
  EXPECT_GT(edges, lock_count);
}

TEST_F(StressTest, OneInvertedPairIsReportedExactlyOnce) {
  make_locks('I');
  // The inversion happens while every other thread waits between its two
  // rounds of work, so it is recorded but cannot deadlock.
  std::latch warmed_up(thread_count), inverted(1);
  std::vector<lockgraph::thread> threads;
  for (int t = 0; t < thread_count; ++t)
    threads.emplace_back("worker-" + std::to_string(t), [this, t, &warmed_up, &inverted] {
      work(100 + t, t);
      if (t == 0) {  // make sure the forward order is known
        std::lock_guard low(locks_[5]->mu);
        std::lock_guard high(locks_[40]->mu);
      }
      warmed_up.arrive_and_wait();
      if (t == thread_count - 1) {
        std::lock_guard high(locks_[40]->mu);
        std::lock_guard low(locks_[5]->mu);
        inverted.count_down();
      }
      inverted.wait();
      work(200 + t, t);
    });
  for (auto& t : threads) t.join();

  const auto found = findings();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].check, "lock-order-inversion");
  EXPECT_EQ(found[0].locks.front(), "I40");
  EXPECT_EQ(found[0].locks.back(), "I05");
  EXPECT_EQ(found[0].severity, "error") << "the threads ran at the same time";
}

}  // namespace
}  // namespace lockgraph::testing
