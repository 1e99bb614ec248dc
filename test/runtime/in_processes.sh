#!/usr/bin/env bash
# Runs a command in N processes at once (each told its number in ORM_TEST_STRESS_PROCESS,
# and all this run's number in ORM_TEST_STRESS_RUN) and fails when any of them fails.
#   in_processes.sh N command [args...]
set -uo pipefail
count=${1:?usage: in_processes.sh N command [args...]}
shift
export ORM_TEST_STRESS_RUN=$$
pids=()
for i in $(seq "$count"); do
  ORM_TEST_STRESS_PROCESS="process$i" "$@" >"${TMPDIR:-/tmp}/in_processes.$$.$i.log" 2>&1 &
  pids+=($!)
done
failed=0
for i in $(seq "$count"); do
  if ! wait "${pids[$((i - 1))]}"; then
    failed=1
    echo "process $i failed:"
  fi
  cat "${TMPDIR:-/tmp}/in_processes.$$.$i.log"
  rm -f "${TMPDIR:-/tmp}/in_processes.$$.$i.log"
done
exit "$failed"
