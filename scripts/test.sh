#!/usr/bin/env bash
# Build lockgraph and run every test: lit suites (testcases/) and GoogleTest
# (via ctest). Exits non-zero on any failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"
cd "$ROOT/build"
ctest --output-on-failure -j "$(nproc)"
