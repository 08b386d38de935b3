// lockgraph::counting_semaphore's core and lockgraph::event: a std::mutex
// and std::condition_variable each, with their waits registered.
#include <lockgraph/event.hpp>
#include <lockgraph/semaphore.hpp>

#include "happens_before.hpp"

#include <ostream>
#include <stdexcept>
#include <system_error>

namespace lockgraph {
namespace detail {
namespace {

void wake_all(const void* cv) {
  const_cast<std::condition_variable*>(static_cast<const std::condition_variable*>(cv))->notify_all();
}

}  // namespace

// --- semaphore -------------------------------------------------------------------

semaphore_core::semaphore_core(std::ptrdiff_t desired, std::ptrdiff_t max, std::string_view name,
                               std::source_location declared)
    : value_(desired), max_(max), info_{"semaphore", std::string(name), declared} {
  on_sync_created();
  if (desired < 0 || desired > max)
    throw std::invalid_argument("lockgraph: semaphore value out of range");
}

semaphore_core::~semaphore_core() { hb_forget(this); }

void semaphore_core::release(std::ptrdiff_t update) {
  {
    std::lock_guard lock(mu_);
    if (update < 0) throw std::system_error(std::make_error_code(std::errc::invalid_argument),
                                            "lockgraph: semaphore release of a negative count");
    if (update > max_ - value_)
      throw std::system_error(std::make_error_code(std::errc::value_too_large),
                              "lockgraph: semaphore released above its maximum");
    hb_release(this);
    value_ += update;
    epoch_.fetch_add(1, std::memory_order_acq_rel);
  }
  // Every waiter re-checks (and re-registers), so none is left counted as
  // possibly woken for ever.
  cv_.notify_all();
}

void semaphore_core::acquire(std::source_location where) {
  std::unique_lock lock(mu_);
  if (value_ == 0) {
    wait_target target;
    target.kind = wait_kind::semaphore;
    target.object = &info_;
    target.epoch = &epoch_;
    target.wake = &wake_all;
    target.wake_context = &cv_;
    wait_scope wait(target, where);
    for (;;) {
      cv_.wait(lock);
      if (value_ != 0) break;
      if (wait.cancelled()) wait.throw_deadlock();
      wait.renew();
    }
  }
  --value_;
  hb_acquire(this);
}

bool semaphore_core::try_acquire() noexcept {
  std::lock_guard lock(mu_);
  if (value_ == 0) return false;
  --value_;
  hb_acquire(this);
  return true;
}

bool semaphore_core::try_acquire_until(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mu_);
  if (!cv_.wait_until(lock, deadline, [&] { return value_ != 0; })) return false;
  --value_;
  hb_acquire(this);
  return true;
}

std::ptrdiff_t semaphore_core::value() const noexcept {
  std::lock_guard lock(mu_);
  return value_;
}

void print_semaphore(std::ostream& os, const char* type, const semaphore_core& s) {
  os << "<lockgraph::" << type << " \"" << s.name() << "\" value=" << s.value() << '>';
}

}  // namespace detail

// --- event -------------------------------------------------------------------------

event::event(std::source_location declared) : info_{"event", {}, declared} {
  detail::on_sync_created();
}

event::event(std::string_view name, std::source_location declared)
    : info_{"event", std::string(name), declared} {
  detail::on_sync_created();
}

event::~event() { detail::hb_forget(this); }

void event::set() {
  {
    std::lock_guard lock(mu_);
    detail::hb_release(this);
    set_.store(true, std::memory_order_release);
    epoch_.fetch_add(1, std::memory_order_acq_rel);
  }
  cv_.notify_all();
}

void event::clear() {
  std::lock_guard lock(mu_);
  set_.store(false, std::memory_order_release);
}

void event::wait(std::source_location where) {
  std::unique_lock lock(mu_);
  if (!set_.load(std::memory_order_relaxed)) {
    detail::wait_target target;
    target.kind = detail::wait_kind::event;
    target.object = &info_;
    target.epoch = &epoch_;
    target.wake = &detail::wake_all;
    target.wake_context = &cv_;
    detail::wait_scope wait(target, where);
    for (;;) {
      cv_.wait(lock);
      if (set_.load(std::memory_order_relaxed)) break;
      if (wait.cancelled()) wait.throw_deadlock();
      wait.renew();
    }
  }
  detail::hb_acquire(this);
}

bool event::wait_steady(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mu_);
  if (!cv_.wait_until(lock, deadline, [&] { return set_.load(std::memory_order_relaxed); }))
    return false;
  detail::hb_acquire(this);
  return true;
}

std::ostream& operator<<(std::ostream& os, const event& e) {
  return os << "<lockgraph::event \"" << e.name() << "\" " << (e.is_set() ? "set" : "unset")
            << '>';
}

}  // namespace lockgraph
