#!/usr/bin/env bash
# Shared by test.sh and demo.sh: install missing Debian packages, then
# configure and build lockgraph into build/ (Release).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

PACKAGES=(clang-19 libclang-19-dev llvm-19-dev llvm-19-tools
          nlohmann-json3-dev libgtest-dev libbenchmark-dev
          cmake ninja-build g++ python3 python3-jsonschema pkgconf)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "lockgraph: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

JOBS="${LOCKGRAPH_BUILD_JOBS:-$(nproc)}"
cmake -S "$ROOT" -B "$ROOT/build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$ROOT/build" -j "$JOBS"
