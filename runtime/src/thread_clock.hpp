// Each thread's vector clock for the happens-before order (happens_before.cpp
// keeps them; the race detector reads them). The thread hooks call the
// functions below: a spawner's clock is copied into the new thread, and a
// joiner takes the finished thread's clock.
//
// Thread ids are dense and reused: a joiner keeps the ids of the threads it
// joined and gives them to the threads it starts next, with their clocks
// continuing from where the joined thread's stopped. That is sound because
// the new thread inherits the joiner's clock, which already covers the old
// thread's last time; it keeps clocks as long as the number of threads alive
// at once, not the number ever started.
#pragma once

#include "thread_state.hpp"
#include "vector_clock.hpp"

#include <cstdint>
#include <vector>

namespace lockgraph::detail {

struct thread_record;
struct race_cache;

struct thread_clock {
  thread_clock() = default;
  thread_clock(const thread_clock&) = delete;
  thread_clock& operator=(const thread_clock&) = delete;
  ~thread_clock();

  tid_t tid = 0;
  vector_clock clock;  // clock.get(tid) is the thread's own time
  // (tid, own time, 00) packed, for the race detector's fast path; 0 when
  // the tid or the time do not fit.
  std::uint64_t epoch_key = 0;
  // Ids of threads this thread joined, free for the threads it starts.
  std::vector<tid_t> free_tids;
  // The race detector's per-thread memo of accesses already recorded in
  // this epoch (race_detector.cpp); created on the first slow-path access.
  race_cache* cache = nullptr;

  clock_value now() const { return clock.get(tid); }
  epoch current_epoch() const { return {tid, now()}; }
  void refresh_key();
  // Own time + 1, after this thread's earlier actions were published.
  void advance() {
    clock.tick(tid);
    refresh_key();
  }
};

// Packing of the epoch key: tid in the top 22 bits, time in the next 40,
// two bits left free at the bottom.
inline constexpr unsigned epoch_key_tid_bits = 22;
inline constexpr unsigned epoch_key_clock_bits = 40;
inline constexpr std::uint64_t epoch_key_flags = 3;

inline std::uint64_t pack_epoch_key(tid_t tid, clock_value clock) {
  if (tid >= (std::uint64_t{1} << epoch_key_tid_bits) ||
      clock >= (std::uint64_t{1} << epoch_key_clock_bits))
    return 0;
  return (std::uint64_t{tid} << (epoch_key_clock_bits + 2)) | (clock << 2);
}

inline void thread_clock::refresh_key() { epoch_key = pack_epoch_key(tid, now()); }

// The calling thread's clock; null until the thread's first use.
extern __thread thread_clock* t_clock LOCKGRAPH_TLS_MODEL;

// The calling thread's clock, created on first use for threads that
// lockgraph::thread did not start (the main thread, std::thread, pthreads):
// they start with no edge from anyone.
thread_clock* clock_of_current_thread();

// In the spawner, before the new thread runs: its clock starts as a copy of
// the spawner's, and the spawner's own time advances.
void hb_thread_spawned(thread_record* child);

// In the new thread, first thing: adopts the clock made at spawn.
void hb_thread_started(thread_record* self);

}  // namespace lockgraph::detail
