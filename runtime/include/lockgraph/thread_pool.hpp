// lockgraph/thread_pool.hpp — lockgraph::thread_pool: Python's
// concurrent.futures.ThreadPoolExecutor over lockgraph threads.
//
// Overview
// --------
// A fixed number of worker threads (lockgraph::thread, so the locks their
// tasks take are recorded and named after the pool) take tasks from a
// lockgraph::blocking_queue in submission order.
//
//     {
//       lockgraph::thread_pool pool(3, "pool");          // ThreadPoolExecutor(max_workers=3)
//       auto f = pool.submit(myfunc, "brian");           // lockgraph::future<R>
//       std::vector<int> lengths = pool.map(&std::string::size, names);   // in order
//       f.get();                                         // rethrows the task's exception
//     }                                                  // waits like leaving `with`
//
// Workers are named "<pool>-1", "<pool>-2", ... ("pool-1" for an unnamed pool).
//
// | member           | what                                                        |
// |------------------|-------------------------------------------------------------|
// | submit(f, a...)  | queues f(a...) (decay-copied like std::thread's arguments); |
// |                  | returns a lockgraph::future<R>; throws std::runtime_error   |
// |                  | after shutdown()                                            |
// | map(f, range)    | submit(f, x) for each x, then the results in range order;   |
// |                  | rethrows the first exception                                |
// | shutdown(wait)   | no more submits; the workers finish every queued task and   |
// |                  | end; wait=true joins them. Idempotent                       |
// | ~thread_pool()   | shutdown(true)                                              |
//
// lockgraph::future<R> is a std::future<R> (public base, so it converts)
// whose get() and wait() register an untimed wait with the deadlock
// detector: a result that can never come (the task waits for something
// only the caller would do) is reported as a `deadlock` instead of hanging.
// Submitting happens before the task starts; the task's end happens before
// get() returns (for the race detector on shared<T>).
#pragma once

#include <lockgraph/blocking_queue.hpp>
#include <lockgraph/config.hpp>
#include <lockgraph/detail/waits.hpp>
#include <lockgraph/thread.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <iosfwd>
#include <memory>
#include <ranges>
#include <source_location>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace lockgraph {
namespace detail {

// Shared by a task and its future: bumped when the task ends.
struct task_state {
  std::atomic<std::uint64_t> done{0};
  std::shared_ptr<const sync_info> pool;
  ~task_state() { sync_forget(this); }
};

}  // namespace detail

template <class R>
class future : public std::future<R> {
 public:
  future() noexcept = default;
  future(std::future<R>&& f, std::shared_ptr<detail::task_state> state) noexcept
      : std::future<R>(std::move(f)), state_(std::move(state)) {}

  // Waits for the task and returns its result (or rethrows its exception).
  decltype(auto) get(std::source_location where = std::source_location::current()) {
    wait(where);
    return std::future<R>::get();
  }

  // Waits for the task to end.
  void wait(std::source_location where = std::source_location::current()) const {
    if (state_ && this->valid() &&
        this->wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
      detail::wait_target target;
      target.kind = detail::wait_kind::future;
      target.object = state_->pool.get();
      target.epoch = &state_->done;
      detail::wait_scope scope(target, where);
      std::future<R>::wait();
    } else {
      std::future<R>::wait();
    }
    if (state_) detail::sync_acquire(state_.get());
  }

 private:
  std::shared_ptr<detail::task_state> state_;
};

class LOCKGRAPH_API thread_pool {
 public:
  explicit thread_pool(std::size_t workers,
                       std::source_location declared = std::source_location::current());
  thread_pool(std::size_t workers, std::string_view name,
              std::source_location declared = std::source_location::current());
  ~thread_pool();

  thread_pool(const thread_pool&) = delete;
  thread_pool& operator=(const thread_pool&) = delete;

  template <class F, class... Args>
  auto submit(F&& f, Args&&... args)
      -> future<std::invoke_result_t<std::decay_t<F>, std::decay_t<Args>...>> {
    using R = std::invoke_result_t<std::decay_t<F>, std::decay_t<Args>...>;
    auto state = std::make_shared<detail::task_state>();
    state->pool = info_;
    auto task = std::make_shared<std::packaged_task<R()>>(
        [f = std::forward<F>(f), ... args = std::forward<Args>(args)]() mutable -> R {
          return std::invoke(std::move(f), std::move(args)...);
        });
    future<R> result(task->get_future(), state);
    detail::sync_release(state.get());
    enqueue([task = std::move(task), state = std::move(state)] {
      detail::sync_acquire(state.get());
      (*task)();
      detail::sync_release(state.get());
      state->done.fetch_add(1, std::memory_order_acq_rel);
    });
    return result;
  }

  template <class F, std::ranges::input_range Range>
  auto map(F&& f, Range&& range) {
    using R = std::invoke_result_t<F&, std::ranges::range_reference_t<Range>>;
    static_assert(!std::is_void_v<R>, "map needs a function that returns a value");
    std::vector<future<R>> futures;
    for (auto&& x : range) futures.push_back(submit(f, x));
    std::vector<R> results;
    results.reserve(futures.size());
    for (future<R>& r : futures) results.push_back(r.get());
    return results;
  }

  // No more submits; workers finish the queued tasks. wait: join them.
  void shutdown(bool wait = true);

  std::size_t size() const noexcept { return workers_.size(); }
  std::string name() const { return info_->display_name(); }

  // <lockgraph::thread_pool "pool" workers=3 queued=0> (" shut down" appended)
  friend LOCKGRAPH_API std::ostream& operator<<(std::ostream& os, const thread_pool& p);

 private:
  void start(std::size_t workers);
  void enqueue(std::function<void()> task);

  std::shared_ptr<const detail::sync_info> info_;
  blocking_queue<std::function<void()>> tasks_;
  std::vector<thread> workers_;
  std::atomic<bool> shut_down_{false};
};

}  // namespace lockgraph
