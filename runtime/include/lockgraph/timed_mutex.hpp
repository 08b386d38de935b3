// lockgraph/timed_mutex.hpp — lockgraph::timed_mutex: std::timed_mutex that
// tells the lockgraph recorder what it does.
//
// Overview
// --------
// A drop-in replacement for std::timed_mutex (lock, try_lock, try_lock_for,
// try_lock_until, unlock, native_handle), named and checked like
// lockgraph::mutex (lockgraph/mutex.hpp), so std::lock_guard,
// std::unique_lock (also its timed constructor and try_lock_for) and
// std::scoped_lock work with it and point findings at the guard's line.
//
//     lockgraph::timed_mutex device{"device"};
//     if (std::unique_lock lock(device, 50ms); lock.owns_lock()) {
//       ...
//     } else {
//       // gave up: no lock-order edge, never a deadlock
//     }
//     std::cout << device << '\n';   // <unlocked lockgraph::timed_mutex "device">
//
// Timed attempts: a successful try_lock_for/try_lock_until records order
// edges like lock() (it may have waited, so the order is real); a failed one
// records nothing. Neither is ever a deadlock: a timed wait ends by itself,
// so it is not registered with the deadlock detector.
//
// States
// ------
// | state    | entered by                                  | left by  |
// |----------|---------------------------------------------|----------|
// | unlocked | construction; unlock()                      | lock(), a successful try_lock*() |
// | locked   | lock(), a successful try_lock*()            | unlock() |
//
// Invalid operations
// ------------------
// | operation                                      | finding         | then                                  |
// |------------------------------------------------|-----------------|---------------------------------------|
// | lock() by the thread that holds it             | self-deadlock   | per deadlock_mode (abort, throw, block) |
// | try_lock_for/until() by the thread that holds  | none            | waits out the timeout, returns false  |
// | it                                             |                 |                                       |
// | unlock() of a lock nobody holds                | unlock-not-held | nothing is unlocked                   |
// | unlock() of a lock another thread holds        | unlock-not-held | it is released (like Python's Lock)   |
// | lock() that closes a cycle of waits            | deadlock        | per deadlock_mode                     |
#pragma once

#include <lockgraph/config.hpp>
#include <lockgraph/mutex.hpp>

#include <chrono>
#include <iosfwd>
#include <mutex>
#include <source_location>
#include <string>
#include <string_view>

namespace lockgraph {

class LOCKGRAPH_API timed_mutex {
 public:
  using native_handle_type = std::timed_mutex::native_handle_type;

  timed_mutex(std::source_location declared = std::source_location::current());
  explicit timed_mutex(std::string_view name,
                       std::source_location declared = std::source_location::current());
  ~timed_mutex();

  timed_mutex(const timed_mutex&) = delete;
  timed_mutex& operator=(const timed_mutex&) = delete;

  // As mutex::lock(): self-deadlock check, order edges, deadlock detection
  // when it has to wait.
  void lock(std::source_location where = std::source_location::current());

  // Takes it if free; no order edge.
  bool try_lock(std::source_location where = std::source_location::current());

  // Waits at most `rel` for the lock. On success records order edges like
  // lock(); on timeout returns false and records nothing.
  template <class Rep, class Period>
  bool try_lock_for(const std::chrono::duration<Rep, Period>& rel,
                    std::source_location where = std::source_location::current()) {
    return try_lock_until(
        std::chrono::steady_clock::now() + std::chrono::ceil<std::chrono::steady_clock::duration>(rel),
        where);
  }

  // Waits until `deadline` at most; as try_lock_for.
  template <class Clock, class Duration>
  bool try_lock_until(const std::chrono::time_point<Clock, Duration>& deadline,
                      std::source_location where = std::source_location::current()) {
    if (!impl_.try_lock_until(deadline)) return false;
    took_after_waiting(where);
    return true;
  }

  void unlock(std::source_location where = std::source_location::current());

  native_handle_type native_handle() { return impl_.native_handle(); }

  std::string name() const;

  // <unlocked lockgraph::timed_mutex "device">
  // <locked lockgraph::timed_mutex "device" owner="main" count=1>
  friend LOCKGRAPH_API std::ostream& operator<<(std::ostream& os, const timed_mutex& m);

 private:
  void took_after_waiting(std::source_location where);

  std::timed_mutex impl_;
  detail::lock_node* node_;
};

namespace detail {
template <>
inline constexpr bool is_instrumented_lock<lockgraph::timed_mutex> = true;
}  // namespace detail

}  // namespace lockgraph
