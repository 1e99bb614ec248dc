#!/usr/bin/env python3
"""Runs a command and succeeds only when it exits with the given code.

    expect_exit.py N command [args...]

lit's `not` accepts any failure, so a run that expects findings (exit 1) would also
pass when ormlint could not compile the file (exit 2). Output passes through unchanged.
"""
import subprocess
import sys

if len(sys.argv) < 3:
    sys.exit("usage: expect_exit.py N command [args...]")
expected = int(sys.argv[1])
code = subprocess.call(sys.argv[2:])
if code != expected:
    sys.stderr.write(f"expect_exit: '{sys.argv[2]}' exited {code}, expected {expected}\n")
    sys.exit(1)
