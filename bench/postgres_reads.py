#!/usr/bin/env python3
"""Prints the runtime's three-level read on PostgreSQL against N+1 and a batched IN loader
written by hand with libpq prepared statements, as ratios of medians from one run of
bench_postgres_reads with random interleaving. Starts its own server on a Unix socket
(scripts/postgres-test-server.sh) and stops it at the end. Builds the benchmark first.
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVER = os.path.join(ROOT, "scripts", "postgres-test-server.sh")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()
    subprocess.run(["cmake", "--build", args.build, "--target", "bench_postgres_reads"], check=True,
                   stdout=subprocess.DEVNULL)
    directory = tempfile.mkdtemp(prefix="orm-pg-bench-")
    subprocess.run(["bash", SERVER, "start", directory], check=True, stdout=subprocess.DEVNULL)
    try:
        env = dict(os.environ, ORM_BENCH_POSTGRES=f"host={directory} dbname=postgres user=postgres")
        out = subprocess.run([os.path.join(args.build, "bench", "bench_postgres_reads"), "--benchmark_format=json",
                              f"--benchmark_repetitions={args.repetitions}",
                              "--benchmark_enable_random_interleaving=true", "--benchmark_min_time=0.1"],
                             check=True, capture_output=True, text=True, env=env).stdout
    finally:
        subprocess.run(["bash", SERVER, "stop", directory], check=True)
    runs = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") == "iteration":
            runs.setdefault(b["run_name"], []).append(b["real_time"])
    median = {name: statistics.median(times) for name, times in runs.items()}

    print(f"PostgreSQL over a Unix socket; median of {args.repetitions} interleaved repetitions, microseconds per call\n")
    print("| parents | orm automatic | join | select_in | nested | N+1 | batched IN | best hand / automatic | N+1 / automatic |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for parents in (1, 100, 5000):
        auto, join, select_in, nested, n1, batched = (
            median[f"{v}/{parents}"] for v in ("orm_automatic", "orm_join", "orm_select_in", "orm_nested",
                                               "naive_n_plus_one", "batched_in_loader"))
        print(f"| {parents} | {auto:.0f} | {join:.0f} | {select_in:.0f} | {nested:.0f} | {n1:.0f} | {batched:.0f} | "
              f"{min(n1, batched) / auto:.2f} | {n1 / auto:.2f} |")
    names = ['newest_automatic', 'newest_join', 'newest_select_in', 'newest_hand_batched']
    print("\n100 users, each user's newest 2 posts (a limit per parent), microseconds per call:\n")
    print("| " + " | ".join(names) + " | best hand / automatic |")
    print("|" + "---:|" * (len(names) + 1))
    values = [median[n] for n in names]
    print("| " + " | ".join(f"{v:.0f}" for v in values) + f" | {values[-1] / values[0]:.2f} |")
    print("\ntargets (issue 20): best hand / automatic >= 1.0 at every size; N+1 / automatic >= 10 at 100 parents")

if __name__ == "__main__":
    main()
