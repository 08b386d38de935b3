// lockgraph::condition_variable: waits on the native mutex inside
// lockgraph::mutex and keeps the recorder's view consistent around it.
#include <lockgraph/condition_variable.hpp>

#include "happens_before.hpp"
#include "recorder.hpp"

#include <ostream>
#include <system_error>

namespace lockgraph {
namespace {

// Where the calling thread acquired `node`, for putting it back after the
// wait (so a lock-leak still points at the real acquisition).
detail::call_site acquisition_site(const detail::lock_node* node, std::source_location fallback) {
  if (detail::thread_state* s = detail::t_state)
    for (std::uint32_t i = s->held_size; i-- > 0;)
      if (s->held[i].node == node) return s->held[i].site;
  return {fallback};
}

void wake_all(const void* cv) {
  const_cast<std::condition_variable*>(static_cast<const std::condition_variable*>(cv))->notify_all();
}

}  // namespace

condition_variable::condition_variable(std::source_location declared)
    : info_{"condition_variable", {}, declared} {
  detail::on_sync_created();
}

condition_variable::condition_variable(std::string_view name, std::source_location declared)
    : info_{"condition_variable", std::string(name), declared} {
  detail::on_sync_created();
}

condition_variable::~condition_variable() { detail::hb_forget(this); }

void condition_variable::notify_one() noexcept {
  detail::hb_release(this);
  epoch_.fetch_add(1, std::memory_order_acq_rel);
  impl_.notify_one();
}

void condition_variable::notify_all() noexcept {
  detail::hb_release(this);
  epoch_.fetch_add(1, std::memory_order_acq_rel);
  impl_.notify_all();
}

void condition_variable::wait(std::unique_lock<mutex>& lock, std::source_location where) {
  if (!lock.owns_lock()) throw std::system_error(std::make_error_code(std::errc::operation_not_permitted));
  mutex& m = *lock.mutex();
  const detail::call_site held_at = acquisition_site(m.node_, where);
  detail::on_release(m.node_, detail::lock_mode::exclusive, {where});
  waiters_.fetch_add(1, std::memory_order_relaxed);
  bool cancelled = false;
  {
    detail::wait_target target;
    target.kind = detail::wait_kind::condition;
    target.object = &info_;
    target.epoch = &epoch_;
    target.wake = &wake_all;
    target.wake_context = &impl_;
    detail::wait_scope wait(target, where);
    std::unique_lock<std::mutex> native(m.impl_, std::adopt_lock);
    impl_.wait(native);
    native.release();
    cancelled = wait.cancelled();
    waiters_.fetch_sub(1, std::memory_order_relaxed);
    detail::on_try_acquired(m.node_, detail::lock_mode::exclusive, held_at);
    detail::hb_acquire(this);
    if (cancelled) wait.throw_deadlock();
  }
}

std::cv_status condition_variable::wait_steady(std::unique_lock<mutex>& lock,
                                               std::chrono::steady_clock::time_point deadline,
                                               std::source_location where) {
  if (!lock.owns_lock()) throw std::system_error(std::make_error_code(std::errc::operation_not_permitted));
  mutex& m = *lock.mutex();
  const detail::call_site held_at = acquisition_site(m.node_, where);
  detail::on_release(m.node_, detail::lock_mode::exclusive, {where});
  waiters_.fetch_add(1, std::memory_order_relaxed);
  // Timed: never a deadlock, so not registered.
  std::unique_lock<std::mutex> native(m.impl_, std::adopt_lock);
  const std::cv_status status = impl_.wait_until(native, deadline);
  native.release();
  waiters_.fetch_sub(1, std::memory_order_relaxed);
  detail::on_try_acquired(m.node_, detail::lock_mode::exclusive, held_at);
  if (status == std::cv_status::no_timeout) detail::hb_acquire(this);
  return status;
}

std::ostream& operator<<(std::ostream& os, const condition_variable& cv) {
  return os << "<lockgraph::condition_variable \"" << cv.name() << "\" waiters=" << cv.waiters()
            << '>';
}

}  // namespace lockgraph
