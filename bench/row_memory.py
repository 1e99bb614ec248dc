#!/usr/bin/env python3
"""Memory and time per returned row: node trees, typed rows (find_many<T>) and hand-written
sqlite3_column_* reads into the same structs, 100,000 rows (bench/row_memory.cpp).

Memory is counted exactly in one process; each timing runs in a fresh process, the three
readers interleaved round by round, and the table shows medians.

Usage: python3 bench/row_memory.py [--rounds N]
"""
import argparse
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    args = parser.parse_args()
    subprocess.run(["cmake", "--build", args.build, "--target", "bench_row_memory"], check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(args.build, "bench", "bench_row_memory")
    node_bytes, typed_bytes, struct_bytes = map(float, subprocess.run([binary], check=True, capture_output=True,
                                                                      text=True).stdout.split())
    times = {"node": [], "typed": [], "hand": []}
    for _ in range(args.rounds):
        for reader in times:
            times[reader].append(float(subprocess.run([binary, "time", reader], check=True, capture_output=True,
                                                      text=True).stdout))
    t = {k: statistics.median(v) for k, v in times.items()}
    print("100,000 rows (id, two texts, an integer, a real, a boolean); memory exact; time the median of %d "
          "interleaved runs, one process each\n" % args.rounds)
    print("| read | bytes/row | over structs | ns/row | over hand-written |")
    print("|---|---:|---:|---:|---:|")
    print("| node trees | %.0f | %.2f | %.0f | %.2f |" % (node_bytes, node_bytes / struct_bytes, t["node"], t["node"] / t["hand"]))
    print("| typed rows (find_many<T>) | %.0f | %.2f | %.0f | %.2f |" % (typed_bytes, typed_bytes / struct_bytes, t["typed"],
                                                                          t["typed"] / t["hand"]))
    print("| hand-written sqlite3_column_* into structs | %.0f | 1 | %.0f | 1 |" % (struct_bytes, t["hand"]))
    print("\ntargets: node memory <= 3x structs; typed rows memory <= 2x structs, time <= 1.5x hand-written")


if __name__ == "__main__":
    sys.exit(main())
