"""Copies files into a fresh directory outside any checkout or build tree (so no
compile_commands.json lies above it), then runs a command there with @DIR@ replaced by
that directory: run_in_temp_dir.py file... -- command... ; exits with the command's status."""
import shutil
import subprocess
import sys
import tempfile

split = sys.argv.index("--")
with tempfile.TemporaryDirectory(prefix="ormlint-lit-") as directory:
    for path in sys.argv[1:split]:
        shutil.copy(path, directory)
    command = [a.replace("@DIR@", directory) for a in sys.argv[split + 1:]]
    sys.exit(subprocess.run(command, cwd=directory).returncode)
