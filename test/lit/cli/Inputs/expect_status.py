"""Runs a command and fails unless it exits with the expected status: expect_status.py N cmd...
The command's output passes through, so that a test may also check what it printed."""
import subprocess
import sys

expected = int(sys.argv[1])
status = subprocess.run(sys.argv[2:]).returncode
if status != expected:
    sys.exit(f"expected exit status {expected}, got {status}: {' '.join(sys.argv[2:])}")
