// lockgraph/shared_mutex.hpp — lockgraph::shared_mutex: a reader-writer lock
// (std::shared_mutex) that tells the lockgraph recorder what it does.
//
// Overview
// --------
// A drop-in replacement for std::shared_mutex: lock/try_lock/unlock for the
// writer, lock_shared/try_lock_shared/unlock_shared for readers, so
// std::unique_lock, std::lock_guard, std::scoped_lock and std::shared_lock
// work with it. The recorder sees writers as exclusive and readers as shared
// acquisitions (lock_mode::shared):
//
//   * order edges are recorded for both; a lock-order cycle made only of
//     read acquisitions (every edge taken holding a read lock and taking
//     another read lock) is not reported: readers do not block readers;
//   * a writer waiting for readers, or a reader for the writer, is a
//     registered wait, so a real deadlock through it is reported.
//
//     lockgraph::shared_mutex table{"table"};
//     { std::shared_lock read(table); lookup(); }       // many at once
//     { std::unique_lock write(table); insert(); }      // alone
//     std::cout << table << '\n';   // <unlocked lockgraph::shared_mutex "table">
//
// std::shared_lock is specialised for lockgraph::shared_mutex (below) with a
// defaulted source location, so findings made through a read guard point at
// the guard's line, as for the exclusive guards.
//
// States
// ------
// | state        | entered by                        | left by                     |
// |--------------|-----------------------------------|-----------------------------|
// | unlocked     | construction; the last unlock*()  | lock(), lock_shared()       |
// | locked       | lock(), try_lock()                | unlock()                    |
// | read-locked  | lock_shared(), try_lock_shared()  | unlock_shared() (n - 1)     |
// |  (n readers) | (n + 1)                           |                             |
//
// Invalid operations
// ------------------
// | operation                                       | finding         | then                        |
// |-------------------------------------------------|-----------------|-----------------------------|
// | lock() or lock_shared() by the writer holding it| self-deadlock   | per deadlock_mode           |
// | lock() by a thread holding it for reading       | self-deadlock   | per deadlock_mode           |
// | lock_shared() by a thread already reading it    | none            | proceeds (glibc prefers     |
// |                                                 |                 | readers); no order edge     |
// | unlock() by a thread that is not the writer     | unlock-not-held | nothing is unlocked         |
// | unlock_shared() by a thread that is not reading | unlock-not-held | nothing is unlocked         |
#pragma once

#include <lockgraph/config.hpp>
#include <lockgraph/mutex.hpp>

#include <atomic>
#include <cstdint>
#include <iosfwd>
#include <shared_mutex>
#include <source_location>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace lockgraph {

class LOCKGRAPH_API shared_mutex {
 public:
  using native_handle_type = std::shared_mutex::native_handle_type;

  shared_mutex(std::source_location declared = std::source_location::current());
  explicit shared_mutex(std::string_view name,
                        std::source_location declared = std::source_location::current());
  ~shared_mutex();

  shared_mutex(const shared_mutex&) = delete;
  shared_mutex& operator=(const shared_mutex&) = delete;

  // Exclusive (writer) access, as mutex::lock/try_lock/unlock.
  void lock(std::source_location where = std::source_location::current());
  bool try_lock(std::source_location where = std::source_location::current());
  void unlock(std::source_location where = std::source_location::current());

  // Shared (reader) access. lock_shared() waits while a writer holds it.
  void lock_shared(std::source_location where = std::source_location::current());
  bool try_lock_shared(std::source_location where = std::source_location::current());
  void unlock_shared(std::source_location where = std::source_location::current());

  native_handle_type native_handle() { return impl_.native_handle(); }

  std::string name() const;

  // Readers holding it now (a snapshot, for diagnostics).
  unsigned readers() const { return readers_.load(std::memory_order_relaxed); }

  // <unlocked lockgraph::shared_mutex "table">
  // <locked lockgraph::shared_mutex "table" owner="writer" count=1>
  // <read-locked lockgraph::shared_mutex "table" readers=2>
  friend LOCKGRAPH_API std::ostream& operator<<(std::ostream& os, const shared_mutex& m);

 private:
  std::shared_mutex impl_;
  detail::lock_node* node_;
  std::atomic<unsigned> readers_{0};
  // Bumped on every release: a waiter for readers is stuck only while it
  // stays the same (the recorder does not name readers as owners).
  std::atomic<std::uint64_t> releases_{0};
};

namespace detail {
template <>
inline constexpr bool is_instrumented_lock<lockgraph::shared_mutex> = true;
}  // namespace detail

}  // namespace lockgraph

namespace std {

// std::shared_lock for lockgraph::shared_mutex, with the interface of the
// standard one plus a defaulted source location (as lockgraph/detail/
// std_guards.hpp does for the exclusive guards), so that findings made
// through a read guard point at the guard's line.
template <>
class shared_lock<lockgraph::shared_mutex> {
 public:
  using mutex_type = lockgraph::shared_mutex;

  shared_lock() noexcept = default;
  explicit shared_lock(mutex_type& m, source_location where = source_location::current())
      : m_(&m), where_(where) {
    m_->lock_shared(where_);
    owns_ = true;
  }
  shared_lock(mutex_type& m, defer_lock_t,
              source_location where = source_location::current()) noexcept
      : m_(&m), where_(where) {}
  shared_lock(mutex_type& m, try_to_lock_t, source_location where = source_location::current())
      : m_(&m), owns_(m.try_lock_shared(where)), where_(where) {}
  shared_lock(mutex_type& m, adopt_lock_t,
              source_location where = source_location::current()) noexcept
      : m_(&m), owns_(true), where_(where) {}
  ~shared_lock() {
    if (owns_) m_->unlock_shared(where_);
  }

  shared_lock(const shared_lock&) = delete;
  shared_lock& operator=(const shared_lock&) = delete;
  shared_lock(shared_lock&& other) noexcept
      : m_(std::exchange(other.m_, nullptr)),
        owns_(std::exchange(other.owns_, false)),
        where_(other.where_) {}
  shared_lock& operator=(shared_lock&& other) noexcept {
    if (owns_) m_->unlock_shared(where_);
    shared_lock(std::move(other)).swap(*this);
    return *this;
  }

  void lock(source_location where = source_location::current()) {
    check_lockable();
    m_->lock_shared(site(where));
    owns_ = true;
  }
  bool try_lock(source_location where = source_location::current()) {
    check_lockable();
    owns_ = m_->try_lock_shared(site(where));
    return owns_;
  }
  void unlock(source_location where = source_location::current()) {
    if (!owns_) throw system_error(make_error_code(errc::operation_not_permitted));
    m_->unlock_shared(site(where));
    owns_ = false;
  }

  void swap(shared_lock& other) noexcept {
    std::swap(m_, other.m_);
    std::swap(owns_, other.owns_);
    std::swap(where_, other.where_);
  }
  mutex_type* release() noexcept {
    owns_ = false;
    return std::exchange(m_, nullptr);
  }
  bool owns_lock() const noexcept { return owns_; }
  explicit operator bool() const noexcept { return owns_; }
  mutex_type* mutex() const noexcept { return m_; }

 private:
  void check_lockable() const {
    if (!m_) throw system_error(make_error_code(errc::operation_not_permitted));
    if (owns_) throw system_error(make_error_code(errc::resource_deadlock_would_occur));
  }
  source_location site(source_location where) const {
    return lockgraph::detail::in_standard_library(where) ? where_ : where;
  }

  mutex_type* m_ = nullptr;
  bool owns_ = false;
  source_location where_;
};

}  // namespace std
