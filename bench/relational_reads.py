#!/usr/bin/env python3
"""Prints the runtime's three-level read against N+1, a batched IN loader and hand-written
SQL, as ratios of medians from one run of bench_relational_reads with random
interleaving (so machine noise hits all variants alike). Builds the benchmark first.
"""
import argparse
import json
import os
import statistics
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()
    subprocess.run(["cmake", "--build", args.build, "--target", "bench_relational_reads"], check=True,
                   stdout=subprocess.DEVNULL)
    out = subprocess.run([os.path.join(args.build, "bench", "bench_relational_reads"), "--benchmark_format=json",
                          f"--benchmark_repetitions={args.repetitions}", "--benchmark_enable_random_interleaving=true",
                          "--benchmark_min_time=0.1"], check=True, capture_output=True, text=True).stdout
    runs = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") == "iteration":
            runs.setdefault(b["run_name"], []).append(b["real_time"])
    median = {name: statistics.median(times) for name, times in runs.items()}

    print(f"median of {args.repetitions} interleaved repetitions, microseconds per call\n")
    print("| parents | orm automatic | join | select_in | nested | N+1 | batched IN | hand-written json | "
          "best hand / automatic |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for parents in (1, 100, 5000):
        auto, join, select_in, nested, n1, batched, hand = (
            median[f"{v}/{parents}"] for v in ("orm_automatic", "orm_join", "orm_select_in", "orm_nested",
                                               "naive_n_plus_one", "batched_in_loader", "hand_written_json"))
        print(f"| {parents} | {auto:.0f} | {join:.0f} | {select_in:.0f} | {nested:.0f} | {n1:.0f} | {batched:.0f} | "
              f"{hand:.0f} | {min(n1, batched, hand) / auto:.2f} |")
    names = ['newest_automatic', 'newest_join', 'newest_select_in', 'newest_nested', 'newest_hand_n_plus_one']
    print("\n100 users, each user's newest 2 posts (a limit per parent), microseconds per call:\n")
    print("| " + " | ".join(names) + " | best hand / automatic |")
    print("|" + "---:|" * (len(names) + 1))
    values = [median[n] for n in names]
    print("| " + " | ".join(f"{v:.0f}" for v in values) + f" | {values[-1] / values[0]:.2f} |")
    print("\ntargets (issue 20): best hand / automatic >= 1.0 at every size")

if __name__ == "__main__":
    main()
