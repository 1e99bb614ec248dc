#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine for this project, then configures and builds it.
# Installs only the Debian packages that are missing, so a second run is quick.
#   setup.sh            everything, with the test tools (the SARIF validator from npm)
#   setup.sh <target>   only what that target needs (the main job builds `ormlint`)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++-12 python3 git
  clang-19 libclang-19-dev libclang-cpp19-dev llvm-19-dev llvm-19-tools clang-tidy-19 clangd-19
  clang-tidy-14  # a clang-tidy of another version, which the module must refuse (test/lit/tidy)
  pre-commit     # the hook test (test/precommit)
  libfmt-dev libsqlite3-dev sqlite3 libsimdjson-dev libgtest-dev libbenchmark-dev
  libpq-dev postgresql  # the PostgreSQL backend and the server its tests start (scripts/postgres-test-server.sh)
  pgbouncer             # the pooler the PostgreSQL tests also run through, in transaction mode
  libxxhash-dev         # the 128-bit hash that names prepared statements after their text
  graphviz              # dot, which checks and renders ormlint --schema-graph (test/lit/cli)
  python3-jsonschema    # checks ormlint --format=gitlab against the Code Quality schema (test/ci_formats)
  libabsl-dev libgrpc++-dev libprotobuf-dev  # clangd's remote-index target links against these
)
targets=("$@")
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# npm fetches the SARIF validator and GitHub's toolkit below (full setup only); Debian's
# when the machine has none.
if ((${#targets[@]} == 0)) && ! command -v npm >/dev/null; then missing+=(npm); fi
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# From the npm registry, into a folder of the build: Microsoft's SARIF validator (test
# sarif_validator) and GitHub's toolkit, whose annotations --format=github must match
# (test ci_report_formats).
npm_packages=("@microsoft/sarif-multitool@5.7.0" "@actions/core@3.0.1")
validator=build/npm/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if ((${#targets[@]} == 0)); then
  for package in "${npm_packages[@]}"; do
    name=${package%@*}
    version=${package##*@}
    if ! grep -qs "\"version\": \"$version\"" "build/npm/node_modules/$name/package.json"; then
      echo "setup: installing $package into build/npm"
      mkdir -p build/npm
      npm install --prefix build/npm --no-audit --no-fund --loglevel=error "$package" >/dev/null
    fi
  done
fi
[ ! -e "$validator" ] || chmod u+x "$validator"  # its package's postinstall does this; npm no longer runs install scripts unasked

cmake --preset default >/dev/null
if ((${#targets[@]})); then
  cmake --build --preset default --target "${targets[@]}"
else
  cmake --build --preset default
fi
