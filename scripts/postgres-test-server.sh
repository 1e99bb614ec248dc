#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests and benchmarks: its own data directory,
# listening only on a Unix socket in that directory (no TCP, no network).
#   postgres-test-server.sh start <dir>   initdb and start (a server left there is stopped and wiped first)
#   postgres-test-server.sh stop <dir>    stop it and remove the directory
# Connect with "host=<dir> dbname=postgres user=postgres". PostgreSQL refuses to run as
# root, so under root the server runs as the unprivileged user `nobody`.
set -euo pipefail
action=${1:?usage: postgres-test-server.sh start|stop <dir>}
dir=${2:?usage: postgres-test-server.sh start|stop <dir>}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres-test-server: PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/initdb);" \
       "install the Debian package 'postgresql' (scripts/setup.sh does)" >&2
  exit 1
fi

as=()
if [ "$(id -u)" -eq 0 ]; then
  as=(setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all --reset-env)
fi

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "$action" in
  start)
    stop
    mkdir -p "$dir"
    [ ${#as[@]} -eq 0 ] || chown nobody:nogroup "$dir"
    chmod 0755 "$dir"
    if ! "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2
      echo "postgres-test-server: initdb failed in $dir (its output is above)" >&2
      exit 1
    fi
    # Durability is not what these tests measure: fsync off keeps them fast. 200
    # connections: pgbouncer keeps two per test database for a few seconds after each
    # test, beside the direct tests, the parity tests and the replica running at once.
    if ! "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
         -o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
         start >/dev/null; then
      cat "$dir/server.log" >&2 || true
      echo "postgres-test-server: the server did not start in $dir (its log is above)" >&2
      exit 1
    fi
    echo "postgres-test-server: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on socket $dir"
    ;;
  stop)
    stop
    ;;
  *)
    echo "postgres-test-server: unknown action '$action' (start or stop)" >&2
    exit 2
    ;;
esac
