#!/usr/bin/env python3
"""Each check's one summary sentence must read the same in its three places: the registry
(`ormlint --list-checks`), its page docs/checks/<name>.md (the line under the title) and
the first line of its lit test test/lit/checks/<name>.cpp.

Usage: check_summaries.py <path to ormlint>
"""
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
listing = subprocess.run([sys.argv[1], "--list-checks"], check=True, capture_output=True, text=True).stdout
problems = []
for line in listing.splitlines():
    check, summary = line.split("  ", 1)
    name = check.removeprefix("orm-")
    page = open(os.path.join(ROOT, "docs", "checks", name + ".md")).read().splitlines()
    if page[0] != "# " + check:
        problems.append(f"docs/checks/{name}.md: the title must be '# {check}'")
    if page[2] != summary[0].upper() + summary[1:] + ".":
        problems.append(f"docs/checks/{name}.md: the summary line reads {page[2]!r}, the registry {summary!r}")
    test = open(os.path.join(ROOT, "test", "lit", "checks", name + ".cpp")).readline().rstrip("\n")
    if test != f"// {check}: {summary}":
        problems.append(f"test/lit/checks/{name}.cpp: the first line must be '// {check}: {summary}'")
if problems:
    sys.exit("\n".join(problems))
print(f"{len(listing.splitlines())} checks: summaries agree in the registry, the docs and the lit tests")
