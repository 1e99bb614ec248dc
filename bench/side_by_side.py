#!/usr/bin/env python3
"""Two builds of one google-benchmark binary (say, a commit's and the one before it) run in
turn, the order swapped each round, and the medians of each benchmark printed with their
ratio: this machine's speed changes for seconds at a time, so two versions are compared
in one sitting, never against a figure from another day.

  python3 bench/side_by_side.py OLD_BINARY NEW_BINARY 'orm_automatic/100$' --rounds 6
"""
import argparse
import json
import statistics
import subprocess


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("filter", help="--benchmark_filter of both runs")
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    times = {"old": {}, "new": {}}
    for r in range(args.rounds):
        for which in (("old", "new") if r % 2 == 0 else ("new", "old")):
            out = subprocess.run([getattr(args, which), "--benchmark_format=json", "--benchmark_min_time=0.1",
                                  f"--benchmark_filter={args.filter}"], check=True, capture_output=True, text=True).stdout
            if not out.strip():  # google benchmark prints nothing when the filter matches none
                raise SystemExit(f"no benchmark matches '{args.filter}'; list them with --benchmark_list_tests")
            for b in json.loads(out)["benchmarks"]:
                times[which].setdefault(b["name"], []).append(b["real_time"])
    print("| benchmark | old | new | new / old |\n|---|---:|---:|---:|")
    for name, old in times["old"].items():
        o, n = statistics.median(old), statistics.median(times["new"][name])
        print(f"| {name} | {o:.1f} | {n:.1f} | {n / o:.3f} |")


if __name__ == "__main__":
    main()
