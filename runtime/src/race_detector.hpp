// The race detector behind lockgraph::shared<T>: per-variable state and the
// rules that decide when two accesses race. Entry points are declared in
// lockgraph/shared.hpp; this header is for the implementation and white-box
// tests.
//
// Per variable (race_var):
//   * Eraser's state (virgin, exclusive, shared, shared-modified) and
//     candidate lockset C(v), the intersection of the locksets of the
//     accesses since the variable stopped having a single owner; C(v) not
//     empty means every such pair holds a common lock and nothing is checked
//     pair by pair;
//   * the recent accesses (epoch, read/write, site, thread, lockset) that no
//     later access has made redundant: an earlier access is dropped once a
//     later one is ordered after it, holds no more locks and is at least as
//     strong (a write replaces a read), because anything racing with the
//     earlier one then races with the later one. One read and one write per
//     thread in practice, at most max_accesses;
//   * a unique id, for the per-thread fast path: each thread remembers, in
//     a small direct-mapped cache hung off its clock, the variables it has
//     accessed in its current epoch, the access kinds recorded and the one
//     lock (or none) they held. An access matching a slot (same epoch, a
//     kind recorded, that lock still held) would be redundant and records
//     nothing; it does not move the state machine either, so a handed-over
//     variable returns to `exclusive` at its new owner's first new-epoch
//     access.
// Two accesses race when neither's epoch is covered by the other's clock
// (happens-before), they hold no lock in common (locksets), and one writes.
#pragma once

#include "vector_clock.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <source_location>
#include <string>
#include <vector>

namespace lockgraph::detail {

struct lock_node;
struct thread_record;

enum class race_state : std::uint8_t { virgin, exclusive, shared, shared_modified };

const char* state_name(race_state state);

struct access_record {
  epoch when;
  bool write = false;
  std::source_location site;
  thread_record* thread = nullptr;
  std::vector<lock_node*> locks;  // sorted; nodes are pinned (never freed)
};

struct race_var {
  static constexpr std::size_t max_accesses = 32;

  std::uint64_t id = 0;  // unique over the run; fixed at creation

  std::mutex mu;  // guards what follows
  race_state state = race_state::virgin;
  tid_t owner = 0;
  std::vector<lock_node*> candidates;  // C(v), sorted; meaningful in shared states
  std::vector<access_record> accesses;
  std::vector<std::string> reported;  // keys of the pairs already reported

  std::string name;  // may be empty: then the declaration site names it
  std::source_location declared;
};

// One thread's memo of redundant accesses: slot i holds a variable whose
// id is i modulo the size.
struct race_cache {
  struct slot {
    std::uint64_t var_id = 0;  // 0: empty
    std::uint64_t epoch_key = 0;
    lock_node* lock = nullptr;  // the lock the recorded access held, or none
    std::uint8_t kinds = 0;     // 1: a read is covered, 2: a write is covered
  };
  static constexpr std::size_t size = 64;
  slot slots[size];
};

// For tests: the variable's state and how many accesses it keeps.
race_state state_of(race_var* var);
std::size_t recorded_accesses(race_var* var);

}  // namespace lockgraph::detail
