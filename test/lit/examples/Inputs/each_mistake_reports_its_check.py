"""Each file of examples/mistakes/ names its check on its first line ("// orm-x: ...");
ormlint must report that check in that file, at error or warning severity."""
import pathlib
import re
import subprocess
import sys

ormlint, build_dir, mistakes = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
failures = 0
files = sorted(mistakes.glob("*.cpp"))
for source in files:
    check = re.match(r"// (orm-[a-z-]+):", source.read_text()).group(1)
    run = subprocess.run([ormlint, "-p", build_dir, str(source)], capture_output=True, text=True)
    reported = re.findall(r"^" + re.escape(str(source)) + r":\d+:\d+: (?:error|warning): .*\[(orm-[a-z-]+)\]$",
                          run.stdout, re.MULTILINE)
    if check not in reported or run.returncode not in (0, 1):
        failures += 1
        print(f"{source.name}: expected [{check}], ormlint exited {run.returncode} with:\n{run.stdout}{run.stderr}")
print(f"{len(files) - failures} of {len(files)} mistakes report their check")
sys.exit(1 if failures or not files else 0)
