#!/usr/bin/env python3
"""Prints ormlint's time against `clang++-19 -fsyntax-only` on the same translation units.

Every round runs both on every unit, alternating, so that machine noise hits them alike;
the table gives medians and their ratio (DESIGN.md section 8: at most 1.08, and about
1.00 on a unit without a schema). The last row compares a whole compile database:
`ormlint -j N` against N parallel `-fsyntax-only` runs of the same commands.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
INCLUDE = os.path.join(ROOT, "include")
STD_HEADERS = ["algorithm", "chrono", "filesystem", "functional", "iostream", "map", "memory", "optional",
               "regex", "string", "thread", "unordered_map", "variant", "vector"]


def seconds(command, cwd=None, report=None) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):  # ormlint exits 1 when it has findings
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}")
    if report is not None:  # ormlint --time-report: CPU seconds of the front end and of ormlint
        match = re.search(r"front end ([0-9.]+) s, ormlint ([0-9.]+) s", result.stderr)
        report.append(float(match[2]) / float(match[1]) if match else None)  # None: not parsed (no orm header)
    return elapsed


def write_query_unit(path: str, calls: int) -> None:
    """A unit of `calls` calls into the runtime against examples/blog's schema: reads with
    nested with / where / order_by, writes, and reads in loops, as an application has them."""
    shapes = [
        'db.query(blog::schema, blog::users).find_many({{.columns = only("name", "email"), .where = eq("name", "u{i}"), '
        '.order_by = {{asc("name")}}, .limit = {i}, .with = {{{{"authoredPosts", {{.limit = 5, .with = {{{{"comments", '
        '{{.limit = 3}}}}}}}}}}}}}});',
        'db.query(blog::schema, blog::posts).find_first({{.where = eq("title", "t{i}") && !is_null("authorId"), '
        '.with = {{{{"author", {{}}}}, {{"tags", {{.limit = 4}}}}}}}});',
        'db.query(blog::schema, blog::users).find_unique({{.where = eq("id", {i})}});',
        'db.insert(blog::schema, "users", {{{{"name", "n{i}"}}, {{"email", "e{i}@x"}}}});',
        'db.update(blog::schema, "posts", {{{{"title", "t{i}"}}, {{"published", true}}}}, eq("id", {i}));',
        'for (const auto& u : db.query(blog::schema, blog::users).find_many({{.limit = 10}})) '
        'db.query(blog::schema, blog::posts).find_many({{.where = eq("authorId", u["id"].as_integer())}});',
    ]
    body = [f"void call_{i}(database& db) {{ {shapes[i % len(shapes)].format(i=i)} }}" for i in range(calls)]
    with open(path, "w") as f:
        f.write('#include <orm/sqlite.hpp>\n#include "blog/schema.hpp"\nusing namespace orm;\nusing namespace orm::sqlite;\n')
        f.write("\n".join(body) + "\n")


def syntax_only_commands(database: str, files) -> list:
    """The compile database's commands for `files`, as -fsyntax-only runs of clang++-19."""
    with open(os.path.join(database, "compile_commands.json")) as f:
        entries = {os.path.realpath(e["file"]): e for e in json.load(f)}
    commands = []
    for file in files:
        e = entries[os.path.realpath(file)]
        args = e.get("arguments") or shlex.split(e["command"])
        keep, skip = [], False
        for a in args[1:]:
            if skip:
                skip = False
            elif a == "-o":
                skip = True
            elif a != "-c":
                keep.append(a)
        commands.append((["clang++-19", "-fsyntax-only", "-w"] + keep, e["directory"]))
    return commands


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    ormlint = os.path.join(args.build, "tool", "cli", "ormlint")
    flags = ["-std=c++20", "-I", INCLUDE, "-I", os.path.join(ROOT, "examples")]

    with tempfile.TemporaryDirectory() as tmp:
        generated = os.path.join(tmp, "schema_1000x5000.hpp")
        subprocess.run([sys.executable, os.path.join(HERE, "generate_schema.py"), "--tables", "1000",
                        "--relations", "5000", generated], check=True)
        big = os.path.join(tmp, "generated_schema.cpp")
        with open(big, "w") as f:
            f.write(f'#include "{generated}"\n')
        plain = os.path.join(tmp, "standard_headers.cpp")
        with open(plain, "w") as f:
            f.write("".join(f"#include <{h}>\n" for h in STD_HEADERS) + "int main() {}\n")
        queries = os.path.join(tmp, "query_calls.cpp")
        write_query_unit(queries, 200)
        units = {
            "examples/blog (the example schema)": os.path.join(ROOT, "examples", "blog", "main.cpp"),
            "200 query and write calls against examples/blog": queries,
            "generated schema, 1000 tables / 5000 relations": big,
            "14 standard headers, no schema": plain,
        }
        examples = [os.path.join(ROOT, "examples", "blog", "main.cpp")] + sorted(
            os.path.join(ROOT, "examples", "mistakes", f) for f in os.listdir(os.path.join(ROOT, "examples", "mistakes"))
            if f.endswith(".cpp"))
        commands = syntax_only_commands(args.build, examples)

        times = {u: ([], [], []) for u in units}
        project = ([], [])
        for _ in range(args.rounds):
            for unit, source in units.items():
                times[unit][0].append(seconds(["clang++-19", "-fsyntax-only", "-w"] + flags + [source]))
                times[unit][1].append(seconds([ormlint, "--time-report", source, "--"] + flags, report=times[unit][2]))
            start = time.perf_counter()
            with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
                list(pool.map(lambda c: seconds(c[0], c[1]), commands))
            project[0].append(time.perf_counter() - start)
            project[1].append(seconds([ormlint, "-p", args.build, "-j", str(args.jobs), "--no-cache"] + examples))

    print(f"median of {args.rounds} rounds. Wall seconds of whole processes, and their ratio; 'checks' is")
    print("ormlint's own CPU time on the AST over the CPU time of clang's front end in the same process\n")
    print("| translation unit | clang++-19 -fsyntax-only | ormlint | ratio | checks | target |")
    print("|---|---:|---:|---:|---:|---:|")
    for unit, (clang, lint, share) in times.items():
        c, o = statistics.median(clang), statistics.median(lint)
        target = "about +0%" if "no schema" in unit else "at most +8%"
        parsed = [r for r in share if r is not None]
        checks = f"+{100 * statistics.median(parsed):.2f}%" if parsed else "not parsed"
        print(f"| {unit} | {c:.2f} | {o:.2f} | {o / c:.3f} | {checks} | {target} |")
    c, o = statistics.median(project[0]), statistics.median(project[1])
    print(f"| examples/ compile database, {len(examples)} units, -j {args.jobs} | {c:.2f} | {o:.2f} | {o / c:.3f} | | "
          "ratio at most 1.10 |")


if __name__ == "__main__":
    main()
