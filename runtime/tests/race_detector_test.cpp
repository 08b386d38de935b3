// lockgraph::shared<T> and the data-race check: races that must be found
// whatever the interleaving, orderings and locksets that must keep quiet,
// the report's content, and the detector's state machine.
#include "happens_before.hpp"
#include "race_detector.hpp"
#include "test_support.hpp"

#include <atomic>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

namespace lockgraph::testing {
namespace {

using RaceTest = RuntimeTest;

// Runs the functions on named threads that are all started before any is
// joined, so nothing orders their accesses.
void run_unordered(std::vector<std::pair<std::string, std::function<void()>>> jobs) {
  std::vector<lockgraph::thread> threads;
  for (auto& [name, job] : jobs) threads.emplace_back(lockgraph::thread_options{name}, job);
  for (lockgraph::thread& t : threads) t.join();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// --- races ---------------------------------------------------------------------

TEST_F(RaceTest, TwoThreadsIncrementingWithoutALock) {
  shared<int> counter{"counter", 0};
  auto work = [&] {
    for (int i = 0; i < 100; ++i) counter += 1;  // LINE_INCREMENT
  };
  const unsigned line = __LINE__ - 2;
  run_unordered({{"a", work}, {"b", work}});

  const auto races = findings_of("data-race");
  ASSERT_EQ(races.size(), 1u) << "one finding per pair of sites, however many accesses";
  const finding& f = races[0];
  EXPECT_EQ(f.severity, "error");
  EXPECT_EQ(base_name(f.file), "race_detector_test.cpp");
  EXPECT_EQ(f.line, line);
  EXPECT_EQ(f.message,
            "data race on 'counter': a write and a read by threads 'a' and 'b' are not ordered "
            "and hold no lock in common");
  EXPECT_TRUE(f.locks.empty());
  EXPECT_EQ(f.threads, (std::vector<std::string>{"a", "b"}));
  ASSERT_GE(f.notes.size(), 1u);
  EXPECT_EQ(f.notes[0].line, line);
  EXPECT_TRUE(contains(f.notes[0].message, "conflicting read by thread '"));
  EXPECT_TRUE(contains(f.notes[0].message, "' here, holding no lock"));
  EXPECT_EQ(f.fingerprint.size(), 16u);
}

TEST_F(RaceTest, WrittenUnderALockReadWithout) {
  lockgraph::mutex m{"m"};
  shared<int> value{"value", 0};
  unsigned write_line = 0, read_line = 0;
  run_unordered({{"writer",
                  [&] {
                    std::lock_guard g(m);
                    write_line = __LINE__ + 1;
                    value = 42;
                  }},
                 {"reader", [&] {
                    read_line = __LINE__ + 1;
                    (void)value.load();
                  }}});

  const auto races = findings_of("data-race");
  ASSERT_EQ(races.size(), 1u);
  const finding& f = races[0];
  EXPECT_EQ(f.line, write_line) << "the finding points at the write";
  EXPECT_EQ(f.locks, (std::vector<std::string>{"m"}));
  EXPECT_EQ(f.threads, (std::vector<std::string>{"reader", "writer"}));
  ASSERT_GE(f.notes.size(), 1u);
  EXPECT_EQ(f.notes[0].line, read_line);
  EXPECT_EQ(f.notes[0].message,
            "conflicting read by thread 'reader' here, holding no lock; the write by thread "
            "'writer' is holding 'm'");
}

TEST_F(RaceTest, DifferentLocksHaveAnEmptyIntersection) {
  lockgraph::mutex a{"a"}, b{"b"};
  shared<int> value{"value", 0};
  run_unordered({{"t1",
                  [&] {
                    std::lock_guard g(a);
                    value = 1;
                  }},
                 {"t2", [&] {
                    std::lock_guard g(b);
                    value = 2;
                  }}});

  const auto races = findings_of("data-race");
  ASSERT_EQ(races.size(), 1u);
  const finding& f = races[0];
  EXPECT_TRUE(contains(f.message, "writes by threads 't1' and 't2'"));
  EXPECT_EQ(f.locks, (std::vector<std::string>{"a", "b"}));
  ASSERT_GE(f.notes.size(), 1u);
  EXPECT_TRUE(contains(f.notes[0].message, "conflicting write by thread 't"));
  EXPECT_TRUE(contains(f.notes[0].message, "is holding '"));
}

TEST_F(RaceTest, ThreadsThatNeverOverlapStillRaceWithoutAnEdge) {
  // The first thread has finished before the second starts, but nothing
  // orders them (no join in between): the detector does not rely on timing.
  shared<int> value{"value", 0};
  std::atomic<bool> done{false};
  lockgraph::thread first("first", [&] {
    value = 1;
    done.store(true);
  });
  while (!done.load()) std::this_thread::yield();
  lockgraph::thread second("second", [&] { value = 2; });
  second.join();
  first.join();
  EXPECT_EQ(findings_of("data-race").size(), 1u);
}

TEST_F(RaceTest, BalancePlusAmountIsAReadThenAWrite) {
  shared<int> balance{"balance", 100};
  auto update = [&](int amount) { balance = balance + amount; };
  run_unordered({{"deposit", [&] { update(150); }}, {"withdraw", [&] { update(-150); }}});
  const auto races = findings_of("data-race");
  ASSERT_EQ(races.size(), 1u);
  EXPECT_TRUE(contains(races[0].message, "a write and a read"));
}

TEST_F(RaceTest, ReadWithoutALocationSaysSo) {
  shared<int> value{"value", 0};
  run_unordered({{"writer", [&] { value = 1; }},
                 {"reader", [&] { (void)static_cast<int>(value); }}});
  const auto races = findings_of("data-race");
  ASSERT_EQ(races.size(), 1u);
  ASSERT_GE(races[0].notes.size(), 1u);
  EXPECT_EQ(races[0].notes[0].line, 0u);
  EXPECT_TRUE(contains(races[0].notes[0].message, "line unknown"));
}

TEST_F(RaceTest, WithoutTheAcquireAHandOverRaces) {
  // The counterpart of HandedOverThroughReleaseAndAcquire: the flag really
  // orders the threads, but the runtime cannot see a std::atomic.
  shared<int> value{"value", 0};
  std::atomic<bool> ready{false};
  lockgraph::thread producer("producer", [&] {
    value = 1;
    ready.store(true, std::memory_order_release);
  });
  lockgraph::thread consumer("consumer", [&] {
    while (!ready.load(std::memory_order_acquire)) std::this_thread::yield();
    value = value + 1;
  });
  producer.join();
  consumer.join();
  // `value = value + 1` reads and writes at one line: one pair of sites.
  const auto races = findings_of("data-race");
  ASSERT_EQ(races.size(), 1u);
  EXPECT_TRUE(contains(races[0].message, "a write and a read by threads 'consumer' and 'producer'"));
}

// --- no races ------------------------------------------------------------------

TEST_F(RaceTest, SetUpBeforeStartAndReadAfterJoin) {
  shared<std::vector<int>> data{"data", {}};
  data.write([](auto& v) { v.assign(10, 1); });
  lockgraph::thread t("worker", [&] { data.write([](auto& v) { v.push_back(2); }); });
  t.join();
  EXPECT_EQ(data.read([](const auto& v) { return v.size(); }), 11u);
  data = std::vector<int>{};
  EXPECT_TRUE(findings().empty());
}

TEST_F(RaceTest, EveryAccessUnderOneCommonLock) {
  lockgraph::mutex m{"m"}, other{"other"};
  shared<int> counter{"counter", 0};
  run_unordered({{"a",
                  [&] {
                    for (int i = 0; i < 100; ++i) {
                      std::lock_guard g(m);
                      ++counter;
                    }
                  }},
                 {"b", [&] {
                    for (int i = 0; i < 100; ++i) {
                      std::scoped_lock g(other, m);  // m plus another lock
                      counter -= 1;
                      counter += 2;
                    }
                  }}});
  EXPECT_TRUE(findings().empty());
  std::lock_guard g(m);
  EXPECT_EQ(counter.load(), 200);
}

TEST_F(RaceTest, HandedOverThroughReleaseAndAcquire) {
  // What a queue put/get does, by hand: the producer releases the token
  // after writing, the consumer acquires it before reading.
  shared<int> value{"value", 0};
  int token = 0;
  std::atomic<bool> ready{false};
  lockgraph::thread producer("producer", [&] {
    value = 1;
    detail::hb_release(&token);
    ready.store(true, std::memory_order_release);
  });
  lockgraph::thread consumer("consumer", [&] {
    while (!ready.load(std::memory_order_acquire)) std::this_thread::yield();
    detail::hb_acquire(&token);
    value = value + 1;
  });
  producer.join();
  consumer.join();
  detail::hb_forget(&token);
  EXPECT_TRUE(findings().empty());
  EXPECT_EQ(value.load(), 2);
}

TEST_F(RaceTest, SingleThreadOnly) {
  shared<int> value{"value", 0};
  lockgraph::mutex m{"m"};
  for (int i = 0; i < 1000; ++i) {
    value += 1;
    if (i % 2) {
      std::lock_guard g(m);
      value = value * 1;
    }
  }
  EXPECT_EQ(value.load(), 1000);
  EXPECT_TRUE(findings().empty());
}

TEST_F(RaceTest, ReadOnlySharingAfterInitialisation) {
  shared<std::map<int, int>> table{"table", {}};
  table.write([](auto& t) {
    for (int i = 0; i < 10; ++i) t[i] = i * i;
  });
  std::atomic<int> sum{0};
  auto reader = [&] {
    for (int i = 0; i < 10; ++i) sum += table.read([&](const auto& t) { return t.at(i); });
  };
  run_unordered({{"r1", reader}, {"r2", reader}, {"r3", reader}});
  EXPECT_EQ(sum.load(), 3 * 285);
  EXPECT_TRUE(findings().empty());
}

TEST_F(RaceTest, OwnershipPassesFromThreadToThreadAlongJoins) {
  shared<int> value{"value", 0};
  for (int i = 0; i < 5; ++i) {
    lockgraph::thread t([&] { value += 1; });
    t.join();
  }
  EXPECT_EQ(value.load(), 5);
  EXPECT_TRUE(findings().empty());
}

// --- the API ---------------------------------------------------------------------

TEST_F(RaceTest, OperatorsAndPrinting) {
  shared<int> x{"x", 3};
  x += 2;
  ++x;
  EXPECT_EQ(x++, 6);
  --x;
  x *= 2;
  EXPECT_TRUE(x == 12);
  EXPECT_TRUE(13 > x);
  EXPECT_EQ(x - 2, 10);
  EXPECT_EQ(-x, -12);
  x.set(5);
  EXPECT_EQ(x.get(), 5);
  x.store(7);
  EXPECT_EQ(static_cast<int>(x), 7);
  std::ostringstream out;
  out << x;
  EXPECT_EQ(out.str(), "<lockgraph::shared \"x\" value=7>");
  EXPECT_EQ(x.name(), "x");

  struct opaque {};
  shared<opaque> o{};
  std::ostringstream out2;
  out2 << o;
  EXPECT_TRUE(contains(out2.str(), "race_detector_test.cpp:"));
  EXPECT_FALSE(contains(out2.str(), "value="));
  EXPECT_TRUE(findings().empty());
}

// --- the state machine (white box) -------------------------------------------------

TEST_F(RaceTest, StatesFollowEraserWithOwnershipAlongHappensBefore) {
  using detail::race_state;
  detail::race_var* v = detail::on_shared_created("v", std::source_location::current());
  EXPECT_EQ(detail::state_of(v), race_state::virgin);
  detail::on_shared_write(v, std::source_location::current());
  EXPECT_EQ(detail::state_of(v), race_state::exclusive);
  // Repeated accesses in one epoch add nothing.
  for (int i = 0; i < 10; ++i) {
    detail::on_shared_read(v, std::source_location::current());
    detail::on_shared_write(v, std::source_location::current());
  }
  EXPECT_EQ(detail::recorded_accesses(v), 1u);

  // A thread started after the writes reads: ordered, so it owns it now.
  lockgraph::thread t1([&] { detail::on_shared_read(v, std::source_location::current()); });
  t1.join();
  EXPECT_EQ(detail::state_of(v), race_state::exclusive);

  // Two readers not ordered with each other: shared, nothing reported.
  std::atomic<int> arrived{0};
  auto reader = [&] {
    detail::on_shared_read(v, std::source_location::current());
    ++arrived;
  };
  lockgraph::thread r1(reader), r2(reader);
  while (arrived.load() < 2) std::this_thread::yield();
  EXPECT_EQ(detail::state_of(v), race_state::shared);
  // A write by main, which has not joined them yet: shared-modified.
  detail::on_shared_write(v, std::source_location::current());
  EXPECT_EQ(detail::state_of(v), race_state::shared_modified);
  r1.join();
  r2.join();
  EXPECT_EQ(findings_of("data-race").size(), 1u);
  // After the joins the next access is ordered after everything: exclusive.
  // (Main is still in the epoch of its last write, which stands for another
  // write, so that one would record nothing; a release starts a new epoch.)
  int token = 0;
  detail::hb_release(&token);
  detail::hb_forget(&token);
  detail::on_shared_write(v, std::source_location::current());
  EXPECT_EQ(detail::state_of(v), race_state::exclusive);
  EXPECT_EQ(detail::recorded_accesses(v), 1u);
  detail::on_shared_destroyed(v);
}

TEST_F(RaceTest, RecordedAccessesStayBounded) {
  detail::race_var* v = detail::on_shared_created("v", std::source_location::current());
  std::vector<lockgraph::thread> readers;
  std::atomic<int> arrived{0};
  for (int i = 0; i < 40; ++i)
    readers.emplace_back([&] {
      detail::on_shared_read(v, std::source_location::current());
      ++arrived;
    });
  while (arrived.load() < 40) std::this_thread::yield();
  EXPECT_LE(detail::recorded_accesses(v), detail::race_var::max_accesses);
  for (lockgraph::thread& t : readers) t.join();
  detail::on_shared_destroyed(v);
  EXPECT_TRUE(findings().empty());
}

}  // namespace
}  // namespace lockgraph::testing
