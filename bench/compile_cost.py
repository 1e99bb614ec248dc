#!/usr/bin/env python3
"""What a small program that uses the ORM costs to compile, next to the same program written
by hand against the C API (bench/compile_cost/: a 3-table schema, migrate, three inserts, a
typed read two levels deep; for SQLite and for PostgreSQL).

Each file is compiled at -O2 -g, at -O0 -g and with -fsyntax-only, the ORM and the hand-
written file interleaved round by round (the machine is noisy: ratios are taken within one
run); the table shows medians, the object's .text, and the ratios against the targets
(ORM at most 4x the hand-written compile time at -O2 -g, .text at most 2x, and
`#include <orm/sqlite.hpp>` at most 0.3 s over the standard headers the ORM includes).

Usage: python3 bench/compile_cost.py [--rounds N] [--compiler clang++-19]
"""
import argparse
import glob
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = os.path.join(ROOT, "bench", "compile_cost")
MODES = [("-O2 -g", ["-O2", "-g", "-c"]), ("-O0 -g", ["-O0", "-g", "-c"]), ("-fsyntax-only", ["-fsyntax-only"])]


def compile_seconds(compiler, source, flags, out):
    command = [compiler, "-std=c++20", "-I" + os.path.join(ROOT, "include"), "-I/usr/include/postgresql", *flags, source]
    if "-c" in flags:
        command += ["-o", out]
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - start


def text_bytes(obj):
    sections = subprocess.run(["size", "-A", obj], check=True, capture_output=True, text=True).stdout
    return sum(int(line.split()[1]) for line in sections.splitlines() if line.startswith(".text"))


def standard_headers():
    """The standard headers the ORM's own headers include: what a user pays anyway."""
    names = set()
    for header in glob.glob(os.path.join(ROOT, "include", "orm", "**", "*.hpp"), recursive=True):
        names.update(re.findall(r"^#include <([a-z_]+)>", open(header).read(), re.M))
    return sorted(names)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--compiler", default="clang++-19")
    args = parser.parse_args()
    work = tempfile.mkdtemp()
    include_only = os.path.join(work, "include_orm.cpp")
    open(include_only, "w").write("#include <orm/sqlite.hpp>\n")
    standard_only = os.path.join(work, "include_standard.cpp")
    open(standard_only, "w").write("".join("#include <%s>\n" % h for h in standard_headers()))

    pairs = [("SQLite", "orm_sqlite.cpp", "hand_sqlite.cpp"), ("PostgreSQL", "orm_postgres.cpp", "hand_postgres.cpp")]
    times = {}
    text = {}
    for _ in range(args.rounds):
        for backend, orm, hand in pairs:
            for mode, flags in MODES:
                for name in (orm, hand):
                    obj = os.path.join(work, name + ".o")
                    times.setdefault((name, mode), []).append(
                        compile_seconds(args.compiler, os.path.join(SOURCES, name), flags, obj))
                    if "-c" in flags and mode == "-O2 -g":
                        text[name] = text_bytes(obj)
        for name in (include_only, standard_only):
            times.setdefault((name, "include"), []).append(compile_seconds(args.compiler, name, ["-fsyntax-only"], None))
    t = {k: statistics.median(v) for k, v in times.items()}

    print("%s, medians of %d interleaved rounds (seconds)\n" % (args.compiler, args.rounds))
    print("| backend | flags | ORM | by hand | ORM / by hand | target |")
    print("|---|---|---:|---:|---:|---|")
    missed = []
    for backend, orm, hand in pairs:
        for mode, _ in MODES:
            ratio = t[(orm, mode)] / t[(hand, mode)]
            target = ""
            if mode == "-O2 -g":
                target = "at most 4x: " + ("met" if ratio <= 4 else "missed")
                if ratio > 4:
                    missed.append("%s compile time" % backend)
            print("| %s | `%s` | %.2f | %.2f | %.1fx | %s |" % (backend, mode, t[(orm, mode)], t[(hand, mode)], ratio, target))
        ratio = text[orm] / text[hand]
        if ratio > 2:
            missed.append("%s .text" % backend)
        print("| %s | object `.text` (-O2 -g) | %d KB | %d KB | %.1fx | at most 2x: %s |" %
              (backend, text[orm] // 1024, text[hand] // 1024, ratio, "met" if ratio <= 2 else "missed"))
    over = t[(include_only, "include")] - t[(standard_only, "include")]
    if over > 0.3:
        missed.append("include")
    print("\n`#include <orm/sqlite.hpp>`, -fsyntax-only: %.2f s; the %d standard headers it includes: %.2f s; "
          "over them: %.2f s (target at most 0.3 s: %s)" % (t[(include_only, "include")], len(standard_headers()),
                                                            t[(standard_only, "include")], over,
                                                            "met" if over <= 0.3 else "missed"))
    print("\ntargets missed: %s" % (", ".join(missed) if missed else "none"))


if __name__ == "__main__":
    sys.exit(main())
