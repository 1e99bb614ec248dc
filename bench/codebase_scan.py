#!/usr/bin/env python3
"""Prints what ormlint costs over a whole codebase, against a parallel
`clang++-19 -fsyntax-only` pass over the same compile database, in one run.

The project is generated: --units translation units that each include heavy standard
headers, of which --orm-units also include examples/blog's schema and query it. Each
round runs, alternating so that machine noise hits them alike:
  - `-fsyntax-only` over the units without the orm, then over those with it (-j N);
  - ormlint over a database of only the units without the orm (nothing to parse);
  - ormlint cold (empty cache) and warm (nothing changed) over every unit;
  - ormlint after one orm unit changed;
  - run-clang-tidy-19 with the ormlint module over every unit, for reference.
Targets (issue 14): no orm unit at most 5% of -fsyntax-only; a tenth of them at most 15%;
warm at most 5% of cold.

--case several-commands is fmt's pattern instead (issue 22): --units files, each compiled
two to six ways (-DVARIANT=k), none including the orm. Targets: the whole ormlint run at
most 0.05 of parallel -fsyntax-only of every command; a warm re-run at most 5% of it.
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
STD_HEADERS = ["algorithm", "chrono", "filesystem", "functional", "iostream", "map", "memory", "optional",
               "regex", "string", "thread", "unordered_map", "variant", "vector"]
ORM_BODY = """#include <orm/sqlite.hpp>
#include "blog/schema.hpp"
int orm_unit_{i}(orm::sqlite::database& db) {{
  auto users = db.query(blog::schema, blog::users).find_many({{.where = orm::eq("name", "u{i}"), .limit = 10}});
  db.insert(blog::schema, "users", {{{{"name", "n{i}"}}, {{"email", "e{i}@x"}}}});
  return static_cast<int>(users.size());
}}
"""
PLAIN_BODY = """int plain_unit_{i}() {{
  std::map<std::string, std::vector<int>> m{{{{"k{i}", {{1, 2, {i}}}}}}};
  return static_cast<int>(m.size());
}}
"""


def generate(directory: str, units: int, orm_units: int) -> tuple:
    """Writes the sources and two databases: every unit, and only those without the orm."""
    flags = ["-std=c++20", "-I" + os.path.join(ROOT, "include"), "-I" + os.path.join(ROOT, "examples")]
    every, plain = [], []
    step = max(1, units // max(1, orm_units))
    orm_indexes = set(range(0, units, step)[:orm_units])
    for i in range(units):
        path = os.path.join(directory, "src", f"unit_{i:04d}.cpp")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("".join(f"#include <{h}>\n" for h in STD_HEADERS))
            f.write((ORM_BODY if i in orm_indexes else PLAIN_BODY).format(i=i))
        entry = {"directory": directory, "file": path,
                 "arguments": ["clang++-19"] + flags + ["-c", path, "-o", path + ".o"]}
        every.append(entry)
        if i not in orm_indexes:
            plain.append(entry)
    databases = {}
    for name, entries in (("every", every), ("plain", plain)):
        os.makedirs(os.path.join(directory, name), exist_ok=True)
        with open(os.path.join(directory, name, "compile_commands.json"), "w") as f:
            json.dump(entries, f)
        databases[name] = os.path.join(directory, name)
    orm_files = [every[i]["file"] for i in sorted(orm_indexes)]
    return databases, every, plain, orm_files


def generate_several_commands(directory: str, files: int) -> list:
    """fmt's pattern: each file listed two to six times, the commands differing by a -D."""
    flags = ["-std=c++20"]
    entries = []
    for i in range(files):
        path = os.path.join(directory, "src", f"multi_{i:04d}.cpp")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("".join(f"#include <{h}>\n" for h in STD_HEADERS))
            f.write(PLAIN_BODY.format(i=i))
        for variant in range(2 + i % 5):
            entries.append({"directory": directory, "file": path,
                            "arguments": ["clang++-19"] + flags + [f"-DVARIANT={variant}", "-c", path, "-o",
                                                                   f"{path}.{variant}.o"]})
    os.makedirs(os.path.join(directory, "several"), exist_ok=True)
    with open(os.path.join(directory, "several", "compile_commands.json"), "w") as f:
        json.dump(entries, f)
    return entries


def several_commands(args, ormlint: str) -> None:
    rows = {name: [] for name in ("syntax", "cold", "warm")}
    with tempfile.TemporaryDirectory() as tmp:
        entries = generate_several_commands(tmp, args.units)
        database = os.path.join(tmp, "several")
        for round_index in range(args.rounds):
            cache = os.path.join(tmp, f"cache-{round_index}")
            rows["syntax"].append(syntax_only(entries, args.jobs))
            rows["cold"].append(run([ormlint, "-p", database, "-j", str(args.jobs), "--cache-dir", cache]))
            rows["warm"].append(run([ormlint, "-p", database, "-j", str(args.jobs), "--cache-dir", cache]))
            shutil.rmtree(cache, ignore_errors=True)
    m = {name: statistics.median(values) for name, values in rows.items()}
    print(f"{args.units} files, {len(entries)} compile commands (2 to 6 per file, none includes the orm), "
          f"-j {args.jobs}, median of {args.rounds} rounds, wall seconds\n")
    print("| run | seconds | ratio | against | target |")
    print("|---|---:|---:|---|---|")
    print(f"| -fsyntax-only, every command | {m['syntax']:.2f} | | | |")
    print(f"| ormlint cold | {m['cold']:.2f} | {m['cold'] / m['syntax']:.3f} | -fsyntax-only of every command "
          "| at most 0.05 |")
    print(f"| ormlint warm, nothing changed | {m['warm']:.2f} | {m['warm'] / m['syntax']:.3f} | -fsyntax-only of every "
          f"command | at most 0.05 (and {m['warm'] / m['cold']:.2f} of cold) |")


def run(command, cwd=None, ok=(0, 1)) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in ok:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-2000:]}")
    return elapsed


def syntax_only(entries, jobs: int) -> float:
    commands = [["clang++-19", "-fsyntax-only", "-w"] + [a for a in e["arguments"][1:] if a not in ("-c",)
                                                          and not a.endswith(".o") and a != "-o"] for e in entries]
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        list(pool.map(run, commands))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=400)
    parser.add_argument("--orm-units", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--no-tidy", action="store_true", help="leave out run-clang-tidy-19 (the slowest part)")
    parser.add_argument("--case", choices=("orm-tenth", "several-commands"), default="orm-tenth",
                        help="orm-tenth: a tenth of the units include the orm (default); several-commands: fmt's pattern")
    args = parser.parse_args()
    ormlint = os.path.join(args.build, "tool", "cli", "ormlint")
    if args.case == "several-commands":
        return several_commands(args, ormlint)
    module = os.path.join(args.build, "tool", "tidy", "libormlint-tidy.so")
    jobs = str(args.jobs)

    rows = {name: [] for name in ("syntax_plain", "syntax_orm", "lint_plain", "cold", "warm", "one_changed", "tidy")}
    with tempfile.TemporaryDirectory() as tmp:
        databases, every, plain, orm_files = generate(tmp, args.units, args.orm_units)
        for round_index in range(args.rounds):
            cache = os.path.join(tmp, f"cache-{round_index}")
            rows["syntax_plain"].append(syntax_only(plain, args.jobs))
            rows["syntax_orm"].append(syntax_only([e for e in every if e["file"] in orm_files], args.jobs))
            rows["lint_plain"].append(run([ormlint, "-p", databases["plain"], "-j", jobs, "--cache-dir", cache + "-plain"]))
            rows["cold"].append(run([ormlint, "-p", databases["every"], "-j", jobs, "--cache-dir", cache]))
            rows["warm"].append(run([ormlint, "-p", databases["every"], "-j", jobs, "--cache-dir", cache]))
            with open(orm_files[0], "a") as f:
                f.write(f"// round {round_index}\n")
            rows["one_changed"].append(run([ormlint, "-p", databases["every"], "-j", jobs, "--cache-dir", cache]))
            if not args.no_tidy:
                rows["tidy"].append(run(["run-clang-tidy-19", "-quiet", "-j", jobs, "-p", databases["every"],
                                         "-load", module, "-checks=-*,orm-*"], ok=(0, 1)))
            shutil.rmtree(cache, ignore_errors=True)

    m = {name: statistics.median(values) for name, values in rows.items() if values}
    syntax_all = m["syntax_plain"] + m["syntax_orm"]
    print(f"{args.units} units ({args.orm_units} include the orm), -j {args.jobs}, median of {args.rounds} rounds, "
          "wall seconds\n")
    print("| run | seconds | ratio | against | target |")
    print("|---|---:|---:|---|---|")
    print(f"| -fsyntax-only, units without the orm | {m['syntax_plain']:.2f} | | | |")
    print(f"| -fsyntax-only, every unit | {syntax_all:.2f} | | | |")
    print(f"| ormlint, database with no orm unit | {m['lint_plain']:.2f} | {m['lint_plain'] / m['syntax_plain']:.3f} "
          "| -fsyntax-only of the same units | at most 0.05 |")
    print(f"| ormlint cold, every unit | {m['cold']:.2f} | {m['cold'] / syntax_all:.3f} | -fsyntax-only of every unit "
          "| at most 0.15 |")
    print(f"| ormlint warm, nothing changed | {m['warm']:.2f} | {m['warm'] / m['cold']:.3f} | ormlint cold "
          "| at most 0.05 |")
    print(f"| ormlint warm, one orm unit changed | {m['one_changed']:.2f} | {m['one_changed'] / m['cold']:.3f} "
          "| ormlint cold | |")
    if "tidy" in m:
        print(f"| run-clang-tidy-19 with the module | {m['tidy']:.2f} | {m['tidy'] / syntax_all:.3f} "
              "| -fsyntax-only of every unit | |")


if __name__ == "__main__":
    main()
