#!/usr/bin/env python3
"""Prints the runtime's throughput through pgbouncer (transaction pooling, a pool of 2,
pgbouncer=true) as a ratio of its throughput over direct connections, measured side by
side in one run of bench_pooler_throughput (rounds alternate which mode goes first).
Starts its own PostgreSQL and pgbouncer (scripts/*-test-server.sh) and stops them at the
end. Builds the benchmark first.
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POSTGRES = os.path.join(ROOT, "scripts", "postgres-test-server.sh")
PGBOUNCER = os.path.join(ROOT, "scripts", "pgbouncer-test-server.sh")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--operations", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    subprocess.run(["cmake", "--build", args.build, "--target", "bench_pooler_throughput"], check=True,
                   stdout=subprocess.DEVNULL)
    server = tempfile.mkdtemp(prefix="orm-pg-bench-")
    pooler = tempfile.mkdtemp(prefix="orm-pgb-bench-")
    subprocess.run(["bash", POSTGRES, "start", server], check=True, stdout=subprocess.DEVNULL)
    try:
        subprocess.run(["bash", PGBOUNCER, "start", pooler, server], check=True, stdout=subprocess.DEVNULL)
        try:
            direct = f"host={server} dbname=postgres user=postgres"
            pooled = f"host={pooler} port=6432 dbname=postgres user=postgres pgbouncer=true"
            out = subprocess.run([os.path.join(args.build, "bench", "bench_pooler_throughput"), direct, pooled,
                                  str(args.operations), str(args.rounds)],
                                 check=True, capture_output=True, text=True).stdout
        finally:
            subprocess.run(["bash", PGBOUNCER, "stop", pooler], check=True)
    finally:
        subprocess.run(["bash", POSTGRES, "stop", server], check=True)
    rate = {"direct": [], "pooled": []}
    wrong = 0
    for line in out.splitlines():
        r = json.loads(line)
        rate[r["mode"]].append(r["operations"] / r["seconds"])
        wrong += r["wrong"]
    direct_rate, pooled_rate = statistics.median(rate["direct"]), statistics.median(rate["pooled"])
    print(f"8 client threads, {args.operations} calls per round, median of {args.rounds} alternating rounds\n")
    print("| connections | calls per second | wrong results |")
    print("|---|---:|---:|")
    print(f"| direct (8 server connections, named statements) | {direct_rate:.0f} | |")
    print(f"| pgbouncer, transaction mode, pool 2, pgbouncer=true | {pooled_rate:.0f} | |")
    print(f"| all rounds | | {wrong} |")
    print(f"\npooled / direct = {pooled_rate / direct_rate:.2f} (target >= 0.8, issue 23)")


if __name__ == "__main__":
    main()
