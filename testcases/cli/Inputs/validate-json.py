#!/usr/bin/env python3
"""Validate a lockgraph JSON report against docs/formats/findings.schema.json.

usage: validate-json.py SCHEMA REPORT

Exits 0 and prints "valid: REPORT" when the report validates; exits 1 and
prints every validation error (JSON path and message) otherwise; exits 2 on
unreadable input. Uses the `jsonschema` module (Debian: python3-jsonschema);
when the running interpreter lacks it, retries with /usr/bin/python3.
"""
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    system = "/usr/bin/python3"
    if os.path.realpath(sys.executable) != os.path.realpath(system) and os.path.exists(system) \
            and not os.environ.get("LOCKGRAPH_VALIDATE_REEXEC"):
        os.environ["LOCKGRAPH_VALIDATE_REEXEC"] = "1"
        os.execv(system, [system] + sys.argv)
    sys.stderr.write("validate-json.py: the python module 'jsonschema' is missing "
                     "(apt-get install python3-jsonschema)\n")
    sys.exit(2)


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        sys.stderr.write("validate-json.py: %s: %s\n" % (path, e))
        sys.exit(2)


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: validate-json.py SCHEMA REPORT\n")
        return 2
    schema = load(sys.argv[1])
    report = load(sys.argv[2])
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(report), key=lambda e: list(e.absolute_path))
    for e in errors:
        path = "".join("[%d]" % p if isinstance(p, int) else ".%s" % p for p in e.absolute_path)
        print("invalid: %s: %s: %s" % (sys.argv[2], path.lstrip(".") or "(top level)", e.message))
    if errors:
        return 1
    print("valid: %s" % sys.argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
