#!/usr/bin/env bash
# A throwaway pgbouncer in transaction pooling mode, in front of the test PostgreSQL
# server of scripts/postgres-test-server.sh: the topology most PostgreSQL deployments run,
# where a client's consecutive transactions may get different server connections.
#   pgbouncer-test-server.sh start <dir> <postgres-dir>   start it (one left there is stopped first)
#   pgbouncer-test-server.sh stop <dir>                    stop it and remove the directory
# It listens only on a Unix socket in <dir> (port 6432): connect with
# "host=<dir> port=6432 dbname=<any database> user=postgres". Every database name is
# passed through to the server (a fallback entry), two server connections a database.
set -euo pipefail
action=${1:?usage: pgbouncer-test-server.sh start <dir> <postgres-dir> | stop <dir>}
dir=${2:?usage: pgbouncer-test-server.sh start <dir> <postgres-dir> | stop <dir>}

if ! command -v pgbouncer >/dev/null && [ ! -x /usr/sbin/pgbouncer ]; then
  echo "pgbouncer-test-server: pgbouncer is not installed; install the Debian package 'pgbouncer' (scripts/setup.sh does)" >&2
  exit 1
fi
pgbouncer=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)

as=()
if [ "$(id -u)" -eq 0 ]; then
  as=(setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all --reset-env)
fi

stop() {
  if [ -f "$dir/pgbouncer.pid" ]; then
    local pid
    pid=$(cat "$dir/pgbouncer.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$dir"
}

case "$action" in
  start)
    postgres_dir=${3:?usage: pgbouncer-test-server.sh start <dir> <postgres-dir>}
    stop
    mkdir -p "$dir"
    echo '"postgres" ""' >"$dir/users.txt"
    cat >"$dir/pgbouncer.ini" <<EOF
[databases]
* = host=$postgres_dir port=5432

[pgbouncer]
pool_mode = transaction
default_pool_size = 2
max_client_conn = 200
listen_addr =
listen_port = 6432
unix_socket_dir = $dir
auth_type = trust
auth_file = $dir/users.txt
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
; the tests make a database each: their pools and server connections go when idle
autodb_idle_timeout = 5
server_idle_timeout = 5
EOF
    [ ${#as[@]} -eq 0 ] || chown -R nobody:nogroup "$dir"
    if ! "${as[@]}" "$pgbouncer" -d "$dir/pgbouncer.ini"; then
      cat "$dir/pgbouncer.log" >&2 || true
      echo "pgbouncer-test-server: pgbouncer did not start in $dir (its log is above)" >&2
      exit 1
    fi
    for _ in $(seq 100); do [ -S "$dir/.s.PGSQL.6432" ] && break; sleep 0.1; done
    if [ ! -S "$dir/.s.PGSQL.6432" ]; then
      cat "$dir/pgbouncer.log" >&2 || true
      echo "pgbouncer-test-server: pgbouncer made no socket in $dir (its log is above)" >&2
      exit 1
    fi
    echo "pgbouncer-test-server: $("$pgbouncer" --version | head -n 1), transaction pooling, on socket $dir"
    ;;
  stop)
    stop
    ;;
  *)
    echo "pgbouncer-test-server: unknown action '$action' (start or stop)" >&2
    exit 2
    ;;
esac
