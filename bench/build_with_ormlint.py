#!/usr/bin/env python3
"""Prints what `orm_add_ormlint_check` adds to a clean build, in one run (issue 22).

A CMake project is generated against the installed package (`cmake --install` of the
build into a temporary prefix, as a user's project finds it): --units translation units,
each including examples/blog's schema and querying it, in one executable. Three build
trees of the same sources differ only in `orm_add_ormlint_check(app)`: without it, with
it (with clang++-19 the checks run inside the compiles, libormlint-plugin.so), and with
`SEPARATE_STEP` (one ormlint step per source, as with another compiler). Each round
cleans every tree (objects, program and ormlint's cache) and builds it with `-j N`, in a
rotating order, so that machine noise hits them alike. The table gives the medians and
their ratios. Target: the build with the check at most 1.1x the build without it.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

UNIT = """#include <orm/sqlite.hpp>
#include "blog/schema.hpp"
using namespace orm;
using namespace orm::sqlite;
std::size_t unit_{i}(orm::sqlite::database& db) {{
  const auto users = db.query(blog::schema, blog::users).find_many(
      {{.where = eq("name", "u{i}"), .order_by = {{asc("name")}}, .limit = 10,
        .with = {{{{"authoredPosts", {{.limit = 5, .with = {{{{"comments", {{.limit = 3}}}}}}}}}}}}}});
  db.insert(blog::schema, "users", {{{{"name", "n{i}"}}, {{"email", "e{i}@x"}}}});
  db.update(blog::schema, "posts", {{{{"title", "t{i}"}}}}, eq("id", {i}));
  return users.size();
}}
"""

PROJECT = """cmake_minimum_required(VERSION 3.25)
project(bench_app LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
find_package(orm REQUIRED CONFIG)
file(GLOB units ${{CMAKE_SOURCE_DIR}}/unit_*.cpp)
add_executable(app main.cpp ${{units}})
target_include_directories(app PRIVATE {examples})
target_link_libraries(app PRIVATE orm::sqlite)
if(ORMLINT_MODE STREQUAL "compile")
  orm_add_ormlint_check(app)
elseif(ORMLINT_MODE STREQUAL "step")
  orm_add_ormlint_check(app SEPARATE_STEP)
endif()
"""


def run(command, **kwargs):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stdout[-3000:]}")
    return result.stdout


MODES = {"none": "without orm_add_ormlint_check", "compile": "with it: checks inside the compiles (default)",
         "step": "with it, SEPARATE_STEP: an ormlint step per source"}


def clean_build_seconds(tree: str, mode: str, jobs: int) -> float:
    run(["cmake", "--build", tree, "--target", "clean"])
    shutil.rmtree(os.path.join(tree, ".ormlint-cache"), ignore_errors=True)
    start = time.perf_counter()
    output = run(["cmake", "--build", tree, "-j", str(jobs)])
    elapsed = time.perf_counter() - start
    # Every unit filters users by name, which no index serves: a linted build warns.
    linted = "[orm-unindexed-query]" in output
    if linted != (mode != "none"):
        sys.exit(f"the build in {tree} {'ran' if linted else 'did not run'} ormlint:\n{output[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"), help="the orm's build tree to install")
    parser.add_argument("--units", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--build-type", default="Debug", help="CMAKE_BUILD_TYPE of the generated project")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="ormlint-build-") as work:
        prefix = os.path.join(work, "prefix")
        run(["cmake", "--install", args.build, "--prefix", prefix])
        source = os.path.join(work, "app")
        os.makedirs(source)
        with open(os.path.join(source, "CMakeLists.txt"), "w") as f:
            f.write(PROJECT.format(examples=os.path.join(ROOT, "examples")))
        with open(os.path.join(source, "main.cpp"), "w") as f:
            f.write("int main() { return 0; }\n")
        for i in range(args.units):
            with open(os.path.join(source, f"unit_{i}.cpp"), "w") as f:
                f.write(UNIT.format(i=i + 1))
        trees = {}
        for mode in MODES:
            trees[mode] = os.path.join(work, mode)
            run(["cmake", "-S", source, "-B", trees[mode], "-G", "Ninja", "-DCMAKE_CXX_COMPILER=clang++-19",
                 f"-DCMAKE_BUILD_TYPE={args.build_type}", f"-DCMAKE_PREFIX_PATH={prefix}", f"-DORMLINT_MODE={mode}"])
        times = {mode: [] for mode in MODES}
        order = list(MODES)
        for round_ in range(args.rounds):
            for mode in order[round_ % 3:] + order[:round_ % 3]:
                times[mode].append(clean_build_seconds(trees[mode], mode, args.jobs))
        median = {mode: statistics.median(times[mode]) for mode in MODES}
        print(f"clean build of {args.units} units + main ({args.build_type}, -j{args.jobs}), median of {args.rounds}")
        print("| build | seconds | / without |\n|---|---:|---:|")
        for mode, label in MODES.items():
            print(f"| {label} | {median[mode]:.2f} | {median[mode] / median['none']:.2f} |")
        print(f"target: with it at most 1.10 of without: {median['compile'] / median['none']:.2f}")


if __name__ == "__main__":
    main()
