#!/usr/bin/env bash
# The main job: build lockgraph, then run the static checker over the C++
# ports of the threading notebook (testcases/notebook/).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh" >/dev/null
cd "$ROOT"
LG="$ROOT/build/bin/lockgraph"

echo "== lockgraph check over testcases/notebook"
# --fail-on=never: the notebook's bugs are the point of the demo.
"$LG" check --fail-on=never testcases/notebook/*.cpp -- -std=c++20 -pthread

echo
echo "== findings per notebook cell (JSON report: build/demo/notebook.json)"
mkdir -p build/demo
"$LG" check --fail-on=never --format=json -o build/demo/notebook.json \
  --graph=build/demo/notebook.dot testcases/notebook/*.cpp -- -std=c++20 -pthread
python3 - build/demo/notebook.json <<'PY'
import json, os, sys
report = json.load(open(sys.argv[1]))
cells = sorted(f for f in os.listdir("testcases/notebook") if f.endswith(".cpp"))
for cell in cells:
    found = [f for f in report["findings"] if os.path.basename(f["file"]) == cell]
    summary = ", ".join(sorted({f"{f['check']} ({f['severity']})" for f in found})) or "clean"
    print(f"  {cell:32} {summary}")
PY
