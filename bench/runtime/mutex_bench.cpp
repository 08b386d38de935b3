// lockgraph::mutex against std::mutex on the hot paths: an uncontended
// lock+unlock, a nested pair whose order edge is already known, and a lock
// contended by 2 and 4 threads.
#include "suites.hpp"

#include <lockgraph/mutex.hpp>

#include <benchmark/benchmark.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace lockgraph_bench {
namespace {

// A second thread that sleeps for the duration of a benchmark: the process
// is then multithreaded, the only case in which a mutex matters (glibc's
// mutex takes a cheaper path until the first thread is created).
class idle_thread {
 public:
  idle_thread()
      : thread_([this] {
          std::unique_lock lock(mu_);
          wake_.wait(lock, [this] { return done_; });
        }) {}
  ~idle_thread() {
    {
      std::lock_guard lock(mu_);
      done_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }
  idle_thread(const idle_thread&) = delete;
  idle_thread& operator=(const idle_thread&) = delete;

 private:
  std::mutex mu_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

template <class Mutex>
void lock_unlock(benchmark::State& state) {
  Mutex m;
  for (auto _ : state) {
    m.lock();
    m.unlock();
  }
}

template <class Mutex>
void lock_unlock_second_thread(benchmark::State& state) {
  idle_thread other;
  lock_unlock<Mutex>(state);
}

// a then b, every iteration; the edge a -> b is recorded before timing
// starts, so the loop measures the known-edge path.
template <class Mutex>
void nested_known(benchmark::State& state) {
  Mutex a, b;
  {
    std::lock_guard x(a);
    std::lock_guard y(b);
  }
  for (auto _ : state) {
    a.lock();
    b.lock();
    b.unlock();
    a.unlock();
  }
}

template <class Mutex>
void nested_known_second_thread(benchmark::State& state) {
  idle_thread other;
  nested_known<Mutex>(state);
}

// Every benchmark thread takes the one lock in a loop around a tiny
// critical section.
template <class Mutex>
void contended(benchmark::State& state) {
  static Mutex m;
  static long counter = 0;
  for (auto _ : state) {
    m.lock();
    ++counter;
    benchmark::DoNotOptimize(counter);
    m.unlock();
  }
}

template <class Bench>
void add_pair(const char* name, Bench std_version, Bench lockgraph_version, int threads = 0) {
  for (auto [impl, fn] :
       {std::pair{"std", std_version}, std::pair{"lockgraph", lockgraph_version}}) {
    auto* b = benchmark::RegisterBenchmark((std::string(name) + "/" + impl).c_str(), fn);
    if (threads) b->Threads(threads)->UseRealTime();
  }
}

}  // namespace

void register_mutex_benchmarks() {
  using lg = lockgraph::mutex;
  // Single-threaded process: these must run first (see main.cpp).
  add_pair("lock_unlock_1thread", lock_unlock<std::mutex>, lock_unlock<lg>);
  add_pair("nested_known_1thread", nested_known<std::mutex>, nested_known<lg>);
  // From here on the process has other threads.
  add_pair("lock_unlock", lock_unlock_second_thread<std::mutex>, lock_unlock_second_thread<lg>);
  add_pair("nested_known", nested_known_second_thread<std::mutex>, nested_known_second_thread<lg>);
  add_pair("contended_2threads", contended<std::mutex>, contended<lg>, 2);
  add_pair("contended_4threads", contended<std::mutex>, contended<lg>, 4);
}

}  // namespace lockgraph_bench
