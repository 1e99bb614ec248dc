#!/usr/bin/env bash
# blog_app prints the same tree from SQLite and from PostgreSQL.
#   blog_app_backends.sh <blog_app> <PostgreSQL connection string>
set -euo pipefail
app=$1
conninfo=${2:?no PostgreSQL connection string: run through ctest, whose fixture starts the server}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$app" "$work/blog.db" > "$work/sqlite.txt"
"$app" --postgres "$conninfo" > "$work/postgres.txt"
"$app" --postgres "$conninfo" > "$work/postgres-again.txt"  # a second run starts again
grep -q "name: Ann" "$work/sqlite.txt" || { echo "FAIL: the SQLite run printed no tree"; cat "$work/sqlite.txt"; exit 1; }
diff -u "$work/sqlite.txt" "$work/postgres.txt" || { echo "FAIL: PostgreSQL printed another tree"; exit 1; }
diff -u "$work/postgres.txt" "$work/postgres-again.txt" || { echo "FAIL: a second run printed another tree"; exit 1; }
echo "the same tree on SQLite and PostgreSQL ($(wc -l < "$work/sqlite.txt") lines)"
