#!/usr/bin/env bash
# The main job: sets up and builds (scripts/setup.sh), then runs ormlint on examples/:
# the blog project, which must be clean, and examples/mistakes/, one file per check.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "setting up and building ormlint: on a fresh machine a few minutes to install packages, then about" >&2
echo "2 minutes of building on 2 cores (the lines [n/N] below); a second run takes seconds" >&2
bash scripts/setup.sh ormlint
ormlint=build/tool/cli/ormlint

echo "== ormlint -p build examples/blog"
"$ormlint" -p build examples/blog
echo "no findings"

echo
echo "== ormlint -p build -j 2 examples/mistakes"
status=0
"$ormlint" -p build -j 2 examples/mistakes || status=$?
if [ "$status" -ne 1 ]; then
  echo "lint-examples: expected findings at error severity in examples/mistakes (exit 1), got exit $status" >&2
  exit 1
fi
