// lockgraph/event.hpp — lockgraph::event: Python's threading.Event, a flag
// that threads wait for.
//
// Overview
// --------
//     lockgraph::event stop{"stop"};
//     lockgraph::thread worker("worker", [&] { while (!stop.is_set()) work(); });
//     stop.set();                         // wakes every waiter
//     bool set = stop.wait_for(100ms);    // like Event.wait(timeout=0.1)
//     std::cout << stop << '\n';          // <lockgraph::event "stop" set>
//
// set() happens before every wait() or wait_for() that returns true
// because of it (for the race detector on shared<T>).
//
// wait() without a timeout is registered with the deadlock detector: an
// event that nobody will set while every thread is blocked is reported as a
// `deadlock` instead of hanging (throw mode: wait() throws
// std::system_error(resource_deadlock_would_occur)). Timed waits are never
// deadlocks.
//
// States
// ------
// | state | entered by            | wait()                | wait_for(t)          |
// |-------|-----------------------|-----------------------|----------------------|
// | unset | construction, clear() | blocks until set()    | false after t        |
// | set   | set()                 | returns at once       | true at once         |
#pragma once

#include <lockgraph/config.hpp>
#include <lockgraph/detail/waits.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <iosfwd>
#include <mutex>
#include <source_location>
#include <string>
#include <string_view>

namespace lockgraph {

class LOCKGRAPH_API event {
 public:
  event(std::source_location declared = std::source_location::current());
  explicit event(std::string_view name,
                 std::source_location declared = std::source_location::current());
  ~event();

  event(const event&) = delete;
  event& operator=(const event&) = delete;

  // Sets the flag and wakes every waiter.
  void set();
  // Resets the flag.
  void clear();
  bool is_set() const noexcept { return set_.load(std::memory_order_acquire); }

  // Blocks until the flag is set.
  void wait(std::source_location where = std::source_location::current());

  // Blocks until the flag is set or `rel` has passed; returns the flag.
  template <class Rep, class Period>
  bool wait_for(const std::chrono::duration<Rep, Period>& rel) {
    return wait_steady(std::chrono::steady_clock::now() +
                       std::chrono::ceil<std::chrono::steady_clock::duration>(rel));
  }

  template <class Clock, class Duration>
  bool wait_until(const std::chrono::time_point<Clock, Duration>& deadline) {
    return wait_for(deadline - Clock::now());
  }

  std::string name() const { return info_.display_name(); }

  // <lockgraph::event "stop" set> or <lockgraph::event "stop" unset>
  friend LOCKGRAPH_API std::ostream& operator<<(std::ostream& os, const event& e);

 private:
  bool wait_steady(std::chrono::steady_clock::time_point deadline);

  std::mutex mu_;
  std::condition_variable cv_;
  std::atomic<bool> set_{false};
  detail::sync_info info_;
  std::atomic<std::uint64_t> epoch_{0};  // bumped by set()
};

}  // namespace lockgraph
