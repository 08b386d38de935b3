// std::lock_guard, std::unique_lock and std::scoped_lock specialised for
// lockgraph locks, so that a finding points at the line that declared the
// guard instead of at <mutex>.
//
// The standard allows specialising its templates for program-defined types
// ([namespace.std]); these keep the documented interface of each guard and
// only add a defaulted std::source_location parameter to the constructors
// and to unique_lock's lock/try_lock/unlock. Class template argument
// deduction (std::lock_guard guard(mu);) picks them as usual. Guards over a
// mix of lockgraph and other mutexes use the standard templates.
#pragma once

#include <lockgraph/config.hpp>

#include <chrono>
#include <cstddef>
#include <mutex>
#include <source_location>
#include <string_view>
#include <system_error>
#include <tuple>
#include <utility>

namespace lockgraph::detail {

// A lock whose type has been erased, for locking several at once.
struct lockable_ref {
  void* object;
  void (*lock)(void*, std::source_location);
  bool (*try_lock)(void*, std::source_location);
  void (*unlock)(void*, std::source_location);

  template <class M>
  static lockable_ref of(M& m) {
    return {&m, [](void* p, std::source_location w) { static_cast<M*>(p)->lock(w); },
            [](void* p, std::source_location w) { return static_cast<M*>(p)->try_lock(w); },
            [](void* p, std::source_location w) { static_cast<M*>(p)->unlock(w); }};
  }
};

// std::lock's deadlock-avoiding algorithm: block on one lock, try the
// others, and on failure release everything and start with the one that was
// busy. Only the blocking acquisition can add order edges, and it is made
// while holding none of the others.
LOCKGRAPH_API void lock_all(lockable_ref* locks, std::size_t count, std::source_location where);

// Whether a location lies in a standard library header (libstdc++ or libc++
// install their headers under a "c++" directory), i.e. is not user code.
constexpr bool in_standard_library(std::source_location where) {
  const std::string_view file = where.file_name();
  return file.find("/c++/") != std::string_view::npos ||
         file.find("\\c++\\") != std::string_view::npos;
}

}  // namespace lockgraph::detail

namespace std {

template <lockgraph::detail::instrumented_lock M>
class lock_guard<M> {
 public:
  using mutex_type = M;

  explicit lock_guard(M& m, source_location where = source_location::current())
      : m_(m), where_(where) {
    m_.lock(where_);
  }
  lock_guard(M& m, adopt_lock_t, source_location where = source_location::current()) noexcept
      : m_(m), where_(where) {}
  ~lock_guard() { m_.unlock(where_); }

  lock_guard(const lock_guard&) = delete;
  lock_guard& operator=(const lock_guard&) = delete;

 private:
  M& m_;
  source_location where_;
};

template <lockgraph::detail::instrumented_lock M>
class scoped_lock<M> {
 public:
  using mutex_type = M;

  explicit scoped_lock(M& m, source_location where = source_location::current())
      : m_(m), where_(where) {
    m_.lock(where_);
  }
  scoped_lock(adopt_lock_t, M& m, source_location where = source_location::current()) noexcept
      : m_(m), where_(where) {}
  ~scoped_lock() { m_.unlock(where_); }

  scoped_lock(const scoped_lock&) = delete;
  scoped_lock& operator=(const scoped_lock&) = delete;

 private:
  M& m_;
  source_location where_;
};

template <lockgraph::detail::instrumented_lock... Ms>
  requires(sizeof...(Ms) > 1)
class scoped_lock<Ms...> {
 public:
  explicit scoped_lock(Ms&... ms, source_location where = source_location::current())
      : locks_(ms...), where_(where) {
    lockgraph::detail::lockable_ref refs[] = {lockgraph::detail::lockable_ref::of(ms)...};
    lockgraph::detail::lock_all(refs, sizeof...(Ms), where_);
  }
  explicit scoped_lock(adopt_lock_t, Ms&... ms,
                       source_location where = source_location::current()) noexcept
      : locks_(ms...), where_(where) {}
  ~scoped_lock() {
    std::apply([this](auto&... m) { (m.unlock(where_), ...); }, locks_);
  }

  scoped_lock(const scoped_lock&) = delete;
  scoped_lock& operator=(const scoped_lock&) = delete;

 private:
  tuple<Ms&...> locks_;
  source_location where_;
};

template <lockgraph::detail::instrumented_lock M>
class unique_lock<M> {
 public:
  using mutex_type = M;

  unique_lock() noexcept = default;

  explicit unique_lock(M& m, source_location where = source_location::current())
      : m_(&m), where_(where) {
    m_->lock(where_);
    owns_ = true;
  }
  unique_lock(M& m, defer_lock_t, source_location where = source_location::current()) noexcept
      : m_(&m), where_(where) {}
  unique_lock(M& m, try_to_lock_t, source_location where = source_location::current())
      : m_(&m), owns_(m.try_lock(where)), where_(where) {}
  unique_lock(M& m, adopt_lock_t, source_location where = source_location::current()) noexcept
      : m_(&m), owns_(true), where_(where) {}
  // Timed forms, for lockgraph::timed_mutex.
  template <class Rep, class Period>
  unique_lock(M& m, const chrono::duration<Rep, Period>& rel,
              source_location where = source_location::current())
      : m_(&m), owns_(m.try_lock_for(rel, where)), where_(where) {}
  template <class Clock, class Duration>
  unique_lock(M& m, const chrono::time_point<Clock, Duration>& deadline,
              source_location where = source_location::current())
      : m_(&m), owns_(m.try_lock_until(deadline, where)), where_(where) {}

  ~unique_lock() {
    if (owns_) m_->unlock(where_);
  }

  unique_lock(const unique_lock&) = delete;
  unique_lock& operator=(const unique_lock&) = delete;

  unique_lock(unique_lock&& other) noexcept
      : m_(std::exchange(other.m_, nullptr)),
        owns_(std::exchange(other.owns_, false)),
        where_(other.where_) {}
  unique_lock& operator=(unique_lock&& other) noexcept {
    if (owns_) m_->unlock(where_);
    unique_lock(std::move(other)).swap(*this);
    return *this;
  }

  // Called from std::lock or std::condition_variable_any the location is in
  // <mutex>; the guard's own location is the better answer then.
  void lock(source_location where = source_location::current()) {
    check_lockable();
    m_->lock(site(where));
    owns_ = true;
  }
  bool try_lock(source_location where = source_location::current()) {
    check_lockable();
    owns_ = m_->try_lock(site(where));
    return owns_;
  }
  template <class Rep, class Period>
  bool try_lock_for(const chrono::duration<Rep, Period>& rel,
                    source_location where = source_location::current()) {
    check_lockable();
    owns_ = m_->try_lock_for(rel, site(where));
    return owns_;
  }
  template <class Clock, class Duration>
  bool try_lock_until(const chrono::time_point<Clock, Duration>& deadline,
                      source_location where = source_location::current()) {
    check_lockable();
    owns_ = m_->try_lock_until(deadline, site(where));
    return owns_;
  }
  void unlock(source_location where = source_location::current()) {
    if (!owns_) throw system_error(make_error_code(errc::operation_not_permitted));
    m_->unlock(site(where));
    owns_ = false;
  }

  void swap(unique_lock& other) noexcept {
    std::swap(m_, other.m_);
    std::swap(owns_, other.owns_);
    std::swap(where_, other.where_);
  }
  M* release() noexcept {
    owns_ = false;
    return std::exchange(m_, nullptr);
  }
  bool owns_lock() const noexcept { return owns_; }
  explicit operator bool() const noexcept { return owns_; }
  M* mutex() const noexcept { return m_; }

 private:
  void check_lockable() const {
    if (!m_) throw system_error(make_error_code(errc::operation_not_permitted));
    if (owns_) throw system_error(make_error_code(errc::resource_deadlock_would_occur));
  }
  source_location site(source_location where) const {
    return lockgraph::detail::in_standard_library(where) ? where_ : where;
  }

  M* m_ = nullptr;
  bool owns_ = false;
  source_location where_;
};

}  // namespace std
