#!/usr/bin/env python3
"""Runs report_example in each mode (twice), validates every report against
docs/formats/findings.schema.json and checks that the two runs wrote the
same bytes. Usage: validate_report.py SCHEMA PROGRAM"""
import json
import os
import signal
import subprocess
import sys
import tempfile

import jsonschema

EXPECTED = {
    # mode: (exit status, checks that must be present)
    "findings": (0, {"lock-order-inversion", "self-deadlock", "unlock-not-held", "lock-leak",
                     "data-race"}),
    "not-joined": (-signal.SIGABRT, {"thread-not-joined"}),
    "clean": (0, set()),
}


def main():
    schema_path, program = sys.argv[1], sys.argv[2]
    with open(schema_path) as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        for mode, (status, checks) in EXPECTED.items():
            texts = []
            for run in range(2):
                path = os.path.join(work, f"{mode}-{run}.json")
                env = dict(os.environ, LOCKGRAPH_REPORT=path, LOCKGRAPH_QUIET="1")
                result = subprocess.run([program, mode], env=env, cwd=work,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                if result.returncode != status:
                    print(f"{mode}: exit status {result.returncode}, expected {status}\n"
                          f"{result.stderr.decode()}")
                    failures += 1
                with open(path, "rb") as f:
                    texts.append(f.read())
                report = json.loads(texts[-1])
                errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
                for error in errors:
                    print(f"{mode}: {'/'.join(map(str, error.path))}: {error.message}")
                failures += len(errors)
                found = {finding["check"] for finding in report["findings"]}
                if found != checks:
                    print(f"{mode}: checks {sorted(found)}, expected {sorted(checks)}")
                    failures += 1
            if texts[0] != texts[1]:
                print(f"{mode}: two runs wrote different reports")
                failures += 1
            print(f"{mode}: {len(json.loads(texts[0])['findings'])} findings, "
                  f"{'valid' if not failures else 'INVALID'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
