#!/usr/bin/env bash
# Runs Debian's pre-commit in a throwaway repository that uses this repository's hook:
# a commit whose schema has a mistake is refused with the finding printed; the fixed
# one goes through.   Usage: precommit_test.sh <ormlint binary dir> <orm include dir>
set -euo pipefail
bin_dir=$1
include=$2
source_repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
rev=$(git -C "$source_repo" rev-parse HEAD)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME=$work/cache PATH=$bin_dir:$PATH HOME=$work
git config --global user.email test@example.com
git config --global user.name test
git config --global init.defaultBranch main
repo=$work/app
git init -q "$repo"
cd "$repo"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $source_repo
    rev: $rev
    hooks:
      - id: ormlint
YAML
printf '[{"directory": "%s", "file": "%s/schema.cpp", "arguments": ["clang++", "-std=c++20", "-I%s", "-c", "schema.cpp"]}]\n' \
  "$repo" "$repo" "$include" > compile_commands.json
cat > schema.cpp <<'CPP'
#include <orm/orm.hpp>
using namespace orm;
inline constexpr auto users = table("users", column("name", text()));
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 10}})
    .relations(many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}));
CPP
git add .pre-commit-config.yaml compile_commands.json schema.cpp
pre-commit install >/dev/null

if git commit -qm "schema with an unindexed foreign key" > "$work/refused.txt" 2>&1; then
  echo "FAIL: the commit with a mistake went through"; cat "$work/refused.txt"; exit 1
fi
grep -q "error: relation 'users.posts' loads 'posts' rows by (authorId).*\[orm-missing-relation-index\]" "$work/refused.txt" || {
  echo "FAIL: the refused commit did not print the finding"; cat "$work/refused.txt"; exit 1; }

sed -i 's|column("authorId", id("users")))|column("authorId", id("users")), index("by_author").on("authorId"))|' schema.cpp
git add schema.cpp
git commit -qm "index the foreign key" > "$work/accepted.txt" 2>&1 || {
  echo "FAIL: the fixed commit was refused"; cat "$work/accepted.txt"; exit 1; }
echo "pre-commit: the mistake was refused with its finding, the fix went through"
echo "1 passed, 0 failed"
