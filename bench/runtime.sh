#!/usr/bin/env bash
# Runs the runtime benchmarks (bench/runtime, Google Benchmark) and prints
# every lockgraph figure next to its std baseline, with the ratio.
#
#   bench/runtime.sh [-n REPETITIONS] [BUILD_DIR] [-- BENCHMARK_ARGS...]
#
# BUILD_DIR defaults to build/ (configured with LOCKGRAPH_BUILD_BENCHMARKS,
# on when Google Benchmark is installed). The binary is copied first, so a
# rebuild during the run does not change what is measured. Figures are
# medians over REPETITIONS (default 5) runs of each case; std and lockgraph
# cases of a pair run one after the other in the same process. Times are
# CPU time per operation, except for the contended cases (wall time per
# operation per thread, all threads running) and the pool and queue cases
# (wall time per task or item). The raw JSON and the console output are
# kept in the directory named on stderr. (Google Benchmark warns when its
# own library was built without optimisation, as Debian's is; that costs the
# harness, not the code measured, and hits both columns alike.)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

reps=5
build="$ROOT/build"
while [ $# -gt 0 ]; do
  case "$1" in
    -n) reps="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) build="$1"; shift ;;
  esac
done

bin="$build/bin/lockgraph_runtime_bench"
if [ ! -x "$bin" ]; then
  echo "bench/runtime.sh: $bin not found (configure with -DLOCKGRAPH_BUILD_BENCHMARKS=ON and build)" >&2
  exit 2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/lockgraph-bench.XXXXXX")"
cp "$bin" "$work/"
echo "bench/runtime.sh: $reps repetitions; raw results in $work/results.json" >&2

"$work/lockgraph_runtime_bench" \
  --benchmark_repetitions="$reps" \
  --benchmark_report_aggregates_only=true \
  --benchmark_out="$work/results.json" --benchmark_out_format=json \
  "$@" >"$work/console.txt"

python3 - "$work/results.json" <<'PY'
import json, sys

data = json.load(open(sys.argv[1]))
medians = {}
for b in data["benchmarks"]:
    if b.get("aggregate_name") != "median":
        continue
    parts = b["run_name"].split("/")
    case, impl = parts[0], parts[1]
    extra = [p for p in parts[2:] if p.startswith("threads:")]
    key = "/".join([case] + extra)
    time = b["real_time"] if "real_time" in parts else b["cpu_time"]
    if "items_per_second" in b:  # batches: the time per item
        time, unit = 1e9 / b["items_per_second"], "ns"
    else:
        unit = b["time_unit"]
    counters = {k: v for k, v in b.items()
                if k in ("sizeof", "bytes_per_lock", "heap_requested_per_lock",
                         "heap_bytes_per_edge")}
    medians.setdefault(key, {})[impl] = (time, unit, counters)

ctx = data["context"]
print(f"{ctx.get('num_cpus')} CPUs at {ctx.get('mhz_per_cpu')} MHz, load average "
      f"{', '.join(f'{x:.1f}' for x in ctx.get('load_avg', []))}; medians of "
      f"{data['benchmarks'][0].get('repetitions', '?')} repetitions")
print(f"{'case':<34} {'std':>12} {'lockgraph':>12} {'ratio':>7}")
for key, impls in medians.items():
    s, l = impls.get("std"), impls.get("lockgraph")
    fmt = lambda x: f"{x[0]:.1f} {x[1]}" if x else "-"
    ratio = f"{l[0] / s[0]:.2f}x" if s and l and s[0] > 0 else ""
    label = key + (" (create+destroy)" if key == "memory_per_lock" else
                   " (first nesting)" if key == "memory_per_edge" else "")
    print(f"{label:<34} {fmt(s):>12} {fmt(l):>12} {ratio:>7}")
print()
for key, impls in medians.items():
    for impl, (_, _, counters) in impls.items():
        if counters:
            shown = ", ".join(f"{k}={v:.1f}" for k, v in counters.items())
            print(f"{key}/{impl}: {shown}")
PY
