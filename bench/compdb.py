#!/usr/bin/env python3
"""Helpers for the lockgraph checker benchmarks (standard library only).

Used by bench/fetch-trees.sh, bench/real-world.sh and bench/checker.sh; can be
run by hand too:

  compdb.py stats DB.json              print "<entries> <unique files>"
  compdb.py syntax DB.json [-j N] [--log FILE] [--quiet]
                                       run `clang-19 -fsyntax-only` on every
                                       entry with the entry's own flags, in the
                                       entry's directory; one process per
                                       entry, N at a time (default 1 =
                                       sequential). Prints failing entries,
                                       a summary line, and exits 1 if any
                                       entry failed.
  compdb.py findings REPORT.json       print "<check> <count>" per check of a
                                       lockgraph JSON report (exit 2 if the
                                       file is missing or not a report)

DB.json may also be a directory holding compile_commands.json.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import shlex
import subprocess
import sys
import time

CLANG_C = os.environ.get("CLANG", "clang-19")
CLANG_CXX = os.environ.get("CLANGXX", "clang++-19")

# Options that only matter for producing outputs; dropped for -fsyntax-only.
DROP_WITH_ARG = {"-o", "-MF", "-MT", "-MQ"}
DROP_ALONE = {"-c", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG"}


def load_db(path):
    if os.path.isdir(path):
        path = os.path.join(path, "compile_commands.json")
    with open(path, encoding="utf-8") as f:
        db = json.load(f)
    if not isinstance(db, list):
        raise SystemExit(f"{path}: not a compilation database (top level is not a list)")
    return db


def entry_args(entry):
    if "arguments" in entry:
        return list(entry["arguments"])
    return shlex.split(entry["command"])


def syntax_argv(entry):
    """The entry's compile command turned into a clang-19 -fsyntax-only run."""
    args = entry_args(entry)
    compiler = os.path.basename(args[0])
    out = [CLANG_CXX if "++" in compiler else CLANG_C]
    i = 1
    while i < len(args):
        a = args[i]
        if a in DROP_WITH_ARG:
            i += 2
            continue
        if a in DROP_ALONE:
            i += 1
            continue
        if a[:3] in ("-MF", "-MT", "-MQ"):  # joined form, e.g. -MFfoo.d
            i += 1
            continue
        out.append(a)
        i += 1
    out.append("-fsyntax-only")
    return out


def run_one(entry):
    argv = syntax_argv(entry)
    r = subprocess.run(argv, cwd=entry["directory"], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, errors="replace")
    return entry, argv, r.returncode, r.stdout


def cmd_stats(ns):
    db = load_db(ns.db)
    print(len(db), len({os.path.join(e["directory"], e["file"]) for e in db}))


def unique_files(db):
    """The TUs lockgraph analyses: one entry per file (the first), so both
    sides of the benchmark parse the same translation units."""
    seen, out = set(), []
    for e in db:
        path = os.path.normpath(os.path.join(e["directory"], e["file"]))
        if path in seen or not path.endswith((".c", ".cc", ".cpp", ".cxx")):
            continue
        seen.add(path)
        out.append(e)
    return out


def cmd_syntax(ns):
    db = unique_files(load_db(ns.db))
    t0 = time.monotonic()
    failed = []
    log = open(ns.log, "w", encoding="utf-8") if ns.log else None
    if ns.jobs <= 1:
        results = map(run_one, db)
    else:
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=ns.jobs)
        results = pool.map(run_one, db)
    for entry, argv, rc, output in results:
        if log:
            log.write(f"[rc={rc}] (cd {shlex.quote(entry['directory'])} && "
                      f"{shlex.join(argv)})\n{output}")
            if output and not output.endswith("\n"):
                log.write("\n")
        if rc != 0:
            failed.append(entry["file"])
            if not ns.quiet:
                print(f"FAIL (rc={rc}): {entry['file']}", file=sys.stderr)
                print("\n".join(output.splitlines()[:20]), file=sys.stderr)
    if log:
        log.close()
    dt = time.monotonic() - t0
    print(f"syntax-only: {len(db)} entries, {len(failed)} failed, {dt:.1f}s", file=sys.stderr)
    for f in failed:
        print(f"  failed: {f}", file=sys.stderr)
    return 1 if failed else 0


def cmd_findings(ns):
    try:
        with open(ns.report, encoding="utf-8") as f:
            rep = json.load(f)
        findings = rep["findings"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        print(f"{ns.report}: cannot read lockgraph report: {e}", file=sys.stderr)
        return 2
    counts = collections.Counter(f.get("check", "?") for f in findings)
    for check, n in sorted(counts.items()):
        print(check, n)
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("stats")
    s.add_argument("db")
    s = sub.add_parser("syntax")
    s.add_argument("db")
    s.add_argument("-j", "--jobs", type=int, default=1)
    s.add_argument("--log")
    s.add_argument("--quiet", action="store_true")
    s = sub.add_parser("findings")
    s.add_argument("report")
    ns = p.parse_args()
    return {"stats": cmd_stats, "syntax": cmd_syntax, "findings": cmd_findings}[ns.cmd](ns) or 0


if __name__ == "__main__":
    sys.exit(main())
