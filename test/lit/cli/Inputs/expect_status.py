"""Runs a command and fails unless it exits with the expected status: expect_status.py N cmd..."""
import subprocess
import sys

expected = int(sys.argv[1])
status = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
if status != expected:
    sys.exit(f"expected exit status {expected}, got {status}: {' '.join(sys.argv[2:])}")
