#!/usr/bin/env bash
# bench/fetch-trees.sh — fetch real-world C/C++ trees that use locks heavily and
# produce a clang-19 compile_commands.json for each, for benchmarking and
# robustness-testing `lockgraph check`.
#
# Trees (Debian source packages, fetched with `apt-get source`, Debian patches applied):
#   leveldb    C++, port::Mutex/CondVar over std::mutex, thread-safety annotations
#              (cmake, lib + tests + benchmarks)
#   memcached  C, pthread mutexes/condvars everywhere (autotools + bear; built with
#              `make -j2` so that bear records the compile commands)
#   zstd       C, lib/common/pool.c + threading.c + zstdmt (pthread thread pool),
#              programs/fileio_asyncio.c (cmake, static lib + programs)
#   zeromq     C++, libzmq (source package zeromq3): its own mutex_t wrapper class with
#              lock()/unlock() members and a scoped_lock_t guard, no annotations
#              (cmake, shared lib only: no tests, static lib, perf tools or docs)
#
# Usage:  bench/fetch-trees.sh [--force] [--rebuild] [--verify] [TREE...]
#   TREE...     subset of: leveldb memcached zstd zeromq (default: all)
#   --force     re-download the sources and regenerate everything
#   --rebuild   regenerate the compile databases (keep the sources)
#   --verify    re-run the clang-19 -fsyntax-only check even if it passed before
#
# Environment:
#   LOCKGRAPH_TREES   cache dir (default: $HOME/.cache/lockgraph-trees)
#
# Layout of the cache dir:
#   $LOCKGRAPH_TREES/<tree>/src/                         the unpacked, patched source
#   $LOCKGRAPH_TREES/<tree>/build/compile_commands.json  the compile database (pass
#                                                        the build dir to `lockgraph check -p`)
#   $LOCKGRAPH_TREES/<tree>/syntax-check.log             every `clang-19 -fsyntax-only` run
#   $LOCKGRAPH_TREES/trees.tsv                           name, version, build dir, entries,
#                                                        unique files, syntax failures
#
# Idempotent: finished steps are remembered with marker files (.src-ok, .db-ok,
# .verify-ok) and skipped on the next run. Needs root (or sudo) for apt-get: it
# adds a deb-src entry for the configured Debian mirrors if none exists, runs
# `apt-get update` when needed and installs the few packages it needs (falling
# back to `apt-get build-dep -y` only if a configure step fails). Runs from any cwd.
# Every compile database is checked: each entry must pass `clang-19 -fsyntax-only`
# with its own flags; failing entries are reported as warnings (exit stays 0).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
COMPDB="$HERE/compdb.py"
TREES="${LOCKGRAPH_TREES:-$HOME/.cache/lockgraph-trees}"
ALL_TREES=(leveldb memcached zstd zeromq)

FORCE=0 REBUILD=0 VERIFY=0
SELECTED=()
while (($#)); do
  case "$1" in
    --force) FORCE=1 REBUILD=1 VERIFY=1 ;;
    --rebuild) REBUILD=1 VERIFY=1 ;;
    --verify) VERIFY=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fetch-trees.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) SELECTED+=("$1") ;;
  esac
  shift
done
((${#SELECTED[@]})) || SELECTED=("${ALL_TREES[@]}")
for t in "${SELECTED[@]}"; do
  case " ${ALL_TREES[*]} " in *" $t "*) ;; *) echo "fetch-trees.sh: unknown tree '$t' (known: ${ALL_TREES[*]})" >&2; exit 2 ;; esac
done

log() { printf '[fetch-trees] %s\n' "$*" >&2; }
die() { printf '[fetch-trees] error: %s\n' "$*" >&2; exit 1; }

SUDO=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || die "needs root or sudo for apt-get"
  SUDO=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive

# Debian source package per tree.
src_pkg() {
  case "$1" in
    leveldb) echo leveldb ;;
    memcached) echo memcached ;;
    zstd) echo libzstd ;;
    zeromq) echo zeromq3 ;;
  esac
}

# Packages needed to configure each tree and to syntax-check its database.
tree_pkgs() {
  case "$1" in
    leveldb) echo libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev ;;
    memcached) echo bear pkg-config libevent-dev libsasl2-dev libssl-dev ;;
    zstd) echo ;;
    zeromq) echo ;;
  esac
}

# ---------------------------------------------------------------- apt set-up
APT_UPDATED=0
apt_update() {
  ((APT_UPDATED)) && return 0
  log "apt-get update"
  "${SUDO[@]}" apt-get update -qq >/dev/null
  APT_UPDATED=1
}

have_deb_src() {
  grep -rqsE '^[[:space:]]*deb-src[[:space:]]|^Types:.*\bdeb-src\b' \
    /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null
}

ensure_deb_src() {
  if ! have_deb_src; then
    local d=/etc/apt/sources.list.d
    if [[ -f $d/debian.sources ]]; then
      # deb822: the same stanzas as debian.sources, for source packages.
      log "adding deb-src entries: $d/debian-src.sources"
      sed -E 's/^Types:.*/Types: deb-src/' "$d/debian.sources" |
        "${SUDO[@]}" tee "$d/debian-src.sources" >/dev/null
    elif [[ -f /etc/apt/sources.list ]] && grep -qE '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list; then
      log "adding deb-src entries: $d/debian-src.list"
      sed -nE 's/^[[:space:]]*deb[[:space:]]/deb-src /p' /etc/apt/sources.list |
        "${SUDO[@]}" tee "$d/debian-src.list" >/dev/null
    else
      die "no Debian apt sources found to derive a deb-src entry from"
    fi
    apt_update
  fi
  # Package lists may be missing or stale (fresh machine): update once if the
  # source index does not know our packages.
  local t
  for t in "${SELECTED[@]}"; do
    if [[ -z "$(apt-cache showsrc "$(src_pkg "$t")" 2>/dev/null | head -n1)" ]]; then
      apt_update
      [[ -n "$(apt-cache showsrc "$(src_pkg "$t")" 2>/dev/null | head -n1)" ]] ||
        die "apt-cache knows no source package '$(src_pkg "$t")' even after apt-get update"
    fi
  done
}

ensure_pkgs() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  log "apt-get install ${missing[*]}"
  if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    apt_update
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

build_dep() {
  log "configure failed; trying apt-get build-dep -y $1"
  apt_update
  "${SUDO[@]}" apt-get build-dep -y -qq "$1" >/dev/null
}

# ---------------------------------------------------------------- per tree
fetch_src() {
  local t=$1 dir="$TREES/$1" pkg
  pkg=$(src_pkg "$t")
  if ((!FORCE)) && [[ -f $dir/.src-ok && -d $dir/src ]]; then
    log "$t: source present ($(cat "$dir/.version" 2>/dev/null || echo '?'))"
    return 0
  fi
  rm -rf "$dir/dl" "$dir/src" "$dir/.src-ok" "$dir/.db-ok" "$dir/.verify-ok"
  mkdir -p "$dir/dl"
  log "$t: apt-get source $pkg"
  if ! (cd "$dir/dl" && apt-get source "$pkg") >"$dir/fetch.log" 2>&1; then
    # A mirror may lack the newest (security) upload: try the other
    # versions the archive lists.
    local v fetched=0
    for v in $(apt-cache showsrc "$pkg" 2>/dev/null | awk '/^Version:/ {print $2}'); do
      log "$t: retrying with $pkg=$v"
      rm -rf "$dir/dl" && mkdir -p "$dir/dl"
      if (cd "$dir/dl" && apt-get source "$pkg=$v") >>"$dir/fetch.log" 2>&1; then
        fetched=1
        break
      fi
    done
    if ((!fetched)); then
      tail -n 20 "$dir/fetch.log" >&2
      die "$t: apt-get source $pkg failed (log: $dir/fetch.log)"
    fi
  fi
  local unpacked=() d
  for d in "$dir"/dl/*/; do [[ -d $d ]] && unpacked+=("${d%/}"); done
  ((${#unpacked[@]} == 1)) || die "$t: expected one unpacked directory in $dir/dl, found ${#unpacked[@]}"
  mv "${unpacked[0]}" "$dir/src"
  sed -n 's/^Version: //p' "$dir"/dl/*.dsc | head -n1 >"$dir/.version"
  touch "$dir/.src-ok"
}

configure_leveldb() {
  local dir=$1
  cmake -S "$dir/src" -B "$dir/build" -G "Unix Makefiles" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_BUILD_TYPE=Release \
    -DLEVELDB_BUILD_TESTS=ON -DLEVELDB_BUILD_BENCHMARKS=ON
}

configure_zstd() {
  local dir=$1
  cmake -S "$dir/src/build/cmake" -B "$dir/build" -G "Unix Makefiles" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_BUILD_TYPE=Release \
    -DZSTD_MULTITHREAD_SUPPORT=ON -DZSTD_BUILD_STATIC=ON -DZSTD_BUILD_SHARED=OFF \
    -DZSTD_BUILD_PROGRAMS=ON -DZSTD_BUILD_TESTS=OFF
}

configure_zeromq() {
  local dir=$1
  # Shared library only (the static one compiles the same sources again); optional
  # dependencies off so that the database is the same on every machine: built-in
  # tweetnacl/sha1/strlcpy instead of libsodium/NSS/libbsd, no drafts, no
  # PGM/NORM transports; no tests, perf tools, docs or packaging rules.
  cmake -S "$dir/src" -B "$dir/build" -G "Unix Makefiles" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_BUILD_TYPE=Release \
    -DBUILD_SHARED=ON -DBUILD_STATIC=OFF -DBUILD_TESTS=OFF -DWITH_PERF_TOOL=OFF \
    -DWITH_DOCS=OFF -DENABLE_CPACK=OFF -DENABLE_CLANG=OFF -DENABLE_PRECOMPILED=OFF \
    -DENABLE_DRAFTS=OFF -DWITH_LIBSODIUM=OFF -DWITH_NSS=OFF \
    -DWITH_LIBBSD=OFF -DWITH_OPENPGM=OFF -DWITH_NORM=OFF -DWITH_VMCI=OFF
}

configure_memcached() {
  local dir=$1
  mkdir -p "$dir/build"
  # Out-of-tree (VPATH) build with the same features as Debian's package
  # (minus the Lua proxy, which needs vendored sources).
  (cd "$dir/build" && ../src/configure CC=clang-19 --enable-sasl --enable-tls)
}

build_memcached() {
  local dir=$1 cflags
  # configure appends -Werror; clang-19 warns where gcc did not
  # (-Wstrict-prototypes in tls.c), so build with the same flags minus -Werror.
  cflags=$(sed -n 's/^CFLAGS = //p' "$dir/build/Makefile" | sed -E 's/(^| )-Werror( |$)/ /g')
  (cd "$dir/build" && bear --output compile_commands.json -- make -j2 CFLAGS="$cflags")
}

gen_db() {
  local t=$1 dir="$TREES/$1"
  if ((!REBUILD)) && [[ -f $dir/.db-ok && -s $dir/build/compile_commands.json ]]; then
    log "$t: compile database present"
    return 0
  fi
  rm -rf "$dir/build" "$dir/.db-ok" "$dir/.verify-ok"
  log "$t: configuring (log: $dir/configure.log)"
  if ! "configure_$t" "$dir" >"$dir/configure.log" 2>&1; then
    build_dep "$(src_pkg "$t")"
    rm -rf "$dir/build"
    if ! "configure_$t" "$dir" >"$dir/configure.log" 2>&1; then
      tail -n 30 "$dir/configure.log" >&2
      die "$t: configure failed (log: $dir/configure.log)"
    fi
  fi
  if declare -F "build_$t" >/dev/null; then
    log "$t: building with bear (log: $dir/build.log)"
    if ! "build_$t" "$dir" >"$dir/build.log" 2>&1; then
      tail -n 30 "$dir/build.log" >&2
      die "$t: build failed (log: $dir/build.log)"
    fi
  fi
  local stats
  stats=$(python3 "$COMPDB" stats "$dir/build") || die "$t: unreadable compile database"
  [[ ${stats%% *} -gt 0 ]] || die "$t: compile database is empty"
  touch "$dir/.db-ok"
}

verify_db() {
  local t=$1 dir="$TREES/$1" rc=0
  if ((!VERIFY)) && [[ -f $dir/.verify-ok ]]; then
    log "$t: syntax check done before: $(cat "$dir/.verify-ok") failing entries (log: $dir/syntax-check.log)"
    return 0
  fi
  log "$t: clang-19 -fsyntax-only on every entry (-j 2)"
  python3 "$COMPDB" syntax "$dir/build" -j 2 --log "$dir/syntax-check.log" || rc=$?
  if ((rc == 0)); then
    echo 0 >"$dir/.verify-ok"
  elif ((rc == 1)); then
    grep -cE '^\[rc=([1-9]|-)' "$dir/syntax-check.log" >"$dir/.verify-ok" || true
    log "WARNING: $t: $(cat "$dir/.verify-ok") entries fail clang-19 -fsyntax-only (see $dir/syntax-check.log)"
  else
    die "$t: syntax check could not run"
  fi
}

write_manifest() {
  local t dir stats out="$TREES/trees.tsv"
  {
    printf 'name\tversion\tbuild_dir\tentries\tunique_files\tsyntax_failures\n'
    for t in "${ALL_TREES[@]}"; do
      dir="$TREES/$t"
      [[ -f $dir/.db-ok ]] || continue
      stats=$(python3 "$COMPDB" stats "$dir/build")
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$(cat "$dir/.version" 2>/dev/null || echo '?')" \
        "$dir/build" "${stats% *}" "${stats#* }" "$(cat "$dir/.verify-ok" 2>/dev/null || echo '?')"
    done
  } >"$out.tmp"
  mv "$out.tmp" "$out"
}

# ---------------------------------------------------------------- main
mkdir -p "$TREES"
TREES="$(cd "$TREES" && pwd)"

pkgs=(dpkg-dev xz-utils python3 clang-19 cmake make)
for t in "${SELECTED[@]}"; do read -ra extra <<<"$(tree_pkgs "$t")"; pkgs+=("${extra[@]}"); done
ensure_pkgs "${pkgs[@]}"
ensure_deb_src

for t in "${SELECTED[@]}"; do
  fetch_src "$t"
  gen_db "$t"
  verify_db "$t"
done
write_manifest

log "done; trees in $TREES:"
column -t -s $'\t' "$TREES/trees.tsv" 2>/dev/null || cat "$TREES/trees.tsv"
