// lockgraph::timed_mutex: std::timed_mutex that calls the recorder around
// every operation, like lockgraph::mutex (mutex.cpp).
#include <lockgraph/timed_mutex.hpp>

#include "lock_wait.hpp"

#include <ostream>

namespace lockgraph {
namespace {

using detail::lock_kind;
using detail::lock_mode;
using detail::release_verdict;

}  // namespace

// --- timed_mutex -------------------------------------------------------------------

timed_mutex::timed_mutex(std::source_location declared)
    : node_(detail::on_lock_created(this, lock_kind::timed_mutex, {}, declared)) {}

timed_mutex::timed_mutex(std::string_view name, std::source_location declared)
    : node_(detail::on_lock_created(this, lock_kind::timed_mutex, name, declared)) {}

timed_mutex::~timed_mutex() { detail::on_lock_destroyed(node_); }

void timed_mutex::lock(std::source_location where) {
  const bool reported = detail::begin_acquire(node_, lock_mode::exclusive, where);
  detail::lock_exclusive(node_, impl_, where, reported);
  detail::on_acquired(node_, lock_mode::exclusive, {where});
}

bool timed_mutex::try_lock(std::source_location where) {
  if (!impl_.try_lock()) return false;
  detail::on_try_acquired(node_, lock_mode::exclusive, {where});
  return true;
}

void timed_mutex::took_after_waiting(std::source_location where) {
  // The lock is ours and free in the recorder's view: this only adds the
  // order edges (the timed wait may have blocked, so the order is real).
  detail::on_acquire_begin(node_, lock_mode::exclusive, {where});
  detail::on_acquired(node_, lock_mode::exclusive, {where});
}

void timed_mutex::unlock(std::source_location where) {
  switch (detail::on_release(node_, lock_mode::exclusive, {where})) {
    case release_verdict::released:
    case release_verdict::held_by_other:  // released on the owner's behalf
      impl_.unlock();
      break;
    case release_verdict::not_locked:
      break;
  }
}

std::string timed_mutex::name() const { return detail::display_name(*node_); }

std::ostream& operator<<(std::ostream& os, const timed_mutex& m) {
  detail::print_lock_state(os, "timed_mutex", *m.node_, 1);
  return os;
}

}  // namespace lockgraph
