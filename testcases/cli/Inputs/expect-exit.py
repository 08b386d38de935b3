#!/usr/bin/env python3
"""usage: expect-exit.py CODE COMMAND [ARGS...]

Runs COMMAND with this process's stdin, stdout and stderr, then exits 0 when
its exit code is CODE, else prints "expect-exit: expected exit code CODE,
got N: COMMAND" on stderr and exits 1.  (lit's internal shell has no `$?`,
and `not` only tells zero from non-zero.)
"""
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: expect-exit.py CODE COMMAND [ARGS...]\n")
        return 2
    want = int(sys.argv[1])
    got = subprocess.call(sys.argv[2:])
    if got != want:
        sys.stderr.write("expect-exit: expected exit code %d, got %d: %s\n"
                         % (want, got, " ".join(sys.argv[2:])))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
