#!/usr/bin/env bash
# bench/checker.sh — how much does `lockgraph check` cost compared with just
# parsing the code? For one compile database it times, in the same run:
#   (a) clang-19 -fsyntax-only over every TU of the database, with each entry's
#       own flags, sequentially (one process per TU, like -j 1)
#   (b) lockgraph check -p DIR -j 1
#   (c) lockgraph check -p DIR -j 2
# Each is repeated (default 3 times, interleaved a,b,c,a,b,c,...); the table shows
# the median (and min/max) wall time and peak RSS, then the ratios (b)/(a)
# (checker cost relative to parsing alone) and (b)/(c) (speed-up from -j 2).
# lockgraph writes its report with --format=json -o into a temporary directory, so
# no report rendering to the terminal is measured.
#
# Usage:  bench/checker.sh [-n REPEATS] [--syntax-only] [BUILD_DIR | compile_commands.json]
#   default database: $LOCKGRAPH_TREES/leveldb/build (run bench/fetch-trees.sh first)
#   --syntax-only   time only (a) (works without the lockgraph binary)
#
# Environment:
#   LOCKGRAPH        the lockgraph binary (default: build/bin/lockgraph in the repo)
#   LOCKGRAPH_TREES  cache dir of bench/fetch-trees.sh (default: $HOME/.cache/lockgraph-trees)
#
# Uses only bash, python3 (standard library, via bench/compdb.py) and /usr/bin/time.
# Fails (exit 2) with a clear message if the lockgraph binary is missing, and
# (exit 1) if lockgraph exits with 3 (internal error) or dies of a signal.
# Runs from any cwd.
set -euo pipefail

src="${BASH_SOURCE[0]}"
if [[ $src == */* ]]; then HERE="$(cd "${src%/*}" && pwd)"; else HERE="$PWD"; fi
ROOT="$(cd "$HERE/.." && pwd)"
COMPDB="$HERE/compdb.py"
LOCKGRAPH="${LOCKGRAPH:-$ROOT/build/bin/lockgraph}"
TREES="${LOCKGRAPH_TREES:-$HOME/.cache/lockgraph-trees}"
TIME=/usr/bin/time

REPEATS=3
SYNTAX_ONLY=0
DB_ARG=""
while (($#)); do
  case "$1" in
    -n) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || { echo "checker.sh: -n needs a positive number" >&2; exit 2; }
        REPEATS=$2; shift ;;
    --syntax-only) SYNTAX_ONLY=1 ;;
    -h|--help) while IFS= read -r line; do
                 [[ $line == "set -euo pipefail" ]] && break
                 [[ $line == '#!'* ]] || { line=${line#\#}; echo "${line# }"; }
               done <"$src"; exit 0 ;;
    -*) echo "checker.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) [[ -z $DB_ARG ]] || { echo "checker.sh: only one database, please" >&2; exit 2; }
       DB_ARG=$1 ;;
  esac
  shift
done

die() { printf 'checker.sh: %s\n' "$*" >&2; exit 2; }

[[ -x $TIME ]] || die "$TIME is missing (Debian package 'time')"

# Resolve the database: a build dir holding compile_commands.json, or the file itself.
DB_ARG="${DB_ARG:-$TREES/leveldb/build}"
if [[ -f $DB_ARG ]]; then
  [[ $DB_ARG == */* ]] && DB_DIR="${DB_ARG%/*}" || DB_DIR=.
  [[ ${DB_ARG##*/} == compile_commands.json ]] ||
    die "$DB_ARG: lockgraph -p needs a directory holding compile_commands.json"
else
  DB_DIR="$DB_ARG"
fi
[[ -f $DB_DIR/compile_commands.json ]] ||
  die "no compile_commands.json in $DB_DIR (for the default trees run bench/fetch-trees.sh first)"
DB_DIR="$(cd "$DB_DIR" && pwd)"
DB="$DB_DIR/compile_commands.json"

if ((!SYNTAX_ONLY)); then
  if [[ ! -e $LOCKGRAPH ]]; then
    die "lockgraph binary not found: $LOCKGRAPH
  build it first (cmake --build build), set LOCKGRAPH=/path/to/lockgraph,
  or pass --syntax-only to time only clang-19 -fsyntax-only"
  fi
  [[ -x $LOCKGRAPH ]] || die "lockgraph binary is not executable: $LOCKGRAPH"
  [[ $LOCKGRAPH == /* ]] || LOCKGRAPH="$PWD/$LOCKGRAPH"
fi

read -r ENTRIES UNIQUE < <(python3 "$COMPDB" stats "$DB")
WORK="$(python3 -c 'import tempfile; print(tempfile.mkdtemp(prefix="lockgraph-checker-bench."))')"
cleanup() { python3 -c 'import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)' "$WORK"; }
trap cleanup EXIT

echo "database: $DB ($ENTRIES entries, $UNIQUE unique files)"
((SYNTAX_ONLY)) || echo "lockgraph: $LOCKGRAPH"
echo "repeats:  $REPEATS (median reported)"
echo

# run_timed NAME I CMD... — run CMD under /usr/bin/time, append "wall rss_kb" to
# $WORK/NAME.times, keep its output in $WORK/NAME.I.log, set RC.
run_timed() {
  local name=$1 i=$2
  shift 2
  RC=0
  "$TIME" -q -f '%e %M' -o "$WORK/$name.$i.time" "$@" >"$WORK/$name.$i.log" 2>&1 </dev/null || RC=$?
  local wall rss
  read -r wall rss <"$WORK/$name.$i.time"
  echo "$wall $rss" >>"$WORK/$name.times"
  printf '  %-3s run %d: %8ss  exit %d\n' "$name" "$i" "$wall" "$RC"
}

lockgraph_failed() {
  local name=$1 i=$2
  echo "checker.sh: ($name) lockgraph $(
    if ((RC > 128)); then echo "died of signal $((RC - 128))"; else echo "exited $RC (internal error)"; fi
  ); last lines of its output:" >&2
  python3 -c 'import sys; print("".join(open(sys.argv[1], errors="replace").readlines()[-20:]), end="")' \
    "$WORK/$name.$i.log" >&2
  exit 1
}

SYNTAX_FAILS=0
for ((i = 1; i <= REPEATS; i++)); do
  run_timed a "$i" python3 "$COMPDB" syntax "$DB" -j 1 --quiet
  if ((RC != 0)); then
    SYNTAX_FAILS=1
    ((RC == 1)) || { echo "checker.sh: the syntax-only loop itself failed (exit $RC):" >&2; cat "$WORK/a.$i.log" >&2; exit 1; }
  fi
  ((SYNTAX_ONLY)) && continue
  for cfg in "b 1" "c 2"; do
    read -r name jobs <<<"$cfg"
    run_timed "$name" "$i" "$LOCKGRAPH" check -p "$DB_DIR" --format=json -o "$WORK/$name.$i.json" -j "$jobs"
    ((RC <= 2)) || lockgraph_failed "$name" "$i"
  done
done

if ((SYNTAX_FAILS)); then
  echo
  echo "warning: some entries fail clang-19 -fsyntax-only (they are still timed):"
  python3 -c 'import sys; print("".join(l for l in open(sys.argv[1]) if "failed" in l), end="")' "$WORK/a.1.log"
fi

echo
python3 - "$WORK" "$SYNTAX_ONLY" "$ENTRIES" <<'EOF'
import os, statistics, sys
work, syntax_only, entries = sys.argv[1], sys.argv[2] == "1", int(sys.argv[3])
rows = [("a", "clang-19 -fsyntax-only, sequential")]
if not syntax_only:
    rows += [("b", "lockgraph check -j 1"), ("c", "lockgraph check -j 2")]
med = {}
print(f"{'':4}{'what':38}{'median':>9}{'min':>9}{'max':>9}{'per TU':>9}{'max RSS':>10}")
for key, label in rows:
    walls, rss = [], []
    with open(os.path.join(work, key + ".times")) as f:
        for line in f:
            w, r = line.split()
            walls.append(float(w)); rss.append(int(r))
    m = med[key] = statistics.median(walls)
    print(f"({key}) {label:38}{m:8.2f}s{min(walls):8.2f}s{max(walls):8.2f}s"
          f"{1000 * m / max(entries, 1):7.0f}ms{statistics.median(rss) / 1024:8.0f}MB")
if not syntax_only:
    print()
    ratio = lambda x, y: f"{med[x] / med[y]:.2f}" if med[y] > 0 else "n/a"
    print(f"(b)/(a) = {ratio('b', 'a')}   lockgraph -j 1 vs. parsing alone")
    print(f"(b)/(c) = {ratio('b', 'c')}   speed-up of -j 2 over -j 1")
EOF
