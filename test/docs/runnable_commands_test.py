"""Runs the shell commands that README.md, docs/cli.md and docs/integrations.md mark
runnable (a `<!-- runnable -->` line before a ```sh block), as a reader would type them,
from a scratch folder that holds links to this checkout (and `build` to the build), with
HOME there too. A command succeeds with exit 0, or with the N its comment states
("exit N"), and, when its comment quotes what it prints ("... N of M parsed ..."), with
output that holds each quoted part in order ("..." inside the quotes stands for any
text). A line with a <placeholder> is shown and skipped.

    runnable_commands_test.py <source dir> <build dir>
"""
import os
import re
import subprocess
import sys
import tempfile

source, build = sys.argv[1], sys.argv[2]
documents = ["README.md", "docs/cli.md", "docs/integrations.md"]


def runnable_blocks(text):
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip() == "<!-- runnable -->" and i + 1 < len(lines) and lines[i + 1].startswith("```sh"):
            block = []
            for body in lines[i + 2:]:
                if body.startswith("```"):
                    break
                block.append(body)
            yield block


ran = skipped = failed = 0
with tempfile.TemporaryDirectory() as scratch:
    for entry in os.listdir(source):
        if entry not in ("build", ".git"):
            os.symlink(os.path.join(source, entry), os.path.join(scratch, entry))
    os.symlink(os.path.abspath(build), os.path.join(scratch, "build"))
    env = dict(os.environ, HOME=scratch)
    for document in documents:
        for block in runnable_blocks(open(os.path.join(source, document)).read()):
            # A block runs as one script, so that a variable it sets holds for its later lines.
            prelude = []
            for line in block:
                command = line.strip()
                if not command or command.startswith("#"):
                    continue
                if re.search(r"<[a-z][^>]*>", command):
                    print(f"{document}: skipped (placeholder): {command}")
                    skipped += 1
                    continue
                comment = command.split(" # ", 1)[1] if " # " in command else ""
                expected = int(m.group(1)) if (m := re.search(r"\bexit (\d+)", comment)) else 0
                printed = [part.strip() for quoted in re.findall(r'"([^"]+)"', comment)
                           for part in quoted.split("...") if part.strip()]
                if re.fullmatch(r"[A-Z_]+=\S+", command):  # an assignment for the lines below
                    prelude.append(command)
                    continue
                run = subprocess.run(["bash", "-c", "\n".join(prelude + [command])], cwd=scratch, env=env,
                                     capture_output=True, text=True, timeout=900)
                ran += 1
                output, at, missing = run.stdout + run.stderr, 0, None
                for part in printed:
                    found = output.find(part, at)
                    if found < 0:
                        missing = part
                        break
                    at = found + len(part)
                if run.returncode != expected or missing:
                    failed += 1
                    why = f"exit {run.returncode}, expected {expected}" if run.returncode != expected else f"no '{missing}' in its output"
                    print(f"{document}: FAILED ({why}): {command}\n{run.stdout[-3000:]}{run.stderr[-3000:]}")
                else:
                    print(f"{document}: ok (exit {run.returncode}): {command}")
print(f"{ran} commands run, {skipped} skipped as placeholders, {failed} failed")
sys.exit(1 if failed or ran == 0 else 0)
