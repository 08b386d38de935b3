// lockgraph/condition_variable.hpp — lockgraph::condition_variable:
// std::condition_variable over std::unique_lock<lockgraph::mutex>.
//
// Overview
// --------
// The members of std::condition_variable (wait, wait_for, wait_until, each
// with and without a predicate; notify_one, notify_all; native_handle), for
// a std::unique_lock<lockgraph::mutex>. In the recorder's view a wait
// releases the mutex and takes it back when it wakes, at the site where it
// was first acquired: no unlock-not-held, no new order edge, and a thread
// that ends holding it is reported at the original lock.
//
//     lockgraph::mutex mu{"mu"};
//     lockgraph::condition_variable ready{"ready"};
//     bool done = false;
//     // waiter                                    // notifier
//     std::unique_lock lock(mu);                   { std::lock_guard g(mu); done = true; }
//     ready.wait(lock, [&] { return done; });      ready.notify_one();
//
// An untimed wait is registered with the deadlock detector: if every thread
// ends up blocked (the notifier itself waits for something only the waiter
// would do), the runtime reports a `deadlock` instead of hanging, and in
// throw mode the wait throws std::system_error(resource_deadlock_would_occur)
// with the mutex held again. Timed waits are never deadlocks.
//
// A notify happens before the wait that it wakes returns (for the race
// detector on shared<T>).
//
// std::condition_variable_any works with lockgraph locks too (it unlocks and
// locks them through their members); it is not registered as a wait.
//
// Invalid operations
// ------------------
// | operation                                    | finding | then                                 |
// |----------------------------------------------|---------|--------------------------------------|
// | wait*() with a unique_lock that owns nothing | none    | std::system_error(operation_not_permitted) |
// | destroying it while threads wait             | none    | undefined, as std::condition_variable |
#pragma once

#include <lockgraph/config.hpp>
#include <lockgraph/detail/waits.hpp>
#include <lockgraph/mutex.hpp>

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

class LOCKGRAPH_API condition_variable {
 public:
  using native_handle_type = std::condition_variable::native_handle_type;

  condition_variable(std::source_location declared = std::source_location::current());
  explicit condition_variable(std::string_view name,
                              std::source_location declared = std::source_location::current());
  ~condition_variable();

  condition_variable(const condition_variable&) = delete;
  condition_variable& operator=(const condition_variable&) = delete;

  void notify_one() noexcept;
  void notify_all() noexcept;

  // Releases the lock's mutex, blocks until notified (or spuriously), takes
  // the mutex back.
  void wait(std::unique_lock<mutex>& lock,
            std::source_location where = std::source_location::current());

  template <class Predicate>
  void wait(std::unique_lock<mutex>& lock, Predicate stop_waiting,
            std::source_location where = std::source_location::current()) {
    while (!stop_waiting()) wait(lock, where);
  }

  template <class Rep, class Period>
  std::cv_status wait_for(std::unique_lock<mutex>& lock,
                          const std::chrono::duration<Rep, Period>& rel,
                          std::source_location where = std::source_location::current()) {
    return wait_steady(lock, steady_deadline(rel), where);
  }

  template <class Rep, class Period, class Predicate>
  bool wait_for(std::unique_lock<mutex>& lock, const std::chrono::duration<Rep, Period>& rel,
                Predicate stop_waiting,
                std::source_location where = std::source_location::current()) {
    return wait_until(lock, std::chrono::steady_clock::now() + rel, std::move(stop_waiting), where);
  }

  // Deadlines of other clocks are converted to the steady clock when called.
  template <class Clock, class Duration>
  std::cv_status wait_until(std::unique_lock<mutex>& lock,
                            const std::chrono::time_point<Clock, Duration>& deadline,
                            std::source_location where = std::source_location::current()) {
    wait_steady(lock, steady_deadline(deadline - Clock::now()), where);
    return Clock::now() < deadline ? std::cv_status::no_timeout : std::cv_status::timeout;
  }

  template <class Clock, class Duration, class Predicate>
  bool wait_until(std::unique_lock<mutex>& lock,
                  const std::chrono::time_point<Clock, Duration>& deadline, Predicate stop_waiting,
                  std::source_location where = std::source_location::current()) {
    while (!stop_waiting())
      if (wait_until(lock, deadline, where) == std::cv_status::timeout) return stop_waiting();
    return true;
  }

  native_handle_type native_handle() { return impl_.native_handle(); }

  std::string name() const { return info_.display_name(); }

  // Threads waiting now (a snapshot, for diagnostics).
  unsigned waiters() const { return waiters_.load(std::memory_order_relaxed); }

  // <lockgraph::condition_variable "ready" waiters=1>
  friend LOCKGRAPH_API std::ostream& operator<<(std::ostream& os, const condition_variable& cv);

 private:
  template <class Rep, class Period>
  static std::chrono::steady_clock::time_point steady_deadline(
      const std::chrono::duration<Rep, Period>& rel) {
    return std::chrono::steady_clock::now() +
           std::chrono::ceil<std::chrono::steady_clock::duration>(rel);
  }
  std::cv_status wait_steady(std::unique_lock<mutex>& lock,
                             std::chrono::steady_clock::time_point deadline,
                             std::source_location where);

  std::condition_variable impl_;
  detail::sync_info info_;
  std::atomic<std::uint64_t> epoch_{0};  // bumped by every notify
  std::atomic<unsigned> waiters_{0};
};

}  // namespace lockgraph
