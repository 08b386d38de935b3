// The runtime benchmark suites. Naming: "<case>/std" and "<case>/lockgraph"
// for the same work with the std type and with its lockgraph counterpart,
// registered next to each other; bench/runtime.sh pairs them by <case>.
#pragma once

namespace lockgraph_bench {

// Uncontended lock+unlock, a nested pair with a known edge, contended
// lock+unlock with 2 and 4 threads (mutex_bench.cpp).
void register_mutex_benchmarks();

// Bytes per lock and per lock-order edge, reported as counters (memory.cpp).
void register_memory_benchmarks();

// thread_pool::submit and blocking_queue put+get, per task and per item,
// against std::thread / std::condition_variable baselines (blocking_bench.cpp).
void register_blocking_benchmarks();

}  // namespace lockgraph_bench
