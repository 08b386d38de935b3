// lockgraph/semaphore.hpp — lockgraph::counting_semaphore and
// lockgraph::binary_semaphore: std::counting_semaphore with a name, an
// observable value and deadlock detection.
//
// Overview
// --------
// The members of std::counting_semaphore (acquire, try_acquire,
// try_acquire_for, try_acquire_until, release(n), max()), plus:
//
//   * value(): the permits available now, like Python's `sem._value`;
//   * a name (optional) and printing: <lockgraph::counting_semaphore "slots" value=47>;
//   * acquire() that has to wait is registered with the deadlock detector:
//     when every thread is blocked and none can release it (a semaphore
//     that is never released), the runtime reports a `deadlock` instead of
//     hanging; in throw mode acquire() throws
//     std::system_error(resource_deadlock_would_occur).
//
//     lockgraph::counting_semaphore<> sem{50, "sem"};   // Semaphore(value=50)
//     sem.acquire();
//     std::cout << sem.value() << '\n';                  // 49
//     sem.release();
//
// A release() happens before the acquire() that takes its permit (for the
// race detector on shared<T>).
//
// States
// ------
// | value | acquire()                     | release(n)          |
// |-------|-------------------------------|---------------------|
// | > 0   | takes a permit (value - 1)    | value + n, wakes waiters |
// | 0     | waits for a release           | value + n, wakes waiters |
//
// Invalid operations
// ------------------
// | operation                                   | finding | then                                      |
// |---------------------------------------------|---------|-------------------------------------------|
// | constructing with desired < 0 or > max()    | none    | std::invalid_argument                      |
// | release(n) with n < 0, or value + n > max() | none    | std::system_error(value_too_large for the  |
// |                                             |         | latter, invalid_argument for the former); |
// |                                             |         | nothing is released                       |
#pragma once

#include <lockgraph/config.hpp>
#include <lockgraph/detail/waits.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <mutex>
#include <source_location>
#include <string>
#include <string_view>

namespace lockgraph {
namespace detail {

// The part of a semaphore that does not depend on its maximum.
class LOCKGRAPH_API semaphore_core {
 public:
  semaphore_core(std::ptrdiff_t desired, std::ptrdiff_t max, std::string_view name,
                 std::source_location declared);
  ~semaphore_core();
  semaphore_core(const semaphore_core&) = delete;
  semaphore_core& operator=(const semaphore_core&) = delete;

  void release(std::ptrdiff_t update);
  void acquire(std::source_location where);
  bool try_acquire() noexcept;
  bool try_acquire_until(std::chrono::steady_clock::time_point deadline);
  std::ptrdiff_t value() const noexcept;
  std::string name() const { return info_.display_name(); }

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::ptrdiff_t value_;
  const std::ptrdiff_t max_;
  sync_info info_;
  std::atomic<std::uint64_t> epoch_{0};  // bumped by every release
};

LOCKGRAPH_API void print_semaphore(std::ostream& os, const char* type, const semaphore_core& s);

}  // namespace detail

template <std::ptrdiff_t LeastMaxValue = std::numeric_limits<int>::max()>
class counting_semaphore {
  static_assert(LeastMaxValue >= 0);

 public:
  static constexpr std::ptrdiff_t max() noexcept { return LeastMaxValue; }

  // An unnamed semaphore: reports call it by its declaration site.
  explicit counting_semaphore(std::ptrdiff_t desired,
                              std::source_location declared = std::source_location::current())
      : core_(desired, max(), {}, declared) {}

  // A named one: counting_semaphore<> sem{50, "sem"}.
  counting_semaphore(std::ptrdiff_t desired, std::string_view name,
                     std::source_location declared = std::source_location::current())
      : core_(desired, max(), name, declared) {}

  counting_semaphore(const counting_semaphore&) = delete;
  counting_semaphore& operator=(const counting_semaphore&) = delete;

  // Adds `update` permits and wakes the waiters.
  void release(std::ptrdiff_t update = 1) { core_.release(update); }

  // Takes a permit, waiting for one if there is none.
  void acquire(std::source_location where = std::source_location::current()) {
    core_.acquire(where);
  }

  // Takes a permit if there is one; never waits.
  bool try_acquire() noexcept { return core_.try_acquire(); }

  // Waits at most `rel` for a permit (a timed wait: never a deadlock).
  template <class Rep, class Period>
  bool try_acquire_for(const std::chrono::duration<Rep, Period>& rel) {
    return core_.try_acquire_until(std::chrono::steady_clock::now() +
                                   std::chrono::ceil<std::chrono::steady_clock::duration>(rel));
  }

  // Deadlines of other clocks are converted to the steady clock when called.
  template <class Clock, class Duration>
  bool try_acquire_until(const std::chrono::time_point<Clock, Duration>& deadline) {
    return try_acquire_for(deadline - Clock::now());
  }

  // The permits available now (Python's sem._value), for diagnostics.
  std::ptrdiff_t value() const noexcept { return core_.value(); }

  std::string name() const { return core_.name(); }

  // <lockgraph::counting_semaphore "sem" value=47>
  friend std::ostream& operator<<(std::ostream& os, const counting_semaphore& s) {
    detail::print_semaphore(os, LeastMaxValue == 1 ? "binary_semaphore" : "counting_semaphore",
                            s.core_);
    return os;
  }

 private:
  detail::semaphore_core core_;
};

using binary_semaphore = counting_semaphore<1>;

}  // namespace lockgraph
