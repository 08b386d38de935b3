// lockgraph/thread.hpp — lockgraph::thread: std::thread with a name, whose
// lifetime the recorder knows.
//
// Overview
// --------
// A drop-in replacement for std::thread (same constructor, join, detach,
// joinable, get_id, native_handle, swap, move), plus:
//
//   * an optional name, given first or in a thread_options; findings and
//     printed locks call the thread by it (`owner="deposit"`). Unnamed
//     threads are "thread-1", "thread-2", ... and the main thread is "main".
//     Threads not made by lockgraph (std::thread, pthread_create) are named
//     the same way the first time they use a lockgraph lock;
//     lockgraph::this_thread::set_name() renames the calling thread.
//   * the creation site (for the named forms; the std-shaped constructor
//     cannot take a defaulted location after its arguments);
//   * checks at the end of the thread and of the object (table below).
//
//     lockgraph::mutex balance{"balance"};
//     lockgraph::thread t("deposit", [&] { std::lock_guard g(balance); ... });
//     lockgraph::thread u({.name = "withdraw"}, [&] { ... });
//     lockgraph::thread d({.name = "ticker", .daemon = true}, tick);  // detached
//     t.join();
//     u.join();
//
// States
// ------
// | state        | entered by                           | joinable() | left by           |
// |--------------|--------------------------------------|------------|-------------------|
// | empty        | default construction, moved from,    | false      | move-assigning a  |
// |              | join(), detach()                     |            | running thread in |
// | running      | construction with a function         | true       | join(), detach(), |
// |              |                                      |            | being moved from  |
// (A thread whose function has returned stays joinable until join().)
// (A daemon thread, thread_options::daemon, is detached as it starts: its
// object is empty from the beginning.)
//
// Invalid operations
// ------------------
// | operation                                      | finding           | then                    |
// |------------------------------------------------|-------------------|-------------------------|
// | destroying (or move-assigning to) a joinable   | thread-not-joined | the report is written,  |
// | thread                                         |                   | then std::terminate()   |
// | the thread function returns holding a lock     | lock-leak (one    | the lock stays held     |
// |                                                | per lock)         |                         |
// | join()/detach() of an empty thread, join() of  | none              | std::system_error, as   |
// | itself                                         |                   | std::thread             |
// | join() of a thread that waits (directly or     | deadlock          | per deadlock_mode:      |
// | through locks) for the joining thread, or when |                   | abort (default), throw  |
// | every thread is blocked for ever               |                   | std::system_error, block|
//
// Whether two threads "ran at the same time" (used to grade lock-order
// inversions) is decided from when each was started and when its function
// returned. For the race detector (lockgraph/shared.hpp), starting a thread
// orders the spawner's earlier actions before the thread's, and join()
// orders the thread's actions before the joiner's later ones.
#pragma once

#include <lockgraph/config.hpp>

#include <concepts>
#include <functional>
#include <iosfwd>
#include <source_location>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

namespace lockgraph {

// Named arguments of a thread: lockgraph::thread t({.name = "worker"}, f);
struct thread_options {
  std::string name;  // empty: "thread-N"
  // The creation site; the default is the line that builds the options.
  std::source_location where = std::source_location::current();
  // A daemon thread (Python's daemon=True) is detached as it starts: the
  // object is not joinable, and the process does not wait for it. One still
  // running at exit gets a note on stderr (not a finding: ending with the
  // process is what a daemon is for).
  bool daemon = false;
};

namespace detail {

struct thread_record;

LOCKGRAPH_API void on_daemon_started(thread_record* thread);

// Recorder entry points for thread lifetimes (runtime/src/recorder.hpp).
LOCKGRAPH_API thread_record* on_thread_spawn(std::string_view name, std::source_location where);
LOCKGRAPH_API void on_thread_begin(thread_record* thread) noexcept;
LOCKGRAPH_API void on_thread_end(thread_record* thread) noexcept;
// After join() returned: the thread's actions happen before the joiner's next
// ones (runtime/src/happens_before.cpp).
LOCKGRAPH_API void on_thread_joined(thread_record* thread) noexcept;
[[noreturn]] LOCKGRAPH_API void on_thread_not_joined(thread_record* thread) noexcept;
LOCKGRAPH_API std::string thread_name(const thread_record* thread);

// A thread name given as the first constructor argument; converting to it
// captures the caller's location.
struct thread_name_arg {
  template <class S>
    requires std::convertible_to<const S&, std::string_view>
  thread_name_arg(const S& given, std::source_location site = std::source_location::current())
      : name(given), where(site) {}

  std::string_view name;
  std::source_location where;
};

template <class F>
concept thread_function_arg =
    !std::same_as<std::remove_cvref_t<F>, std::thread> &&
    !std::convertible_to<const F&, std::string_view> &&
    !std::same_as<std::remove_cvref_t<F>, thread_options>;

}  // namespace detail

class LOCKGRAPH_API thread {
 public:
  using id = std::thread::id;
  using native_handle_type = std::thread::native_handle_type;

  // An empty thread object (no thread of execution).
  thread() noexcept = default;

  // Runs f(args...) on a new thread, like std::thread: f and args are
  // decay-copied in the calling thread and invoked as rvalues.
  template <class F, class... Args>
    requires(detail::thread_function_arg<F> && !std::same_as<std::remove_cvref_t<F>, thread>)
  explicit thread(F&& f, Args&&... args)
      : thread(spawn_tag{}, detail::on_thread_spawn({}, std::source_location()), std::forward<F>(f),
               std::forward<Args>(args)...) {}

  // The same, with a name: lockgraph::thread t("worker", f, x);
  template <class F, class... Args>
  thread(detail::thread_name_arg name, F&& f, Args&&... args)
      : thread(spawn_tag{}, detail::on_thread_spawn(name.name, name.where), std::forward<F>(f),
               std::forward<Args>(args)...) {}

  // The same, with options: lockgraph::thread t({.name = "worker"}, f, x);
  template <class F, class... Args>
  thread(const thread_options& options, F&& f, Args&&... args)
      : thread(spawn_tag{}, detail::on_thread_spawn(options.name, options.where), std::forward<F>(f),
               std::forward<Args>(args)...) {
    if (options.daemon) {
      detail::on_daemon_started(record_);
      impl_.detach();
    }
  }

  // A joinable thread must be joined or detached first: otherwise this
  // reports thread-not-joined, writes the report and calls std::terminate().
  ~thread() {
    if (impl_.joinable()) detail::on_thread_not_joined(record_);
  }

  thread(const thread&) = delete;
  thread& operator=(const thread&) = delete;

  thread(thread&& other) noexcept
      : impl_(std::move(other.impl_)), record_(std::exchange(other.record_, nullptr)) {}

  // Like std::thread, assigning to a joinable thread terminates (reported
  // first as thread-not-joined).
  thread& operator=(thread&& other) noexcept {
    if (impl_.joinable()) detail::on_thread_not_joined(record_);
    impl_ = std::move(other.impl_);
    record_ = std::exchange(other.record_, nullptr);
    return *this;
  }

  void swap(thread& other) noexcept {
    impl_.swap(other.impl_);
    std::swap(record_, other.record_);
  }

  bool joinable() const noexcept { return impl_.joinable(); }

  // Waits for the thread to finish; std::system_error as std::thread::join.
  // A join that has to wait is registered: threads that join each other, or
  // a join of a thread blocked for ever, are reported as a `deadlock`.
  void join(std::source_location where = std::source_location::current()) {
    join_native(where);
    detail::on_thread_joined(record_);
  }

  // Lets the thread run on its own; it is no longer joinable.
  void detach() { impl_.detach(); }

  id get_id() const noexcept { return impl_.get_id(); }
  native_handle_type native_handle() { return impl_.native_handle(); }
  static unsigned hardware_concurrency() noexcept { return std::thread::hardware_concurrency(); }

  // The thread's name ("" for an empty object that never ran a thread).
  std::string name() const { return record_ ? detail::thread_name(record_) : std::string(); }

  // <lockgraph::thread "worker" joinable> or <lockgraph::thread "worker" not joinable>
  friend LOCKGRAPH_API std::ostream& operator<<(std::ostream& os, const thread& t);

 private:
  struct spawn_tag {};

  // impl_.join(), registered as a wait when it will block.
  void join_native(std::source_location where);

  template <class F, class... Args>
  thread(spawn_tag, detail::thread_record* record, F&& f, Args&&... args) : record_(record) {
    impl_ = std::thread(&run<std::decay_t<F>, std::decay_t<Args>...>, record,
                        std::forward<F>(f), std::forward<Args>(args)...);
  }

  template <class F, class... Args>
  static void run(detail::thread_record* record, F&& f, Args&&... args) {
    detail::on_thread_begin(record);
    std::invoke(std::move(f), std::move(args)...);
    detail::on_thread_end(record);
  }

  std::thread impl_;
  detail::thread_record* record_ = nullptr;
};

inline void swap(thread& a, thread& b) noexcept { a.swap(b); }

namespace this_thread {

// Renames the calling thread in findings and printed locks.
LOCKGRAPH_API void set_name(std::string_view name);

// The calling thread's name ("main", "thread-3", or the name it was given).
LOCKGRAPH_API std::string name();

}  // namespace this_thread
}  // namespace lockgraph
