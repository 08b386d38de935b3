// lockgraph::thread_pool::submit and lockgraph::blocking_queue put/get
// against what a program would write with the standard library alone: a
// pool of std::threads over a std::mutex + std::condition_variable +
// std::deque queue of std::packaged_task, and that queue itself.
#include "suites.hpp"

#include <lockgraph/blocking_queue.hpp>
#include <lockgraph/thread_pool.hpp>

#include <benchmark/benchmark.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace lockgraph_bench {
namespace {

// The baseline queue: Python's queue.Queue with the standard library.
template <class T>
class std_queue {
 public:
  explicit std_queue(std::size_t capacity = 0) : capacity_(capacity) {}

  void put(T item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return capacity_ == 0 || items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  std::optional<T> get() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  std::size_t capacity_;
  bool closed_ = false;
};

// The baseline pool: workers taking std::function tasks from std_queue.
class std_pool {
 public:
  explicit std_pool(std::size_t workers) {
    for (std::size_t i = 0; i < workers; ++i)
      workers_.emplace_back([this] {
        while (std::optional<std::function<void()>> task = tasks_.get()) (*task)();
      });
  }
  ~std_pool() {
    tasks_.close();
    for (std::thread& t : workers_) t.join();
  }
  template <class F>
  auto submit(F f) {
    using R = std::invoke_result_t<F>;
    auto task = std::make_shared<std::packaged_task<R()>>(std::move(f));
    std::future<R> result = task->get_future();
    tasks_.put([task] { (*task)(); });
    return result;
  }

 private:
  std_queue<std::function<void()>> tasks_;
  std::vector<std::thread> workers_;
};

constexpr std::size_t pool_workers = 2;
constexpr int tasks_per_batch = 256;

// Submit a batch of trivial tasks, then wait for every result: the time per
// task is the pool's overhead (queueing, waking a worker, the future).
template <class Pool>
void submit(benchmark::State& state) {
  Pool pool(pool_workers);
  std::vector<decltype(pool.submit([] { return 1; }))> futures;
  futures.reserve(tasks_per_batch);
  for (auto _ : state) {
    futures.clear();
    for (int i = 0; i < tasks_per_batch; ++i) futures.push_back(pool.submit([i] { return i; }));
    long sum = 0;
    for (auto& f : futures) sum += f.get();
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * tasks_per_batch);
}

// One producer (the benchmark thread) and one consumer thread through a
// queue of capacity 64; the time per item is one put and one get.
template <class Queue>
void put_get(benchmark::State& state) {
  Queue queue(64);
  std::thread consumer([&] {
    long sum = 0;
    while (std::optional<int> item = queue.get()) sum += *item;
    benchmark::DoNotOptimize(sum);
  });
  for (auto _ : state) queue.put(1);
  queue.close();
  consumer.join();
  state.SetItemsProcessed(state.iterations());
}

struct lockgraph_pool : lockgraph::thread_pool {
  explicit lockgraph_pool(std::size_t workers) : lockgraph::thread_pool(workers) {}
};

}  // namespace

void register_blocking_benchmarks() {
  benchmark::RegisterBenchmark("pool_submit/std", submit<std_pool>)->UseRealTime();
  benchmark::RegisterBenchmark("pool_submit/lockgraph", submit<lockgraph_pool>)->UseRealTime();
  benchmark::RegisterBenchmark("queue_put_get/std", put_get<std_queue<int>>)->UseRealTime();
  benchmark::RegisterBenchmark("queue_put_get/lockgraph", put_get<lockgraph::blocking_queue<int>>)
      ->UseRealTime();
}

}  // namespace lockgraph_bench
