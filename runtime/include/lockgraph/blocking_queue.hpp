// lockgraph/blocking_queue.hpp — lockgraph::blocking_queue<T>: Python's
// queue.Queue, a FIFO that threads block on, with close().
//
// Overview
// --------
//     lockgraph::blocking_queue<int> pipeline{10, "pipeline"};   // maxsize=10; 0: unbounded
//     // producer                                  // consumer
//     pipeline.put(42);                            while (std::optional<int> m = pipeline.get())
//     pipeline.close();  // no more items            consume(*m);   // ends once closed and drained
//     std::cout << pipeline << '\n';   // <lockgraph::blocking_queue "pipeline" size=0 capacity=10 closed>
//
// | member                 | blocks while            | returns / throws                          |
// |------------------------|-------------------------|-------------------------------------------|
// | put(x)                 | full (and not closed)   | throws queue_closed when closed           |
// | try_put(x)             | never                   | false when full; throws when closed       |
// | put_for(x, t)          | full, at most t         | false on timeout; throws when closed      |
// | get()                  | empty (and not closed)  | the item; std::nullopt once closed and    |
// |                        |                         | empty                                     |
// | try_get()              | never                   | the item or std::nullopt                  |
// | get_for(t)             | empty, at most t        | the item; std::nullopt on timeout or once |
// |                        |                         | closed and empty                          |
// | close()                | never                   | wakes every waiter; idempotent            |
//
// get() on a closed queue still returns the items that are left, in order;
// only a closed *and* empty queue returns std::nullopt, so `while (auto x =
// q.get())` drains it. put() on a closed queue throws lockgraph::queue_closed
// (the item is not added): a producer that outlives the consumer fails
// loudly instead of filling a queue nobody reads.
//
// Untimed get() and put() that have to wait are registered with the
// deadlock detector: a consumer waiting on an empty queue that nobody will
// put into, while every other thread is blocked too (main joining it), is
// reported as a `deadlock` instead of hanging (throw mode: the wait throws
// std::system_error(resource_deadlock_would_occur)). Timed waits never are.
//
// A put() happens before the get() that takes its item (for the race
// detector on shared<T>). The queue's own lock is internal: it takes part
// in no lock-order graph.
#pragma once

#include <lockgraph/config.hpp>
#include <lockgraph/detail/waits.hpp>

#include <atomic>
#include <chrono>
#include <concepts>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <ostream>
#include <source_location>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace lockgraph {

// Thrown by put(), try_put() and put_for() on a closed queue.
class queue_closed : public std::runtime_error {
 public:
  explicit queue_closed(const std::string& queue)
      : std::runtime_error("lockgraph: put into closed queue '" + queue + "'") {}
};

template <class T>
class blocking_queue {
 public:
  using value_type = T;
  using size_type = std::size_t;

  // capacity 0: unbounded. Unnamed: reports call it by its declaration site.
  explicit blocking_queue(size_type capacity = 0,
                          std::source_location declared = std::source_location::current())
      : capacity_(capacity), info_{"blocking_queue", {}, declared} {
    detail::on_sync_created();
  }
  blocking_queue(size_type capacity, std::string_view name,
                 std::source_location declared = std::source_location::current())
      : capacity_(capacity), info_{"blocking_queue", std::string(name), declared} {
    detail::on_sync_created();
  }

  ~blocking_queue() { detail::sync_forget(this); }

  blocking_queue(const blocking_queue&) = delete;
  blocking_queue& operator=(const blocking_queue&) = delete;

  // Appends `item`, waiting while the queue is full.
  template <class U = T>
    requires std::constructible_from<T, U&&>
  void put(U&& item, std::source_location where = std::source_location::current()) {
    std::unique_lock lock(mu_);
    if (full_locked() && !closed_) {
      detail::wait_target target = target_for(detail::wait_kind::queue_put, not_full_);
      detail::wait_scope wait(target, where);
      for (;;) {
        not_full_.wait(lock);
        if (!full_locked() || closed_) break;
        if (wait.cancelled()) wait.throw_deadlock();
        wait.renew();
      }
    }
    push_locked(std::forward<U>(item), lock);
  }

  // Appends `item` if there is room; never waits.
  template <class U = T>
    requires std::constructible_from<T, U&&>
  bool try_put(U&& item) {
    std::unique_lock lock(mu_);
    if (full_locked() && !closed_) return false;
    push_locked(std::forward<U>(item), lock);
    return true;
  }

  // Appends `item`, waiting at most `rel` for room; false on timeout.
  template <class U, class Rep, class Period>
    requires std::constructible_from<T, U&&>
  bool put_for(U&& item, const std::chrono::duration<Rep, Period>& rel) {
    std::unique_lock lock(mu_);
    if (!not_full_.wait_for(lock, rel, [&] { return !full_locked() || closed_; })) return false;
    push_locked(std::forward<U>(item), lock);
    return true;
  }

  // Takes the oldest item, waiting while the queue is empty and open.
  // std::nullopt once the queue is closed and empty.
  std::optional<T> get(std::source_location where = std::source_location::current()) {
    std::unique_lock lock(mu_);
    if (items_.empty() && !closed_) {
      detail::wait_target target = target_for(detail::wait_kind::queue_get, not_empty_);
      detail::wait_scope wait(target, where);
      for (;;) {
        not_empty_.wait(lock);
        if (!items_.empty() || closed_) break;
        if (wait.cancelled()) wait.throw_deadlock();
        wait.renew();
      }
    }
    return pop_locked(lock);
  }

  // The oldest item if there is one; never waits.
  std::optional<T> try_get() {
    std::unique_lock lock(mu_);
    return pop_locked(lock);
  }

  // As get(), waiting at most `rel`; std::nullopt on timeout.
  template <class Rep, class Period>
  std::optional<T> get_for(const std::chrono::duration<Rep, Period>& rel) {
    std::unique_lock lock(mu_);
    not_empty_.wait_for(lock, rel, [&] { return !items_.empty() || closed_; });
    return pop_locked(lock);
  }

  // No more puts: every waiter wakes; get() drains what is left.
  void close() {
    {
      std::lock_guard lock(mu_);
      if (closed_) return;
      closed_ = true;
      detail::sync_release(this);
      epoch_.fetch_add(1, std::memory_order_acq_rel);
    }
    not_empty_.notify_all();
    not_full_.notify_all();
  }

  bool closed() const {
    std::lock_guard lock(mu_);
    return closed_;
  }
  size_type size() const {
    std::lock_guard lock(mu_);
    return items_.size();
  }
  bool empty() const { return size() == 0; }
  bool full() const {
    std::lock_guard lock(mu_);
    return full_locked();
  }
  // 0: unbounded.
  size_type capacity() const noexcept { return capacity_; }

  std::string name() const { return info_.display_name(); }

  // <lockgraph::blocking_queue "jobs" size=3 capacity=10>, capacity=unbounded,
  // " closed" appended once closed.
  friend std::ostream& operator<<(std::ostream& os, const blocking_queue& q) {
    std::size_t size;
    bool closed;
    {
      std::lock_guard lock(q.mu_);
      size = q.items_.size();
      closed = q.closed_;
    }
    os << "<lockgraph::blocking_queue \"" << q.name() << "\" size=" << size << " capacity=";
    if (q.capacity_ == 0)
      os << "unbounded";
    else
      os << q.capacity_;
    return os << (closed ? " closed>" : ">");
  }

 private:
  bool full_locked() const { return capacity_ != 0 && items_.size() >= capacity_; }

  detail::wait_target target_for(detail::wait_kind kind, std::condition_variable& cv) {
    detail::wait_target target;
    target.kind = kind;
    target.object = &info_;
    target.epoch = &epoch_;
    target.wake = [](const void* c) {
      const_cast<std::condition_variable*>(static_cast<const std::condition_variable*>(c))
          ->notify_all();
    };
    target.wake_context = &cv;
    return target;
  }

  template <class U>
  void push_locked(U&& item, std::unique_lock<std::mutex>& lock) {
    if (closed_) throw queue_closed(info_.display_name());
    items_.emplace_back(std::forward<U>(item));
    detail::sync_release(this);
    epoch_.fetch_add(1, std::memory_order_acq_rel);
    lock.unlock();
    // All waiters re-check (and re-register), so none stays counted as
    // possibly woken for ever.
    not_empty_.notify_all();
  }

  std::optional<T> pop_locked(std::unique_lock<std::mutex>& lock) {
    if (items_.empty()) return std::nullopt;
    std::optional<T> item(std::move(items_.front()));
    items_.pop_front();
    detail::sync_acquire(this);
    epoch_.fetch_add(1, std::memory_order_acq_rel);
    lock.unlock();
    if (capacity_ != 0) not_full_.notify_all();
    return item;
  }

  mutable std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  const size_type capacity_;
  bool closed_ = false;
  detail::sync_info info_;
  std::atomic<std::uint64_t> epoch_{0};  // bumped by every put, get and close
};

}  // namespace lockgraph
