#!/usr/bin/env bash
# A throwaway streaming replica of the test server (postgres-test-server.sh): a base
# backup of the primary taken with pg_basebackup -R, started as a hot standby that
# streams the primary's WAL, on a Unix socket in its own directory (no TCP). It streams
# through a physical replication slot on the primary, so the primary keeps every WAL
# segment the replica has not received: without one, a replica that falls behind under
# load (a busy 2-core machine, sanitized tests) finds its next segment removed by a
# checkpoint and never catches up again.
#   postgres-replica-test-server.sh start <dir> <primary dir>   (a replica left there is stopped and wiped first)
#   postgres-replica-test-server.sh stop <dir> [<primary dir>]  stop it, remove the directory and drop its slot
# Connect with "host=<dir> dbname=postgres user=postgres". Under root it runs as `nobody`.
set -euo pipefail
action=${1:?usage: postgres-replica-test-server.sh start <dir> <primary dir> | stop <dir>}
dir=${2:?usage: postgres-replica-test-server.sh start <dir> <primary dir> | stop <dir>}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/pg_basebackup" ]; then
  echo "postgres-replica-test-server: PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/pg_basebackup);" \
       "install the Debian package 'postgresql' (scripts/setup.sh does)" >&2
  exit 1
fi

as=()
if [ "$(id -u)" -eq 0 ]; then
  as=(setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all --reset-env)
fi

slot=orm_test_replica

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

# A slot left by an earlier replica of this primary would hold its WAL for ever and make
# pg_basebackup -C fail.
# The primary's walsender may still hold the slot for a moment after its replica stopped.
drop_slot() {
  local primary=$1 i
  for i in $(seq 1 300); do
    [ "$("$bin/psql" -X -A -t -h "$primary" -U postgres -d postgres \
         -c "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '$slot' AND active")" = 0 ] && break
    sleep 0.1
  done
  "$bin/psql" -X -q -h "$primary" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '$slot'" \
    >/dev/null
}

case "$action" in
  start)
    primary=${3:?usage: postgres-replica-test-server.sh start <dir> <primary dir>}
    stop
    drop_slot "$primary"
    mkdir -p "$dir"
    [ ${#as[@]} -eq 0 ] || chown nobody:nogroup "$dir"
    chmod 0755 "$dir"
    # -R writes standby.signal, primary_conninfo (the primary's socket) and, with -C -S,
    # primary_slot_name: a hot standby streaming through its own slot.
    if ! "${as[@]}" "$bin/pg_basebackup" -h "$primary" -U postgres -D "$dir/data" -R -C -S "$slot" -X stream -c fast \
         >"$dir/basebackup.log" 2>&1; then
      cat "$dir/basebackup.log" >&2
      echo "postgres-replica-test-server: pg_basebackup from the primary at $primary failed (its output is above)" >&2
      exit 1
    fi
    if ! "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
         -o "-c listen_addresses='' -k $dir -c fsync=off -c hot_standby=on -c max_connections=200" \
         start >/dev/null; then
      cat "$dir/server.log" >&2 || true
      echo "postgres-replica-test-server: the replica did not start in $dir (its log is above)" >&2
      exit 1
    fi
    echo "postgres-replica-test-server: streaming replica of $primary on socket $dir"
    ;;
  stop)
    stop
    if [ -n "${3:-}" ]; then drop_slot "$3"; fi
    ;;
  *)
    echo "postgres-replica-test-server: unknown action '$action' (start or stop)" >&2
    exit 2
    ;;
esac
