// lockgraph::shared_mutex: std::shared_mutex that calls the recorder around
// every operation, readers as shared acquisitions.
#include <lockgraph/shared_mutex.hpp>

#include "lock_wait.hpp"

#include <ostream>

namespace lockgraph {
namespace {

using detail::lock_kind;
using detail::lock_mode;
using detail::release_verdict;

}  // namespace

// --- shared_mutex ------------------------------------------------------------------

shared_mutex::shared_mutex(std::source_location declared)
    : node_(detail::on_lock_created(this, lock_kind::shared_mutex, {}, declared)) {}

shared_mutex::shared_mutex(std::string_view name, std::source_location declared)
    : node_(detail::on_lock_created(this, lock_kind::shared_mutex, name, declared)) {}

shared_mutex::~shared_mutex() { detail::on_lock_destroyed(node_); }

void shared_mutex::lock(std::source_location where) {
  const bool reported = detail::begin_acquire(node_, lock_mode::exclusive, where);
  if (!impl_.try_lock())
    detail::wait_for_lock(node_, lock_mode::exclusive, where, reported,
                          [](void* m) { static_cast<std::shared_mutex*>(m)->lock(); }, &impl_,
                          &releases_);
  detail::on_acquired(node_, lock_mode::exclusive, {where});
}

bool shared_mutex::try_lock(std::source_location where) {
  if (!impl_.try_lock()) return false;
  detail::on_try_acquired(node_, lock_mode::exclusive, {where});
  return true;
}

void shared_mutex::unlock(std::source_location where) {
  // Only the writer may release it; a non-owner releases nothing.
  if (detail::on_release(node_, lock_mode::exclusive, {where}) != release_verdict::released) return;
  releases_.fetch_add(1, std::memory_order_release);
  impl_.unlock();
}

void shared_mutex::lock_shared(std::source_location where) {
  const bool reported = detail::begin_acquire(node_, lock_mode::shared, where);
  if (!impl_.try_lock_shared())
    detail::wait_for_lock(node_, lock_mode::shared, where, reported,
                          [](void* m) { static_cast<std::shared_mutex*>(m)->lock_shared(); },
                          &impl_, &releases_);
  readers_.fetch_add(1, std::memory_order_relaxed);
  detail::on_acquired(node_, lock_mode::shared, {where});
}

bool shared_mutex::try_lock_shared(std::source_location where) {
  if (!impl_.try_lock_shared()) return false;
  readers_.fetch_add(1, std::memory_order_relaxed);
  detail::on_try_acquired(node_, lock_mode::shared, {where});
  return true;
}

void shared_mutex::unlock_shared(std::source_location where) {
  if (detail::on_release(node_, lock_mode::shared, {where}) != release_verdict::released) return;
  readers_.fetch_sub(1, std::memory_order_relaxed);
  releases_.fetch_add(1, std::memory_order_release);
  impl_.unlock_shared();
}

std::string shared_mutex::name() const { return detail::display_name(*node_); }

std::ostream& operator<<(std::ostream& os, const shared_mutex& m) {
  if (const unsigned n = m.readers(); n != 0 && detail::owner_name(*m.node_).empty()) {
    os << "<read-locked lockgraph::shared_mutex \"" << m.name() << "\" readers=" << n << '>';
    return os;
  }
  detail::print_lock_state(os, "shared_mutex", *m.node_, 1);
  return os;
}

}  // namespace lockgraph
