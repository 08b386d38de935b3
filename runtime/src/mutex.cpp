// lockgraph::mutex and lockgraph::recursive_mutex: std locks that call the
// recorder around every operation and act on its verdict.
#include <lockgraph/mutex.hpp>

#include "lock_wait.hpp"

#include <lockgraph/detail/waits.hpp>

#include <ostream>
#include <system_error>
#include <thread>

namespace lockgraph {
namespace {

using detail::acquire_verdict;
using detail::lock_kind;
using detail::lock_mode;
using detail::release_verdict;

[[noreturn]] void throw_self_deadlock(const detail::lock_node& node) {
  throw std::system_error(
      std::make_error_code(std::errc::resource_deadlock_would_occur),
      "lockgraph: acquiring mutex '" + detail::display_name(node) + "' that is already held");
}

// <locked lockgraph::mutex "balance" owner="deposit" count=1>
void print_state(std::ostream& os, const char* type, const detail::lock_node& node,
                 unsigned count) {
  const std::string owner = detail::owner_name(node);
  os << '<' << (owner.empty() ? "unlocked" : "locked") << " lockgraph::" << type << " \""
     << detail::display_name(node) << '"';
  if (!owner.empty()) os << " owner=\"" << owner << "\" count=" << count;
  os << '>';
}

}  // namespace

namespace detail {

bool begin_acquire(lock_node* node, lock_mode mode, std::source_location where) {
  switch (on_acquire_begin(node, mode, {where})) {
    case acquire_verdict::deadlock_throw:
      throw_self_deadlock(*node);
    case acquire_verdict::deadlock_block:
      return true;
    case acquire_verdict::proceed:
    case acquire_verdict::reentrant:
      break;
  }
  return false;
}

void print_lock_state(std::ostream& os, const char* type, const lock_node& node, unsigned count) {
  print_state(os, type, node, count);
}

// The slow path of a blocking acquisition: the lock is taken, so the thread
// registers what it waits for (which may report a deadlock it closes), then
// blocks. `reported`: a self-deadlock already reported (block mode).
void wait_for_lock(lock_node* node, lock_mode mode, std::source_location where, bool reported,
                   void (*lock)(void*), void* native,
                   const std::atomic<std::uint64_t>* releases) {
  wait_target target;
  target.epoch = releases;
  target.kind = mode == lock_mode::exclusive ? wait_kind::lock : wait_kind::lock_shared;
  target.lock = node;
  target.reported = reported;
  wait_scope wait(target, where);
  lock(native);
}

}  // namespace detail

// --- mutex -------------------------------------------------------------------------

mutex::mutex(std::source_location declared)
    : node_(detail::on_lock_created(this, lock_kind::mutex, {}, declared)) {}

mutex::mutex(std::string_view name, std::source_location declared)
    : node_(detail::on_lock_created(this, lock_kind::mutex, name, declared)) {}

mutex::~mutex() { detail::on_lock_destroyed(node_); }

void mutex::lock(std::source_location where) {
  detail::thread_state* s = detail::t_state;
  if (detail::first_acquire_ready(s, node_)) {
    detail::lock_exclusive(node_, impl_, where, false);
    detail::push_first(s, node_, {where}, lock_mode::exclusive);
    return;
  }
  bool reported = false;
  if (!detail::known_second_acquire(s, node_)) {  // else nothing to check or record
    switch (detail::on_acquire_begin(node_, lock_mode::exclusive, {where})) {
      case acquire_verdict::deadlock_throw:
        throw_self_deadlock(*node_);
      case acquire_verdict::deadlock_block:  // block as std::mutex would
        reported = true;
        break;
      case acquire_verdict::proceed:
      case acquire_verdict::reentrant:  // not for a non-recursive lock
        break;
    }
  }
  detail::lock_exclusive(node_, impl_, where, reported);
  detail::on_acquired(node_, lock_mode::exclusive, {where});
}

bool mutex::try_lock(std::source_location where) {
  if (!impl_.try_lock()) return false;
  detail::on_try_acquired(node_, lock_mode::exclusive, {where});
  return true;
}

void mutex::unlock(std::source_location where) {
  switch (detail::on_release(node_, lock_mode::exclusive, {where})) {
    case release_verdict::released:
    case release_verdict::held_by_other:  // released on the owner's behalf
      impl_.unlock();
      break;
    case release_verdict::not_locked:  // unlocking a free std::mutex is undefined
      break;
  }
}

std::string mutex::name() const { return detail::display_name(*node_); }

std::ostream& operator<<(std::ostream& os, const mutex& m) {
  print_state(os, "mutex", *m.node_, 1);
  return os;
}

// --- recursive_mutex -----------------------------------------------------------------

recursive_mutex::recursive_mutex(std::source_location declared)
    : node_(detail::on_lock_created(this, lock_kind::recursive_mutex, {}, declared)) {}

recursive_mutex::recursive_mutex(std::string_view name, std::source_location declared)
    : node_(detail::on_lock_created(this, lock_kind::recursive_mutex, name, declared)) {}

recursive_mutex::~recursive_mutex() { detail::on_lock_destroyed(node_); }

void recursive_mutex::lock(std::source_location where) {
  // Never a self-deadlock; the owner re-enters without waiting.
  if (detail::on_acquire_begin(node_, lock_mode::exclusive, {where}) == acquire_verdict::reentrant)
    impl_.lock();
  else
    detail::lock_exclusive(node_, impl_, where, false);
  // count_ is only touched by the owner, under impl_.
  const unsigned levels = count_.load(std::memory_order_relaxed);
  count_.store(levels + 1, std::memory_order_relaxed);
  if (levels == 0) detail::on_acquired(node_, lock_mode::exclusive, {where});
}

bool recursive_mutex::try_lock(std::source_location where) {
  if (!impl_.try_lock()) return false;
  const unsigned levels = count_.load(std::memory_order_relaxed);
  count_.store(levels + 1, std::memory_order_relaxed);
  if (levels == 0) detail::on_try_acquired(node_, lock_mode::exclusive, {where});
  return true;
}

void recursive_mutex::unlock(std::source_location where) {
  const unsigned levels = count_.load(std::memory_order_relaxed);
  if (detail::on_release(node_, lock_mode::exclusive, {where}, /*keeps_holding=*/levels > 1) !=
      release_verdict::released)
    return;  // not the owner: std::recursive_mutex would not unlock either
  count_.store(levels - 1, std::memory_order_relaxed);
  impl_.unlock();
}

std::string recursive_mutex::name() const { return detail::display_name(*node_); }

std::ostream& operator<<(std::ostream& os, const recursive_mutex& m) {
  print_state(os, "recursive_mutex", *m.node_, m.count());
  return os;
}

// --- several locks at once (std::scoped_lock over lockgraph locks) -------------------

namespace detail {

void lock_all(lockable_ref* locks, std::size_t count, std::source_location where) {
  std::size_t first = 0;
  for (;;) {
    locks[first].lock(locks[first].object, where);
    std::size_t taken = 1;
    try {
      for (; taken < count; ++taken) {
        lockable_ref& next = locks[(first + taken) % count];
        if (!next.try_lock(next.object, where)) break;
      }
    } catch (...) {
      for (std::size_t i = 0; i < taken; ++i) {
        lockable_ref& held = locks[(first + i) % count];
        held.unlock(held.object, where);
      }
      throw;
    }
    if (taken == count) return;
    // Start again from the lock that was busy, holding nothing meanwhile.
    for (std::size_t i = 0; i < taken; ++i) {
      lockable_ref& held = locks[(first + i) % count];
      held.unlock(held.object, where);
    }
    first = (first + taken) % count;
    std::this_thread::yield();
  }
}

}  // namespace detail
}  // namespace lockgraph
