// Memory per lock (the object plus what the runtime allocates for it) and
// per lock-order edge. The heap's growth is read from glibc's mallinfo2()
// (bytes in use, chunk headers included, mmapped blocks too), so malloc
// calls made by the runtime outside operator new count as well; operator
// new is replaced to also report what was asked for. Reported as counters;
// the timed loops create and destroy one lock, and nest a fresh pair.
#include "suites.hpp"

#include <lockgraph/mutex.hpp>

#include <benchmark/benchmark.h>

#include <malloc.h>
#include <atomic>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <new>
#include <vector>

namespace {

// Counted only while set, and only on the thread that set it.
thread_local bool t_counting = false;
thread_local std::size_t t_requested = 0;

void* counted_alloc(std::size_t n) {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (!p) throw std::bad_alloc();
  if (t_counting) t_requested += n;
  return p;
}

void counted_free(void* p) { std::free(p); }

// Bytes the heap has handed out (the measuring thread's arena is the main
// one: the benchmarks run on the main thread).
std::ptrdiff_t heap_in_use() {
  const struct mallinfo2 info = mallinfo2();
  return static_cast<std::ptrdiff_t>(info.uordblks + info.hblkhd);
}

}  // namespace

void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }

namespace lockgraph_bench {
namespace {

struct allocation_count {
  std::size_t requested = 0;  // asked of operator new (frees not subtracted)
  std::ptrdiff_t in_use = 0;  // the heap's net growth, malloc's headers included
};

template <class F>
allocation_count count_allocations(F&& f) {
  t_requested = 0;
  const std::ptrdiff_t before = heap_in_use();
  t_counting = true;
  f();
  t_counting = false;
  return {t_requested, heap_in_use() - before};
}

constexpr std::size_t locks_measured = 1000;
// Edges: enough that the containers' doubling is averaged over.
constexpr std::size_t edges_measured = 20000;

// bytes_per_lock: sizeof plus the heap's growth per lock (lockgraph: its
// node, with malloc's header). heap_requested_per_lock: what was asked for.
template <class Mutex>
void memory_per_lock(benchmark::State& state) {
  // Objects in storage allocated outside the count: only what the lock
  // itself allocates is measured.
  auto storage =
      std::make_unique<std::aligned_storage_t<sizeof(Mutex), alignof(Mutex)>[]>(locks_measured);
  Mutex* locks = reinterpret_cast<Mutex*>(storage.get());
  const allocation_count heap = count_allocations([&] {
    for (std::size_t i = 0; i < locks_measured; ++i) new (&locks[i]) Mutex();
  });
  for (std::size_t i = 0; i < locks_measured; ++i) locks[i].~Mutex();

  for (auto _ : state) {
    Mutex m;
    benchmark::DoNotOptimize(&m);
  }
  state.counters["sizeof"] = sizeof(Mutex);
  state.counters["heap_requested_per_lock"] = static_cast<double>(heap.requested) / locks_measured;
  state.counters["bytes_per_lock"] =
      sizeof(Mutex) + static_cast<double>(heap.in_use) / locks_measured;
}

// What the lock-order graph costs per distinct edge between two new locks
// (graph node ids, the edge and its witness, the thread's edge cache),
// averaged over many edges so that container growth is amortised. The
// timed loop is a first nested acquisition of a fresh pair.
void memory_per_edge(benchmark::State& state) {
  std::vector<std::unique_ptr<lockgraph::mutex>> locks;
  for (std::size_t i = 0; i < 2 * edges_measured; ++i)
    locks.push_back(std::make_unique<lockgraph::mutex>());
  const allocation_count heap = count_allocations([&] {
    for (std::size_t i = 0; i < edges_measured; ++i) {
      std::lock_guard a(*locks[2 * i]);
      std::lock_guard b(*locks[2 * i + 1]);
    }
  });
  for (auto _ : state) {
    state.PauseTiming();
    lockgraph::mutex a, b;
    state.ResumeTiming();
    std::lock_guard x(a);
    std::lock_guard y(b);
  }
  state.counters["heap_bytes_per_edge"] = static_cast<double>(heap.in_use) / edges_measured;
}

}  // namespace

void register_memory_benchmarks() {
  benchmark::RegisterBenchmark("memory_per_lock/std", memory_per_lock<std::mutex>);
  benchmark::RegisterBenchmark("memory_per_lock/lockgraph", memory_per_lock<lockgraph::mutex>);
  benchmark::RegisterBenchmark("memory_per_edge/lockgraph", memory_per_edge)->Iterations(10000);
}

}  // namespace lockgraph_bench
