// Vector clocks, epochs and the happens-before edges of thread start, join
// and hb_release/hb_acquire.
#include "happens_before.hpp"
#include "thread_clock.hpp"
#include "vector_clock.hpp"

#include <lockgraph/lockgraph.hpp>

#include <gtest/gtest.h>

#include <atomic>

namespace lockgraph::detail {
namespace {

TEST(VectorClockTest, MissingEntriesAreZero) {
  vector_clock c;
  EXPECT_EQ(c.get(0), 0u);
  EXPECT_EQ(c.get(1000), 0u);
  EXPECT_EQ(c.size(), 0u);
}

TEST(VectorClockTest, SetAndTickGrowOnlyAsFarAsNeeded) {
  vector_clock c;
  c.set(3, 7);
  EXPECT_EQ(c.size(), 4u);
  EXPECT_EQ(c.get(3), 7u);
  EXPECT_EQ(c.get(2), 0u);
  EXPECT_EQ(c.tick(3), 8u);
  EXPECT_EQ(c.tick(5), 1u);
  EXPECT_EQ(c.size(), 6u);
}

TEST(VectorClockTest, JoinIsThePointwiseMaximum) {
  vector_clock a, b;
  a.set(0, 5);
  a.set(1, 1);
  b.set(1, 4);
  b.set(2, 2);
  a.join(b);
  EXPECT_EQ(a.get(0), 5u);
  EXPECT_EQ(a.get(1), 4u);
  EXPECT_EQ(a.get(2), 2u);
  EXPECT_EQ(b.get(0), 0u);  // the argument is unchanged
  EXPECT_TRUE(b.leq(a));
  EXPECT_FALSE(a.leq(b));
}

TEST(VectorClockTest, LeqIsAPartialOrder) {
  vector_clock a, b;
  a.set(0, 1);
  b.set(1, 1);
  EXPECT_FALSE(a.leq(b));  // concurrent
  EXPECT_FALSE(b.leq(a));
  EXPECT_TRUE(a.leq(a));
  vector_clock empty;
  EXPECT_TRUE(empty.leq(a));
}

TEST(VectorClockTest, CoversAnEpochUpToItsEntry) {
  vector_clock c;
  c.set(2, 10);
  EXPECT_TRUE(c.covers({2, 10}));
  EXPECT_TRUE(c.covers({2, 1}));
  EXPECT_FALSE(c.covers({2, 11}));
  EXPECT_FALSE(c.covers({7, 1}));
}

TEST(EpochKeyTest, PacksTidAndClockAndRefusesWhatDoesNotFit) {
  EXPECT_NE(pack_epoch_key(0, 1), 0u);
  EXPECT_NE(pack_epoch_key(1, 1), pack_epoch_key(0, 1));
  EXPECT_NE(pack_epoch_key(1, 2), pack_epoch_key(1, 1));
  EXPECT_EQ(pack_epoch_key(1, 2) & epoch_key_flags, 0u);
  EXPECT_EQ(pack_epoch_key(tid_t{1} << epoch_key_tid_bits, 1), 0u);
  EXPECT_EQ(pack_epoch_key(1, clock_value{1} << epoch_key_clock_bits), 0u);
}

TEST(HappensBeforeTest, StartCopiesTheSpawnersClockAndJoinTakesTheThreads) {
  thread_clock* self = clock_of_current_thread();
  const epoch before_start = self->current_epoch();
  epoch in_child{};
  bool child_saw_spawner = false;
  lockgraph::thread t([&] {
    thread_clock* c = clock_of_current_thread();
    in_child = c->current_epoch();
    child_saw_spawner = c->clock.covers(before_start);
  });
  // The spawner moved on: what it does now is not ordered before the child.
  EXPECT_GT(self->now(), before_start.clock);
  t.join();
  EXPECT_TRUE(child_saw_spawner);
  EXPECT_NE(in_child.tid, before_start.tid);
  EXPECT_TRUE(self->clock.covers(in_child));
}

TEST(HappensBeforeTest, WithoutJoinTheThreadsTimeIsNotCovered) {
  std::atomic<bool> done{false};
  epoch in_child{};
  lockgraph::thread t([&] {
    in_child = clock_of_current_thread()->current_epoch();
    done.store(true);
  });
  while (!done.load()) std::this_thread::yield();
  // Finished, but not joined: no edge yet.
  EXPECT_FALSE(clock_of_current_thread()->clock.covers(in_child));
  t.join();
  EXPECT_TRUE(clock_of_current_thread()->clock.covers(in_child));
}

TEST(HappensBeforeTest, ReleaseThenAcquireOrdersAndTheReleaserMovesOn) {
  int token = 0;
  epoch released{};
  epoch after_release{};
  std::atomic<bool> ready{false};
  lockgraph::thread producer([&] {
    thread_clock* c = clock_of_current_thread();
    released = c->current_epoch();
    hb_release(&token);
    after_release = c->current_epoch();
    ready.store(true);
  });
  while (!ready.load()) std::this_thread::yield();
  thread_clock* self = clock_of_current_thread();
  EXPECT_FALSE(self->clock.covers(released));
  hb_acquire(&token);
  EXPECT_TRUE(self->clock.covers(released));
  EXPECT_FALSE(self->clock.covers(after_release));
  producer.join();
  hb_forget(&token);
}

TEST(HappensBeforeTest, AcquiringAnUnknownObjectOrdersNothing) {
  int never_released = 0;
  thread_clock* self = clock_of_current_thread();
  const vector_clock before = self->clock;
  hb_acquire(&never_released);
  EXPECT_TRUE(self->clock.leq(before));
  EXPECT_TRUE(before.leq(self->clock));
}

TEST(HappensBeforeTest, JoinedThreadIdsAreReusedSoClocksStaySmall) {
  thread_clock* self = clock_of_current_thread();
  lockgraph::thread first([] {});
  first.join();
  const std::size_t size = self->clock.size();
  epoch last{};
  for (int i = 0; i < 50; ++i) {
    lockgraph::thread t([&] { last = clock_of_current_thread()->current_epoch(); });
    t.join();
  }
  EXPECT_LE(self->clock.size(), size + 1);
  // A reused id continues its clock, so the joiner covers the latest user.
  EXPECT_TRUE(self->clock.covers(last));
}

}  // namespace
}  // namespace lockgraph::detail
