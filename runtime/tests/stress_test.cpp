// Many threads, many locks, thousands of acquisitions: locks taken in a
// random but consistent global order yield no finding and exactly the graph
// the threads made (no lost or torn records); one inverted pair yields
// exactly one finding.
#include "test_support.hpp"

#include "recorder.hpp"

#include <algorithm>
#include <cstdio>
#include <latch>
#include <memory>
#include <mutex>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <utility>

namespace lockgraph::testing {
namespace {

constexpr int thread_count = 16;

struct guarded {
  mutex mu;
  long value = 0;
  explicit guarded(const std::string& name) : mu(name) {}
};

// C0007 in one test, I0007 in another: the report's graph groups locks by
// name, and every test runs in one process.
std::string lock_name(char prefix, int i) {
  char name[16];
  std::snprintf(name, sizeof name, "%c%04d", prefix, i);
  return name;
}

using edge = std::pair<int, int>;  // lock indexes: `second` taken holding `first`

class StressTest : public RuntimeTest {
 protected:
  // `count` locks whose global order (rank) is a random permutation of their
  // creation order, so that the cycle detector has to reorder its nodes.
  void make_locks(char prefix, int count, unsigned seed) {
    prefix_ = prefix;
    locks_.clear();
    for (int i = 0; i < count; ++i)
      locks_.push_back(std::make_unique<guarded>(lock_name(prefix, i)));
    rank_.resize(count);
    std::iota(rank_.begin(), rank_.end(), 0);
    std::shuffle(rank_.begin(), rank_.end(), std::mt19937(seed));
    updates_.assign(thread_count, 0);
    made_.assign(thread_count, {});
  }

  int by_rank(int rank) const {
    return static_cast<int>(std::find(rank_.begin(), rank_.end(), rank) - rank_.begin());
  }

  // Locks a random subset of 1..4 locks in rank order, updates each value,
  // and unlocks in reverse (every other round in acquisition order, which is
  // also fine). Remembers every order edge it makes.
  void work(unsigned seed, int slot, int iterations) {
    const int count = static_cast<int>(locks_.size());
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> pick(0, count - 1), size(1, 4);
    std::vector<int> chosen;
    chosen.reserve(4);
    for (int i = 0; i < iterations; ++i) {
      chosen.clear();
      for (int k = size(rng); k > 0; --k) chosen.push_back(pick(rng));
      std::sort(chosen.begin(), chosen.end(), [&](int x, int y) { return rank_[x] < rank_[y]; });
      chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
      const int unique = static_cast<int>(chosen.size());
      for (int k = 0; k < unique; ++k) {
        locks_[chosen[k]]->mu.lock();
        for (int h = 0; h < k; ++h) made_[slot].emplace(chosen[h], chosen[k]);
      }
      for (int k = 0; k < unique; ++k) ++locks_[chosen[k]]->value;
      if (i % 2)
        for (int k = unique; k-- > 0;) locks_[chosen[k]]->mu.unlock();
      else
        for (int k = 0; k < unique; ++k) locks_[chosen[k]]->mu.unlock();
      updates_[slot] += unique;
    }
  }

  void run_consistent(int iterations) {
    std::vector<lockgraph::thread> threads;
    for (int t = 0; t < thread_count; ++t)
      threads.emplace_back([this, t, iterations] { work(t, t, iterations); });
    for (auto& t : threads) t.join();
  }

  long total() const {
    long sum = 0;
    for (const auto& l : locks_) sum += l->value;
    return sum;
  }

  // Every update was made under its lock, every lock is free again, and the
  // report's graph of this test's locks is exactly the edges the threads
  // made, each going up in the global order.
  void expect_consistent_records() {
    long expected = 0;
    for (long u : updates_) expected += u;
    EXPECT_EQ(total(), expected) << "an update was lost";
    for (const auto& l : locks_) {
      std::ostringstream repr;
      repr << l->mu;
      EXPECT_EQ(repr.str(), "<unlocked lockgraph::mutex \"" + l->mu.name() + "\">");
    }

    std::set<std::pair<std::string, std::string>> made;
    for (const auto& edges : made_)
      for (const auto& [from, to] : edges)
        made.emplace(locks_[from]->mu.name(), locks_[to]->mu.name());
    std::set<std::pair<std::string, std::string>> recorded;
    const detail::report_data data = detail::snapshot_report();
    auto ours = [&](const std::string& name) { return name.size() == 5 && name[0] == prefix_; };
    for (const auto& e : data.edges) {
      if (!ours(e.from) && !ours(e.to)) continue;  // locks of other tests
      ASSERT_TRUE(ours(e.from) && ours(e.to)) << e.from << " -> " << e.to;
      EXPECT_TRUE(recorded.emplace(e.from, e.to).second) << "twice: " << e.from << " -> " << e.to;
      EXPECT_LT(rank_[std::stoi(e.from.substr(1))], rank_[std::stoi(e.to.substr(1))]);
      EXPECT_FALSE(e.in_cycle);
      EXPECT_FALSE(e.sites.empty());
    }
    EXPECT_EQ(recorded.size(), made.size());
    EXPECT_TRUE(recorded == made) << "an order edge was lost or made up";
    std::set<std::string> nodes;
    for (const auto& [from, to] : made) nodes.insert({from, to});
    for (const auto& n : data.nodes)
      if (ours(n.name)) {
        EXPECT_EQ(n.kind, "mutex");
        EXPECT_EQ(nodes.erase(n.name), 1u) << n.name;
      }
    EXPECT_TRUE(nodes.empty()) << "a lock of an edge is not a node";
  }

  char prefix_ = '?';
  std::vector<std::unique_ptr<guarded>> locks_;
  std::vector<int> rank_;             // lock index -> place in the global order
  std::vector<long> updates_;         // per thread
  std::vector<std::set<edge>> made_;  // per thread
};

// 16 threads on 48 locks: heavy contention (many real waits), thousands of
// acquisitions per thread, every pair of locks nested many times.
TEST_F(StressTest, ConsistentOrderHasNoFindings) {
  make_locks('C', 48, 1);
  run_consistent(3000);
  EXPECT_TRUE(findings().empty());
  expect_consistent_records();
}

// 16 threads on 2,000 locks: tens of thousands of distinct edges, nearly all
// new, so most acquisitions take the recorder's global path at once.
TEST_F(StressTest, ConsistentOrderOverThousandsOfLocksHasNoFindings) {
  make_locks('M', 2000, 2);
  run_consistent(2000);
  EXPECT_TRUE(findings().empty());
  expect_consistent_records();
}

TEST_F(StressTest, OneInvertedPairIsReportedExactlyOnce) {
  make_locks('I', 48, 3);
  const int low = by_rank(5), high = by_rank(40);
  // The inversion happens while every other thread waits between its two
  // rounds of work, so it is recorded but cannot deadlock.
  std::latch warmed_up(thread_count), inverted(1);
  std::vector<lockgraph::thread> threads;
  for (int t = 0; t < thread_count; ++t)
    threads.emplace_back("worker-" + std::to_string(t), [&, t] {
      work(100 + t, t, 3000);
      if (t == 0) {  // make sure the forward order is known
        std::lock_guard first(locks_[low]->mu);
        std::lock_guard second(locks_[high]->mu);
      }
      warmed_up.arrive_and_wait();
      if (t == thread_count - 1) {
        std::lock_guard first(locks_[high]->mu);
        std::lock_guard second(locks_[low]->mu);
        inverted.count_down();
      }
      inverted.wait();
      work(200 + t, t, 3000);
    });
  for (auto& t : threads) t.join();

  const auto found = findings();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].check, "lock-order-inversion");
  EXPECT_EQ(found[0].locks.front(), lock_name('I', high));
  EXPECT_EQ(found[0].locks.back(), lock_name('I', low));
  EXPECT_EQ(found[0].severity, "error") << "the threads ran at the same time";
}

}  // namespace
}  // namespace lockgraph::testing
