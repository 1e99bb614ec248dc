#!/usr/bin/env bash
# Installs the build into a fresh prefix, then configures, builds and runs a consumer
# project against it, including its ormlint check step, and loads the installed module
# into clang-tidy-19.   Usage: install_test.sh <build dir> <source dir>
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" > /dev/null
for f in bin/ormlint bin/ormlint-clangd lib/libormlint-tidy.so include/orm/orm.hpp include/orm/sqlite.hpp include/orm/postgres.hpp \
         lib/cmake/orm/ormConfig.cmake; do
  [ -e "$work/prefix/$f" ] || { echo "FAIL: $f was not installed"; exit 1; }
done

configure() {  # configure <source> <build> [CONSUMER_ORMLINT]: orm_add_ormlint_check's extra arguments
  cmake -S "$1" -B "$2" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_PREFIX_PATH="$work/prefix" \
        "-DCONSUMER_ORMLINT=${3:-}" > /dev/null
}
# The consumer as docs/integrations.md shows it, with room for the test's extra arguments.
cp -r "$source/test/install/consumer" "$work/consumer-src"
sed -i 's/orm_add_ormlint_check(consumer)/orm_add_ormlint_check(consumer ${CONSUMER_ORMLINT})/' "$work/consumer-src/CMakeLists.txt"
for f in lib/libormlint-plugin.so; do [ -e "$work/prefix/$f" ] || { echo "FAIL: $f was not installed"; exit 1; }; done

# With clang++-19 the checks run inside the target's compiles (the plugin): no step of
# their own, and a no-op build does nothing.
configure "$work/consumer-src" "$work/consumer"
grep -q -- "-fplugin=$work/prefix/lib/libormlint-plugin.so" "$work/consumer/build.ninja" || {
  echo "FAIL: the consumer's compiles do not load the ormlint plugin"; exit 1; }
cmake --build "$work/consumer" > "$work/build.txt" 2>&1 || { echo "FAIL: the consumer did not build"; cat "$work/build.txt"; exit 1; }
"$work/consumer/consumer" | grep -q "ann has 1 order(s)" || { echo "FAIL: the consumer did not run"; exit 1; }
cmake --build "$work/consumer" > "$work/noop.txt" 2>&1
grep -q "no work to do" "$work/noop.txt" || { echo "FAIL: a no-op build did work"; cat "$work/noop.txt"; exit 1; }

# SEPARATE_STEP (and any compiler but this Clang): one ormlint step per source.
configure "$work/consumer-src" "$work/consumer-step" SEPARATE_STEP
cmake --build "$work/consumer-step" > "$work/build.txt" 2>&1 || { echo "FAIL: the consumer did not build"; cat "$work/build.txt"; exit 1; }
grep -q "ormlint main.cpp" "$work/build.txt" || { echo "FAIL: building the target did not lint it"; cat "$work/build.txt"; exit 1; }
if grep -q -- "-fplugin" "$work/consumer-step/build.ninja"; then echo "FAIL: SEPARATE_STEP loads the plugin too"; exit 1; fi
# The target's compiles do not wait for its linting: only the link does.
if grep "^build cmake_object_order_depends_target_consumer" "$work/consumer-step/build.ninja" | grep -q consumer_ormlint; then
  echo "FAIL: the consumer's compiles wait for its ormlint steps"; exit 1
fi
grep "^build consumer:" "$work/consumer-step/build.ninja" | grep -q "ormlint_passed.cpp.o" || {
  echo "FAIL: the consumer's link does not wait for its ormlint steps"; grep "^build consumer:" "$work/consumer-step/build.ninja"; exit 1; }
cmake --build "$work/consumer-step" --target consumer_ormlint > "$work/lint.txt" 2>&1 || {
  echo "FAIL: the consumer's ormlint step failed on a clean schema"; cat "$work/lint.txt"; exit 1; }
# Incremental: a no-op build lints nothing; a touched source is linted again.
cmake --build "$work/consumer-step" > "$work/noop.txt" 2>&1
if grep -q "ormlint" "$work/noop.txt"; then echo "FAIL: a no-op build linted again"; cat "$work/noop.txt"; exit 1; fi
touch "$work/consumer-src/main.cpp"
cmake --build "$work/consumer-step" > "$work/touched.txt" 2>&1
grep -q "ormlint main.cpp" "$work/touched.txt" || { echo "FAIL: a changed source was not linted again"; cat "$work/touched.txt"; exit 1; }

# The build fails when the schema has a mistake, in either way of linting.
mkdir -p "$work/broken"
cp "$work/consumer-src/CMakeLists.txt" "$work/consumer-src/main.cpp" "$work/broken/"
sed -i 's/index("by_customer").on("customerId")/check("positive", ge("total", 0))/' "$work/broken/main.cpp"
for mode in "" SEPARATE_STEP; do
  configure "$work/broken" "$work/broken-build$mode" "$mode"
  if cmake --build "$work/broken-build$mode" > "$work/broken.txt" 2>&1; then
    echo "FAIL: a plain build ($mode) passed a schema with a missing index"; exit 1
  fi
  grep -q "error: .*\[orm-missing-relation-index\]" "$work/broken.txt" || { echo "FAIL: no finding printed ($mode)"; cat "$work/broken.txt"; exit 1; }
  [ ! -e "$work/broken-build$mode/consumer" ] || { echo "FAIL: the broken target was linked anyway ($mode)"; exit 1; }
done
# Fixing the schema makes the same build pass.
sed -i 's/check("positive", ge("total", 0))/index("by_customer").on("customerId")/' "$work/broken/main.cpp"
cmake --build "$work/broken-build" > "$work/fixed.txt" 2>&1 || { echo "FAIL: the fixed schema did not build"; cat "$work/fixed.txt"; exit 1; }
sed -i 's/index("by_customer").on("customerId")/check("positive", ge("total", 0))/' "$work/broken/main.cpp"  # broken again, for the tools below

# A target can lower a check: the same mistake builds, reported as a warning.
configure "$work/broken" "$work/lowered-build" "ERRORS_AS_WARNINGS;orm-missing-relation-index"
cmake --build "$work/lowered-build" > "$work/lowered.txt" 2>&1 || { echo "FAIL: ERRORS_AS_WARNINGS did not lower the check"; cat "$work/lowered.txt"; exit 1; }
grep -q "warning: .*\[orm-missing-relation-index\]" "$work/lowered.txt" || { echo "FAIL: the lowered finding was not printed"; cat "$work/lowered.txt"; exit 1; }

# Inside the compiles, as in the steps: a header's finding is shown by one unit's compile
# (the other says where), NOLINT is honoured, and .ormlint.yaml applies.
mkdir -p "$work/shared"
cat > "$work/shared/schema.hpp" <<'SCHEMA'
#pragma once
#include <orm/sqlite.hpp>
namespace shared {
using namespace orm;
inline constexpr auto users = table("users", column("name", text()));
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 10}})
    .relations(many(users, "posts", posts),
               one(posts, "author", users, {.from = "authorId"}));
}  // namespace shared
SCHEMA
for unit in a b; do
  printf '#include "schema.hpp"\nint %s_count(orm::sqlite::database& db) { return static_cast<int>(db.query(shared::schema, shared::users).find_many({}).size()); }\n' \
    "$unit" > "$work/shared/$unit.cpp"
done
printf 'int main() { return 0; }\n' > "$work/shared/main.cpp"
cat > "$work/shared/CMakeLists.txt" <<'PROJECT'
cmake_minimum_required(VERSION 3.25)
project(shared LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 20)
find_package(orm REQUIRED CONFIG)
add_executable(app main.cpp a.cpp b.cpp)
target_link_libraries(app PRIVATE orm::sqlite)
orm_add_ormlint_check(app ${CONSUMER_ORMLINT})
PROJECT
configure "$work/shared" "$work/shared-build" "ERRORS_AS_WARNINGS;orm-missing-relation-index"
cmake --build "$work/shared-build" > "$work/shared.txt" 2>&1 || { echo "FAIL: the shared-header project did not build"; cat "$work/shared.txt"; exit 1; }
[ "$(grep -c "schema.hpp:.*warning: .*\[orm-missing-relation-index\]" "$work/shared.txt")" = 1 ] || {
  echo "FAIL: the header's finding was not shown exactly once"; cat "$work/shared.txt"; exit 1; }
grep -q "of this header are shown with the findings of .*/[ab].cpp" "$work/shared.txt" || {
  echo "FAIL: the other unit did not say where the header's finding is shown"; cat "$work/shared.txt"; exit 1; }
# A header's error is shown once too, and still fails the compile of each unit that
# includes it (-k 0: both compiles run).
configure "$work/shared" "$work/shared-errors"
if cmake --build "$work/shared-errors" -- -k 0 > "$work/shared.txt" 2>&1; then
  echo "FAIL: the header's error did not fail the build"; cat "$work/shared.txt"; exit 1; fi
[ "$(grep -c "schema.hpp:.*error: .*\[orm-missing-relation-index\]" "$work/shared.txt")" = 1 ] || {
  echo "FAIL: the header's error was not shown exactly once"; cat "$work/shared.txt"; exit 1; }
for unit in a b; do
  grep -q "FAILED: CMakeFiles/app.dir/$unit.cpp.o" "$work/shared.txt" || {
    echo "FAIL: the compile of $unit.cpp passed although its header has an error"; cat "$work/shared.txt"; exit 1; }
done
sed -i 's|many(users, "posts", posts),|many(users, "posts", posts),  // NOLINT(orm-missing-relation-index)|' "$work/shared/schema.hpp"
cmake --build "$work/shared-build" > "$work/shared.txt" 2>&1 || { echo "FAIL: the NOLINT build failed"; cat "$work/shared.txt"; exit 1; }
if grep -q "\[orm-missing-relation-index\]" "$work/shared.txt"; then echo "FAIL: NOLINT was not honoured in the compile"; cat "$work/shared.txt"; exit 1; fi
# .ormlint.yaml applies to the compiles, and a change to it judges them again.
sed -i 's|  // NOLINT(orm-missing-relation-index)||' "$work/shared/schema.hpp"
printf "Checks: '-*,orm-unindexed-query'\n" > "$work/shared/.ormlint.yaml"
configure "$work/shared" "$work/shared-build"
cmake --build "$work/shared-build" > "$work/shared.txt" 2>&1 || { echo "FAIL: the configured build failed"; cat "$work/shared.txt"; exit 1; }
if grep -q "\[orm-missing-relation-index\]" "$work/shared.txt"; then echo "FAIL: .ormlint.yaml's Checks were not applied"; cat "$work/shared.txt"; exit 1; fi
printf "Checks: '-*,orm-missing-relation-index'\n" > "$work/shared/.ormlint.yaml"
if cmake --build "$work/shared-build" > "$work/shared.txt" 2>&1; then
  echo "FAIL: a changed .ormlint.yaml did not judge the compiles again"; cat "$work/shared.txt"; exit 1; fi
grep -q "error: .*\[orm-missing-relation-index\]" "$work/shared.txt" || { echo "FAIL: .ormlint.yaml's check printed nothing"; cat "$work/shared.txt"; exit 1; }

"$work/prefix/bin/ormlint" --list-checks | grep -q orm-missing-inverse

# clang-tidy pipelines with the installed module (docs/integrations.md).
module="$work/prefix/lib/libormlint-tidy.so"
if run-clang-tidy-19 -quiet -load "$module" -checks='-*,orm-*' -p "$work/broken-build" > "$work/run.txt" 2>&1; then
  echo "FAIL: run-clang-tidy passed the mistake"; exit 1
fi
grep -q "\[orm-missing-relation-index\]" "$work/run.txt" || { echo "FAIL: run-clang-tidy printed no finding"; cat "$work/run.txt"; exit 1; }
cmake -S "$work/broken" -B "$work/tidy-build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_PREFIX_PATH="$work/prefix" \
      "-DCMAKE_CXX_CLANG_TIDY=clang-tidy-19;--load=$module;--checks=-*,orm-*" > /dev/null
if cmake --build "$work/tidy-build" --target consumer > "$work/tidy.txt" 2>&1; then
  echo "FAIL: CMAKE_CXX_CLANG_TIDY let the mistake build"; exit 1
fi
grep -q "\[orm-missing-relation-index\]" "$work/tidy.txt" || { echo "FAIL: the build printed no finding"; cat "$work/tidy.txt"; exit 1; }
# A PostgreSQL-only project: COMPONENTS postgres asks nothing of SQLite, and the program
# links none.
cmake -S "$source/test/install/postgres_consumer" -B "$work/pg-consumer" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
      -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_DISABLE_FIND_PACKAGE_SQLite3=ON > "$work/pg-configure.txt" 2>&1 || {
  echo "FAIL: find_package(orm COMPONENTS postgres) needed more than PostgreSQL"; cat "$work/pg-configure.txt"; exit 1; }
cmake --build "$work/pg-consumer" > "$work/pg-build.txt" 2>&1 || { echo "FAIL: the PostgreSQL consumer did not build"; cat "$work/pg-build.txt"; exit 1; }
if ldd "$work/pg-consumer/postgres_consumer" | grep -q sqlite; then echo "FAIL: the PostgreSQL consumer links SQLite"; exit 1; fi
"$work/pg-consumer/postgres_consumer" | grep -q "ann has 1 order(s) on PostgreSQL" || { echo "FAIL: the PostgreSQL consumer did not run"; exit 1; }

# A component this orm was not built with is refused by name, with the way out.
cp -r "$work/prefix" "$work/no-sqlite"
rm "$work/no-sqlite/lib/cmake/orm/"orm_sqliteTargets*.cmake
mkdir -p "$work/wants-sqlite"
printf 'cmake_minimum_required(VERSION 3.25)\nproject(p LANGUAGES CXX)\nfind_package(orm REQUIRED CONFIG COMPONENTS sqlite)\n' \
  > "$work/wants-sqlite/CMakeLists.txt"
if cmake -S "$work/wants-sqlite" -B "$work/wants-sqlite/build" -DCMAKE_PREFIX_PATH="$work/no-sqlite" > "$work/missing.txt" 2>&1; then
  echo "FAIL: a missing sqlite component was found"; exit 1
fi
tr -s ' \n' '  ' < "$work/missing.txt" | grep -q "built without the sqlite backend: build and install it with ORM_WITH_SQLITE=ON" || {
  echo "FAIL: the missing component's message"; cat "$work/missing.txt"; exit 1; }

echo "install: headers, tools and package installed; consumer built, ran and was checked (inside its compiles, in ormlint steps, run-clang-tidy, CMAKE_CXX_CLANG_TIDY); a PostgreSQL-only consumer (COMPONENTS postgres) built without SQLite and ran; a missing component named"
echo "1 passed, 0 failed"
