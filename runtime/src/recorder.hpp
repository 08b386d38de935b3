// The recorder: the one place that knows which thread holds which lock, the
// global lock-order graph, and the findings. Primitives (lockgraph::mutex,
// lockgraph::thread) and, later, the LD_PRELOAD interposer call the entry
// points below; nothing here depends on the lockgraph:: types.
//
// Layers (abseil's deadlock detector has the same shape):
//   cycle_graph   generic acyclic graph with opaque ids (Pearce–Kelly)
//   recorder      per-thread held-lock stacks (thread_local), lock nodes,
//                 order edges with witnesses, detectors -> findings
//   primitives    cheap calls into the entry points, then act on a verdict
//   settings      deadlock mode, report path, quiet
//
// Rules the implementation keeps:
//   * Hot paths (acquire/release of an uncontended lock, a nested acquisition
//     whose edge the thread has already seen) touch only thread-local data
//     and the lock's own node, and allocate nothing.
//   * The recorder never re-enters itself: while it works on a thread's
//     behalf (new edge, finding, report) that thread's hooks return at once.
//     It takes only its own std::mutex, never a user-visible lock, and
//     releases it before printing, writing files or aborting.
//   * The wait registry and deadlock detector (waits.cpp) keep their own
//     std::mutex; it may be held while taking the recorder's (thread names,
//     findings), never the other way round. The detector's watchdog thread
//     is invisible to the recorder (mark_internal_thread).
//   * It is usable during static initialisation (state is created on first
//     use) and at exit (the recorder is never destroyed; a thread's state is
//     freed when the thread exits, the main thread's never).
#pragma once

#include "thread_state.hpp"

#include <lockgraph/report.hpp>

#include <atomic>
#include <cstdint>
#include <limits>
#include <source_location>
#include <string>
#include <string_view>
#include <vector>

namespace lockgraph::detail {

struct thread_record;

enum class lock_kind : std::uint8_t { mutex, recursive_mutex, timed_mutex, shared_mutex };

const char* kind_name(lock_kind kind);

// A lock's identity: its address plus a generation, unique over the run, so
// a new lock at the address of a destroyed one is a different lock.
struct lock_id {
  const void* address;
  std::uint64_t generation;
};

// What the recorder knows about one lock instance. Created by
// on_lock_created; primitives keep the pointer and pass it back on every
// call (only the inline fast paths below look inside).
struct lock_node {
  lock_id id;
  std::string name;  // as given; may be empty (then the declaration site names it)
  std::source_location declared;
  // The thread holding it exclusively, null when free or held only shared
  // (readers are known from their own stacks). Written by the owner;
  // read by anyone (relaxed: it is a fact about this lock only).
  std::atomic<thread_record*> owner{nullptr};
  // Dense id in the lock-order graph once the lock is part of an edge, else 0.
  std::atomic<std::uint32_t> graph_index{0};
  // Set when a thread stack may still point at the node after it is
  // destroyed (released by a non-owner, destroyed while held): never freed.
  std::atomic<bool> pinned{false};
  // Last, next to the small fields: the node is 72 bytes, one malloc size
  // class below 80 (docs/performance.md, memory per lock).
  lock_kind kind;
};

// A thread as the recorder knows it. Records live until the process ends
// (findings and lock owners refer to them).
struct thread_record {
  std::string name;  // guarded by the recorder's mutex once published
  std::source_location created;
  // Logical times (see recorder.cpp): when the thread was started (0: it may
  // have existed since the start) and when its function returned.
  std::uint64_t start_tick = 0;
  std::atomic<std::uint64_t> end_tick{std::numeric_limits<std::uint64_t>::max()};
  thread_record* next = nullptr;  // the recorder's list of every record
};

// --- locks -----------------------------------------------------------------

lock_node* on_lock_created(const void* address, lock_kind kind, std::string_view name,
                           std::source_location declared);
void on_lock_destroyed(lock_node* node) noexcept;

enum class acquire_verdict {
  proceed,         // go ahead and block on the lock
  reentrant,       // recursive lock already owned by the caller: no wait, no edge
  deadlock_throw,  // self-deadlock reported; throw resource_deadlock_would_occur
  deadlock_block,  // self-deadlock reported; block as the std type would
};                 // (abort mode does not return)

enum class release_verdict {
  released,       // the caller held it; go ahead and unlock
  not_locked,     // reported: nobody holds it; do not unlock
  held_by_other,  // reported: another thread holds it. A non-recursive lock
                  // is then released on the owner's behalf (its owner is
                  // cleared; the primitive unlocks it, as Python's Lock
                  // allows); a recursive one is left alone.
};

// Out-of-line halves of the entry points below: everything but the common case.
acquire_verdict acquire_begin_slow(lock_node* node, lock_mode mode,
                                   call_site site) LOCKGRAPH_SLOW_PATH;
void acquired_slow(lock_node* node, lock_mode mode, call_site site) noexcept LOCKGRAPH_SLOW_PATH;
release_verdict release_slow(lock_node* node, lock_mode mode, call_site site,
                             bool keeps_holding) LOCKGRAPH_SLOW_PATH;

// Before a blocking acquisition: self-deadlock check, order edges from every
// lock the thread holds. Inline when the thread holds nothing else.
inline acquire_verdict on_acquire_begin(lock_node* node, lock_mode mode, call_site site) {
  thread_state* s = t_state;
  if (LOCKGRAPH_LIKELY(s && !s->in_hook && s->held_size == 0 &&
                       node->owner.load(std::memory_order_relaxed) != s->record))
    return acquire_verdict::proceed;
  return acquire_begin_slow(node, mode, site);
}

// After a blocking acquisition succeeded (first level of a recursive lock).
inline void on_acquired(lock_node* node, lock_mode mode, call_site site) noexcept {
  thread_state* s = t_state;
  if (LOCKGRAPH_LIKELY(s && !s->in_hook && s->held_size < s->held_capacity)) {
    // Field by field: building a temporary and copying it stalls on store
    // forwarding.
    held_lock& h = s->held[s->held_size++];
    h.node = node;
    h.site = site;
    h.mode = mode;
    if (mode == lock_mode::exclusive) node->owner.store(s->record, std::memory_order_relaxed);
    return;
  }
  acquired_slow(node, mode, site);
}

// After a successful try-lock: held, but no order edge (it could not block).
// Also what a condition wait uses to take back the mutex it released.
inline void on_try_acquired(lock_node* node, lock_mode mode, call_site site) noexcept {
  on_acquired(node, mode, site);
}

// Before unlocking. `keeps_holding`: an inner level of a recursive lock, the
// caller still holds it afterwards (ownership is checked, nothing popped).
inline release_verdict on_release(lock_node* node, lock_mode mode, call_site site,
                                  bool keeps_holding = false) {
  thread_state* s = t_state;
  if (LOCKGRAPH_LIKELY(s && !s->in_hook && !keeps_holding && s->held_size != 0 &&
                       mode == lock_mode::exclusive && s->held[s->held_size - 1].node == node &&
                       node->owner.load(std::memory_order_relaxed) == s->record)) {
    node->owner.store(nullptr, std::memory_order_relaxed);
    --s->held_size;
    return release_verdict::released;
  }
  return release_slow(node, mode, site, keeps_holding);
}

// The commonest case in one piece, for primitives to wrap around their
// native lock: a blocking acquisition by a thread that holds no other lock
// (no order edge to add, so nothing but a self-deadlock check) and its
// release. first_acquire_ready() says whether it applies; when it does the
// thread's stack is empty, so push_first() needs no capacity check.
inline bool first_acquire_ready(const thread_state* s, const lock_node* node) {
  return LOCKGRAPH_LIKELY(s && !s->in_hook && s->held_size == 0 &&
                          node->owner.load(std::memory_order_relaxed) != s->record);
}
inline void push_first(thread_state* s, lock_node* node, call_site site, lock_mode mode) {
  held_lock& h = s->held[0];
  h.node = node;
  h.site = site;
  h.mode = mode;
  s->held_size = 1;
  if (mode == lock_mode::exclusive) node->owner.store(s->record, std::memory_order_relaxed);
}

// The next commonest: a blocking acquisition of a plain mutex by a thread
// that holds exactly one other lock, exclusively, and has already recorded
// that order edge. Nothing to add and no self-deadlock possible, so
// on_acquire_begin() may be skipped (it would find the edge in the same
// cache, witness_key()'s plain key). Then on_acquired() as usual.
inline bool known_second_acquire(const thread_state* s, const lock_node* node) {
  if (!(s && !s->in_hook && s->held_size == 1)) return false;
  const held_lock& h = s->held[0];
  if (h.mode != lock_mode::exclusive || h.node == node ||
      h.node->owner.load(std::memory_order_relaxed) != s->record ||
      node->owner.load(std::memory_order_relaxed) == s->record)
    return false;
  const std::uint32_t from = h.node->graph_index.load(std::memory_order_acquire);
  const std::uint32_t to = node->graph_index.load(std::memory_order_acquire);
  return from != 0 && to != 0 && s->known_edges.contains(edge_key(from, to));
}

// The lock's name in findings: its name, or "file:line" of its declaration.
std::string display_name(const lock_node& node);

// For printing a lock: the owner's name, empty when free.
std::string owner_name(const lock_node& node);

// --- findings made outside the recorder ------------------------------------------
// The wait registry (waits.cpp) reports real deadlocks through these.

// Writes the report (and graph) to the configured paths, if any.
void write_configured_report();

// Makes the calling thread invisible to the recorder: its hooks do nothing
// and it never gets a thread record. For the runtime's own threads (the
// deadlock watchdog).
void mark_internal_thread() noexcept;

// --- threads (declared publicly in lockgraph/thread.hpp) ----------------------
// thread_record* on_thread_spawn(std::string_view name, std::source_location where);
// void on_thread_begin(thread_record*) noexcept;
// void on_thread_end(thread_record*) noexcept;
// [[noreturn]] void on_thread_not_joined(thread_record*) noexcept;

// --- reports -----------------------------------------------------------------

struct graph_node_out {
  std::string name;
  std::string kind;
};
struct location_out {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  friend auto operator<=>(const location_out&, const location_out&) = default;
};
struct graph_edge_out {
  std::string from;
  std::string to;
  std::vector<location_out> sites;
  bool in_cycle = false;
};
struct report_data {
  std::vector<finding> findings;  // sorted, fingerprinted
  std::vector<graph_node_out> nodes;
  std::vector<graph_edge_out> edges;
};

// Everything recorded so far, in report order.
report_data snapshot_report();

// Records a finding made by a detector outside the recorder (the race
// detector) and prints it unless quiet or a duplicate. The caller holds no
// internal lock.
void report_finding(finding f);

}  // namespace lockgraph::detail
