#!/usr/bin/env python3
"""Prints how long GCC and Clang take to compile a generated schema.

For each compiler it times `-fsyntax-only` on three translation units, alternating
between them in every round so that machine noise hits all alike: one that includes only
<orm/orm.hpp> (the library's own cost), and generated schemas of the given sizes.
Reports the median of the rounds, as a Markdown table.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
INCLUDE = os.path.join(HERE, "..", "include")


def compile_seconds(compiler: str, source: str) -> float:
    start = time.perf_counter()
    subprocess.run([compiler, "-std=c++20", "-fsyntax-only", "-I", INCLUDE, source], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="200x1000,1000x5000", help="TABLESxRELATIONS,...")
    parser.add_argument("--compilers", default="g++-12,clang++-19")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        units = {}
        baseline = os.path.join(tmp, "header_only.cpp")
        with open(baseline, "w") as f:
            f.write("#include <orm/orm.hpp>\n")
        units["`<orm/orm.hpp>` alone"] = baseline
        for size in args.sizes.split(","):
            tables, relations = size.split("x")
            header = os.path.join(tmp, f"schema_{size}.hpp")
            subprocess.run([sys.executable, os.path.join(HERE, "generate_schema.py"), "--tables", tables,
                            "--relations", relations, header], check=True)
            source = header.replace(".hpp", ".cpp")
            with open(source, "w") as f:
                f.write(f'#include "{header}"\n')
            units[f"{tables} tables / {relations} relations"] = source

        compilers = args.compilers.split(",")
        times = {(c, u): [] for c in compilers for u in units}
        for _ in range(args.rounds):
            for unit, source in units.items():
                for compiler in compilers:
                    times[(compiler, unit)].append(compile_seconds(compiler, source))

    print(f"median of {args.rounds} rounds, `-fsyntax-only`, seconds\n")
    print("| translation unit | " + " | ".join(compilers) + " |")
    print("|---|" + "---:|" * len(compilers))
    for unit in units:
        cells = [f"{statistics.median(times[(c, unit)]):.2f}" for c in compilers]
        print(f"| {unit} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
