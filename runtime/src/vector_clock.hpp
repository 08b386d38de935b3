// Vector clocks and epochs: the happens-before order between threads that
// the race detector on shared<T> checks accesses against.
//
// Each thread has a dense id (tid) and a clock C_t, a vector of logical
// times indexed by tid. C_t[t] is the thread's own time; C_t[u] is the
// latest time of thread u that t has synchronised with (by being started by
// u, joining u, or acquiring a sync object u released). An access made by
// thread u at time c, the *epoch* c@u, happens before everything thread t
// does from now on iff c <= C_t[u] (Lamport 1978; Mattern 1989; the epoch
// representation is FastTrack's, Flanagan and Freund, PLDI 2009).
//
// | operation        | cost                  | used for                         |
// |------------------|-----------------------|----------------------------------|
// | get(u)           | O(1)                  | the epoch check above            |
// | tick(t)          | O(1), may grow        | after a release, a spawn         |
// | join(other)      | O(size of other)      | acquire, join, thread start      |
// | leq(other)       | O(size)               | tests                            |
//
// Entries beyond the stored size are 0, so a clock only grows as far as the
// highest tid it has heard of. Not synchronised: a clock belongs to one
// thread, or to a sync object under that object's lock.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace lockgraph::detail {

using tid_t = std::uint32_t;
using clock_value = std::uint64_t;

// One access's time: thread `tid` at its own time `clock`.
struct epoch {
  tid_t tid = 0;
  clock_value clock = 0;

  friend bool operator==(const epoch&, const epoch&) = default;
};

class vector_clock {
 public:
  vector_clock() = default;

  clock_value get(tid_t tid) const { return tid < times_.size() ? times_[tid] : 0; }

  void set(tid_t tid, clock_value value) {
    if (tid >= times_.size()) times_.resize(tid + 1, 0);
    times_[tid] = value;
  }

  // Advances the thread's own time; returns the new value.
  clock_value tick(tid_t tid) {
    set(tid, get(tid) + 1);
    return times_[tid];
  }

  // Pointwise maximum: afterwards everything `other` knows, this knows.
  void join(const vector_clock& other) {
    if (other.times_.size() > times_.size()) times_.resize(other.times_.size(), 0);
    for (std::size_t i = 0; i < other.times_.size(); ++i)
      times_[i] = std::max(times_[i], other.times_[i]);
  }

  // Pointwise <=: every event this clock has seen, `other` has seen too.
  bool leq(const vector_clock& other) const {
    for (std::size_t i = 0; i < times_.size(); ++i)
      if (times_[i] > other.get(static_cast<tid_t>(i))) return false;
    return true;
  }

  // Whether the access at `e` happens before the holder of this clock's
  // next action.
  bool covers(epoch e) const { return e.clock <= get(e.tid); }

  std::size_t size() const { return times_.size(); }

 private:
  std::vector<clock_value> times_;
};

}  // namespace lockgraph::detail
