// What the blocking primitives tell the runtime about a wait that really
// blocks, so that threads stuck in a cycle of waits, or all blocked with
// nothing left to wake them, are reported as a `deadlock` instead of hanging.
//
// Only the slow path registers: a primitive first tries without blocking
// (native try_lock, a predicate that already holds) and builds a wait_scope
// only when it is about to block. Timed waits are never registered (they
// end by themselves). See runtime/src/waits.cpp for the detector.
#pragma once

#include <lockgraph/config.hpp>

#include <atomic>
#include <cstdint>
#include <source_location>
#include <string>

namespace lockgraph::detail {

struct lock_node;
struct thread_record;

// The identity of a synchronisation object that is not a lock (queue,
// semaphore, event, condition variable, thread pool): its type, its name and
// where it was declared. Reports call it by its name, or "file:line".
struct sync_info {
  const char* type;  // "blocking_queue", "semaphore", ...
  std::string name;
  std::source_location declared;

  LOCKGRAPH_API std::string display_name() const;
};

enum class wait_kind : std::uint8_t {
  lock,         // lock(): waits for the holder of `lock`
  lock_shared,  // lock_shared(): waits for the writer of `lock`
  join,         // join(): waits for `thread` to end
  condition,    // condition_variable::wait
  semaphore,    // acquire()
  queue_get,    // blocking_queue::get() on an empty queue
  queue_put,    // blocking_queue::put() on a full queue
  event,        // event::wait()
  future,       // a thread_pool task's result
};

// What a wait waits for.
struct wait_target {
  wait_kind kind = wait_kind::lock;
  const sync_info* object = nullptr;  // for the kinds that are not lock or join
  // Changed (under the object's own mutex, or atomically) by every event that
  // may end the wait: a put, a release, a notify. A wait whose epoch moved
  // since it began may be about to wake, so it is not counted as stuck.
  const std::atomic<std::uint64_t>* epoch = nullptr;
  lock_node* lock = nullptr;        // lock waits
  thread_record* thread = nullptr;  // join waits
  // Throw mode: wakes the waiter so that it can throw; null when the wait
  // cannot be interrupted (a native lock, a join). Called under the
  // registry's mutex; must not block (a notify_all).
  void (*wake)(const void* context) = nullptr;
  const void* wake_context = nullptr;
  // Already reported (a self-deadlock in block mode): not reported again.
  bool reported = false;
};

// A blocking wait in progress, registered from construction to destruction.
// The constructor may report a deadlock that this wait closes (a cycle of
// lock and join waits) and then, per deadlock_mode, abort, throw
// std::system_error(resource_deadlock_would_occur) (nothing is registered
// then), or return so that the caller blocks. Does nothing while the
// recorder is busy on this thread or the thread is unknown to it.
class LOCKGRAPH_API wait_scope {
 public:
  wait_scope(const wait_target& target, std::source_location where);
  ~wait_scope();
  wait_scope(const wait_scope&) = delete;
  wait_scope& operator=(const wait_scope&) = delete;

  // After a wakeup that did not end the wait: it goes on; the epoch is read
  // again. Call with the object's mutex held, like the first time.
  void renew();

  // Throw mode: the detector chose this wait to break a deadlock. The waiter
  // must stop waiting and call throw_deadlock().
  bool cancelled() const;
  [[noreturn]] void throw_deadlock() const;

 private:
  void* slot_ = nullptr;
};

// Happens-before edges for the race detector (runtime/src/happens_before.hpp),
// callable from the header-only primitives: what a thread did before
// sync_release(object) happens before what another does after
// sync_acquire(object).
LOCKGRAPH_API void sync_release(const void* object) noexcept;
LOCKGRAPH_API void sync_acquire(const void* object) noexcept;
LOCKGRAPH_API void sync_forget(const void* object) noexcept;

// A synchronisation object was created: starts the runtime (so that a
// program using only semaphores or queues still gets its report at exit).
LOCKGRAPH_API void on_sync_created() noexcept;

// A daemon thread was started (reported on stderr if still running at exit).
LOCKGRAPH_API void on_daemon_started(thread_record* thread);

// Whether the thread's function has returned.
LOCKGRAPH_API bool thread_ended(const thread_record* thread) noexcept;

}  // namespace lockgraph::detail
