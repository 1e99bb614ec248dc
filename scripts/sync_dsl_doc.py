#!/usr/bin/env python3
"""Keeps docs/dsl.md's code blocks equal to the compiled examples they quote.

A line `<!-- example: FILE#N -->` in the page stands before a ```cpp block that must be
the N-th `// [example]` ... `// [/example]` region of test/seed_examples/FILE.
`check` fails listing every difference; `write` rewrites the blocks from the files.
"""
import argparse
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DOC = os.path.join(ROOT, "docs", "dsl.md")
EXAMPLES = os.path.join(ROOT, "test", "seed_examples")
MARKER = re.compile(r"<!-- example: (?P<file>[\w.]+)#(?P<n>\d+) -->\n(?:\n?```cpp\n.*?```\n)?", re.S)


def region(file: str, n: int) -> str:
    with open(os.path.join(EXAMPLES, file)) as f:
        regions = re.findall(r"// \[example\]\n(.*?)// \[/example\]\n", f.read(), re.S)
    if n > len(regions):
        sys.exit(f"{file} has {len(regions)} example regions, the page asks for #{n}")
    return regions[n - 1]


def render(match: re.Match) -> str:
    return f"<!-- example: {match['file']}#{match['n']} -->\n```cpp\n{region(match['file'], int(match['n']))}```\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=["check", "write"])
    args = parser.parse_args()
    with open(DOC) as f:
        page = f.read()
    expected = MARKER.sub(render, page)
    if args.mode == "write":
        with open(DOC, "w") as f:
            f.write(expected)
        return
    stale = [m["file"] + "#" + m["n"] for m in MARKER.finditer(page) if render(m) != m[0]]
    if stale:
        sys.exit("docs/dsl.md differs from the compiled examples: " + ", ".join(stale) +
                 "\nrun scripts/sync_dsl_doc.py write and review the change")
    print(f"docs/dsl.md: {len(list(MARKER.finditer(page)))} examples match the compiled sources")


if __name__ == "__main__":
    main()
