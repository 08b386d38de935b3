#!/usr/bin/env bash
# bench/real-world.sh — run `lockgraph check` over real-world trees (leveldb,
# memcached, zstd, zeromq; see bench/fetch-trees.sh) and report, per tree: number
# of TUs, findings per check, exit code, wall time and any tool error lines.
#
# Usage:  bench/real-world.sh [-o OUT_DIR] [TREE...]
#   TREE...     subset of the trees fetch-trees.sh knows (default: all)
#   -o OUT_DIR  where reports go (default: $LOCKGRAPH_TREES/results):
#               OUT_DIR/<tree>.json (the report) and OUT_DIR/<tree>.log (stdout+stderr)
#
# Environment:
#   LOCKGRAPH          the lockgraph binary (default: build/bin/lockgraph in the repo)
#   LOCKGRAPH_TREES    cache dir of the trees (default: $HOME/.cache/lockgraph-trees)
#   LOCKGRAPH_TIMEOUT  seconds allowed per tree (default: 1800); a timeout is a failure
#
# It first runs bench/fetch-trees.sh (idempotent; fast when the trees are there),
# then for every tree:
#   $LOCKGRAPH check -p <tree>/build --format=json -o OUT_DIR/<tree>.json -j 2
# Exit 0 and 1 (findings) are fine; exit 2 (input error) is reported but tolerated;
# exit 3 (internal error), death by a signal, a timeout, or a missing/unreadable
# JSON report are failures: the script then exits 1. Runs from any cwd.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
COMPDB="$HERE/compdb.py"
LOCKGRAPH="${LOCKGRAPH:-$ROOT/build/bin/lockgraph}"
TREES="${LOCKGRAPH_TREES:-$HOME/.cache/lockgraph-trees}"
TIMEOUT="${LOCKGRAPH_TIMEOUT:-1800}"
OUT=""
SELECTED=()
while (($#)); do
  case "$1" in
    -o) [[ $# -ge 2 ]] || { echo "real-world.sh: -o needs a directory" >&2; exit 2; }; OUT=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "real-world.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) SELECTED+=("$1") ;;
  esac
  shift
done

if [[ ! -x $LOCKGRAPH ]]; then
  echo "real-world.sh: lockgraph binary not found or not executable: $LOCKGRAPH" >&2
  echo "  build it first (cmake --build build, or scripts/test.sh), or set LOCKGRAPH=/path/to/lockgraph" >&2
  exit 2
fi
LOCKGRAPH="$(cd "$(dirname "$LOCKGRAPH")" && pwd)/$(basename "$LOCKGRAPH")"

"$HERE/fetch-trees.sh" "${SELECTED[@]}"

TREES="$(cd "$TREES" && pwd)"
OUT="${OUT:-$TREES/results}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

# Trees to run: the selected ones, or every tree in the manifest.
if ((${#SELECTED[@]} == 0)); then
  while IFS=$'\t' read -r name _; do
    [[ $name == name ]] || SELECTED+=("$name")
  done <"$TREES/trees.tsv"
fi

failures=0
summary=()
for t in "${SELECTED[@]}"; do
  build="$TREES/$t/build"
  report="$OUT/$t.json"
  logf="$OUT/$t.log"
  rm -f "$report"
  read -r entries unique < <(python3 "$COMPDB" stats "$build")

  echo
  echo "=== $t: $entries TUs ($unique unique files), $build"
  cmd=("$LOCKGRAPH" check -p "$build" --format=json -o "$report" -j 2)
  echo "\$ ${cmd[*]}"
  start=$EPOCHREALTIME
  rc=0
  timeout --kill-after=30 "$TIMEOUT" "${cmd[@]}" >"$logf" 2>&1 </dev/null || rc=$?
  end=$EPOCHREALTIME
  secs=$(python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.1f}")' "$start" "$end")

  status=ok
  case $rc in
    0) verdict="exit 0 (clean)" ;;
    1) verdict="exit 1 (findings)" ;;
    2) verdict="exit 2 (input error: some inputs could not be analysed)" ;;
    3) verdict="exit 3 (INTERNAL ERROR)"; status=FAIL ;;
    124) verdict="TIMEOUT after ${TIMEOUT}s"; status=FAIL ;;
    *) if ((rc > 128)); then
         verdict="KILLED by signal $((rc - 128)) ($(kill -l $((rc - 128)) 2>/dev/null || echo '?'))"
       else
         verdict="unexpected exit code $rc"
       fi
       status=FAIL ;;
  esac
  echo "exit: $verdict, wall ${secs}s"

  nfind="-"
  if [[ $status == ok ]]; then
    if counts=$(python3 "$COMPDB" findings "$report" 2>&1); then
      nfind=0
      if [[ -n $counts ]]; then
        echo "findings per check:"
        while read -r check n; do
          printf '  %-26s %6d\n' "$check" "$n"
          nfind=$((nfind + n))
        done <<<"$counts"
      else
        echo "findings per check: none"
      fi
    else
      echo "report: $counts"
      verdict="$verdict, but no readable JSON report"
      status=FAIL
    fi
  fi

  # Tool error lines: diagnostics at error level, crashes, assertion failures.
  errpat='error|fatal|assert|Stack dump|PLEASE submit|Segmentation|Aborted|terminate called|exception'
  nerr=$(grep -ciE "$errpat" "$logf" || true)
  if ((nerr > 0)); then
    echo "tool error lines ($nerr; full output in $logf):"
    grep -iE "$errpat" "$logf" | head -n 25 | sed 's/^/  | /'
    ((nerr > 25)) && echo "  | ... ($((nerr - 25)) more)"
  else
    echo "tool error lines: none (output in $logf)"
  fi

  [[ $status == ok ]] || failures=$((failures + 1))
  summary+=("$(printf '%-10s %6s %8s %6s %9s  %s' "$t" "$entries" "$nfind" "$nerr" "${secs}s" "$status: $verdict")")
done

echo
echo "=== summary (reports in $OUT)"
printf '%-10s %6s %8s %6s %9s  %s\n' tree TUs findings errors wall result
printf '%s\n' "${summary[@]}"
if ((failures)); then
  echo "real-world.sh: $failures tree(s) FAILED (crash, internal error, timeout or no report)" >&2
  exit 1
fi
