// lockgraph/mutex.hpp — lockgraph::mutex and lockgraph::recursive_mutex:
// std::mutex and std::recursive_mutex that tell the lockgraph recorder what
// they do.
//
// Overview
// --------
// Both types are drop-in replacements: same member names and semantics, so
// std::lock_guard, std::unique_lock, std::scoped_lock, std::lock and
// std::condition_variable_any work with them. In addition:
//
//   * each lock has a name (constructor argument) and remembers where it was
//     declared; an unnamed lock is called by its declaration site
//     ("bank.cpp:12"). Locks of one name (or one site) form a *lock class*,
//     the node of the lock graph in the report.
//   * lock(), try_lock() and unlock() take a defaulted std::source_location,
//     so findings point at the caller. std::lock_guard, std::unique_lock and
//     std::scoped_lock are specialised for lockgraph locks (see
//     lockgraph/detail/std_guards.hpp) to pass on the guard's own location.
//   * the recorder checks every operation (table below) and records the
//     lock-order graph: acquiring B while holding A adds the edge A -> B; the
//     edge that closes a cycle is reported the first time it appears, whether
//     or not the run deadlocks.
//   * printing a lock shows its state, like Python's repr:
//       <unlocked lockgraph::mutex "balance">
//       <locked lockgraph::mutex "balance" owner="deposit" count=1>
//
//     lockgraph::mutex balance{"balance"};
//     {
//       std::lock_guard guard(balance);   // reports point at this line
//       std::cout << balance << '\n';     // <locked lockgraph::mutex "balance" owner="main" count=1>
//     }
//
// States (both types)
// -------------------
// | state     | entered by                          | left by                          |
// |-----------|-------------------------------------|----------------------------------|
// | unlocked  | construction; the last unlock()     | lock(), a successful try_lock()  |
// | locked(n) | lock()/try_lock() (n = 1; recursive | unlock() (n - 1; unlocked at 0)  |
// |           | re-entry by the owner: n + 1)       |                                  |
//
// Invalid operations and what lockgraph does instead of undefined behaviour
// -------------------------------------------------------------------------
// | operation                                        | finding          | then                                  |
// |--------------------------------------------------|------------------|---------------------------------------|
// | mutex::lock() by the thread that holds it        | self-deadlock    | per deadlock_mode: abort (default),   |
// |                                                  |                  | throw std::system_error               |
// |                                                  |                  | (resource_deadlock_would_occur), block |
// | mutex::try_lock() by the thread that holds it    | none             | returns false                         |
// | unlock() of a lock nobody holds                  | unlock-not-held  | nothing is unlocked                   |
// | mutex::unlock() of a mutex another thread holds  | unlock-not-held  | the mutex is released (like Python's  |
// |                                                  |                  | Lock), so the program can go on       |
// | recursive_mutex::unlock() by a non-owner         | unlock-not-held  | nothing is unlocked (as glibc does)   |
// | a thread ends holding a lock                     | lock-leak        | the lock stays held                   |
// | acquiring locks in an order that closes a cycle  | lock-order-      | the acquisition proceeds              |
// |                                                  | inversion        |                                       |
// | lock() that has to wait for a thread that waits  | deadlock         | per deadlock_mode: abort (default),   |
// | (directly or through other threads) for the      |                  | throw std::system_error from this     |
// | caller: an ABBA pair that really hangs           |                  | lock(), or block                      |
// | destroying a locked lock                         | none             | its record is kept, not reused        |
//
// try_lock() never adds a lock-order edge (it cannot block), and neither do
// re-entries of a recursive_mutex. Locks taken together by std::lock or
// std::scoped_lock are locked with try_lock after the first, so no order is
// recorded among them.
//
// A lock() that has to wait (the native try_lock failed) registers what it
// waits for, so that threads blocked in a cycle (T1 waits for a lock T2
// holds while T2 waits for one T1 holds, or joins T1) are reported as a
// `deadlock` instead of hanging; see lockgraph/report.hpp. In a process that
// has never started a second thread, lock() of a lock the runtime knows to
// be free calls the native lock() directly (it cannot block, and glibc's
// lock skips its atomic instructions there while its try_lock does not).
//
// Cost: an uncontended lock()+unlock() adds a few thread-local operations to
// std::mutex's; a nested acquisition whose order edge is already known adds
// one hash lookup per lock held. Nothing is allocated on these paths.
#pragma once

#include <lockgraph/config.hpp>

#include <atomic>
#include <iosfwd>
#include <mutex>
#include <source_location>
#include <string>
#include <string_view>

namespace lockgraph {

namespace detail {
struct lock_node;
}  // namespace detail

// A non-recursive mutex: std::mutex plus recording.
class LOCKGRAPH_API mutex {
 public:
  using native_handle_type = std::mutex::native_handle_type;

  // An unnamed mutex: reports call it by its declaration site.
  mutex(std::source_location declared = std::source_location::current());

  // A named mutex, e.g. mutex balance{"balance"} or mu_{"Account::mu_"}.
  explicit mutex(std::string_view name,
                 std::source_location declared = std::source_location::current());

  // Destroying a locked mutex is undefined for std::mutex; lockgraph keeps
  // the lock's record alive so the threads that hold it stay consistent.
  ~mutex();

  mutex(const mutex&) = delete;
  mutex& operator=(const mutex&) = delete;

  // Blocks until the calling thread owns the mutex. If the calling thread
  // already owns it, reports self-deadlock before it would block, then acts
  // per get_deadlock_mode(). Records an order edge from every lock the
  // thread holds to this one; an edge that closes a cycle is reported.
  void lock(std::source_location where = std::source_location::current());

  // Takes the mutex if it is free and returns true; otherwise returns false
  // at once. Adds no order edge. The owner calling it gets false.
  bool try_lock(std::source_location where = std::source_location::current());

  // Releases the mutex. A thread that does not hold it gets an
  // unlock-not-held finding (see the table above for what happens then).
  void unlock(std::source_location where = std::source_location::current());

  native_handle_type native_handle() { return impl_.native_handle(); }

  // The name given at construction, or "file:line" of the declaration.
  std::string name() const;

  friend LOCKGRAPH_API std::ostream& operator<<(std::ostream& os, const mutex& m);

 private:
  friend class condition_variable;  // waits on impl_, tells the recorder

  std::mutex impl_;
  detail::lock_node* node_;
};

// A recursive mutex: std::recursive_mutex plus recording. The owner may lock
// it again; it is released when unlocked as many times as it was locked.
class LOCKGRAPH_API recursive_mutex {
 public:
  using native_handle_type = std::recursive_mutex::native_handle_type;

  recursive_mutex(std::source_location declared = std::source_location::current());
  explicit recursive_mutex(std::string_view name,
                           std::source_location declared = std::source_location::current());
  ~recursive_mutex();

  recursive_mutex(const recursive_mutex&) = delete;
  recursive_mutex& operator=(const recursive_mutex&) = delete;

  // Blocks until the calling thread owns the mutex; the owner re-enters at
  // once (count + 1, no order edge). The first level records order edges
  // like mutex::lock().
  void lock(std::source_location where = std::source_location::current());

  // Takes the mutex if it is free or already owned by the caller.
  bool try_lock(std::source_location where = std::source_location::current());

  // Releases one level. A thread that does not own the mutex gets an
  // unlock-not-held finding and nothing is unlocked.
  void unlock(std::source_location where = std::source_location::current());

  native_handle_type native_handle() { return impl_.native_handle(); }

  std::string name() const;

  // Levels held by the owner (0 when unlocked). A snapshot, for diagnostics.
  unsigned count() const { return count_.load(std::memory_order_relaxed); }

  friend LOCKGRAPH_API std::ostream& operator<<(std::ostream& os, const recursive_mutex& m);

 private:
  std::recursive_mutex impl_;
  detail::lock_node* node_;
  // Written only by the owner while it holds impl_; atomic so that printing
  // from another thread is not a data race.
  std::atomic<unsigned> count_{0};
};

namespace detail {

// Which types get the source-location-forwarding std guards.
template <class M>
inline constexpr bool is_instrumented_lock = false;
template <>
inline constexpr bool is_instrumented_lock<lockgraph::mutex> = true;
template <>
inline constexpr bool is_instrumented_lock<lockgraph::recursive_mutex> = true;

template <class M>
concept instrumented_lock = is_instrumented_lock<M>;

}  // namespace detail
}  // namespace lockgraph

#include <lockgraph/detail/std_guards.hpp>
