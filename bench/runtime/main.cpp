// The runtime benchmarks' main: registers the suites in a fixed order
// (single-threaded cases first: glibc's mutex takes a shortcut until a
// process has started its first thread, and the shortcut never comes back),
// then runs Google Benchmark.
#include "suites.hpp"

#include <benchmark/benchmark.h>

int main(int argc, char** argv) {
  lockgraph_bench::register_mutex_benchmarks();
  lockgraph_bench::register_memory_benchmarks();
  lockgraph_bench::register_blocking_benchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
