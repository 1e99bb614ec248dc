// Call sites on orm::postgres are checked as those on orm::sqlite are: the same rules,
// the same words (the runtime refuses each on both backends: parity/query-sites.cpp).
// RUN: %exit1 %ormlint --checks=-*,orm-unknown-relation,orm-unknown-column,orm-row-mismatch,orm-full-scan-write %s -- %cxxflags %orm_postgres_flags -I%S/Inputs | FileCheck %s -implicit-check-not='{{warning|error}}:'
#include <orm/postgres.hpp>

#include "query_schema.hpp"

using namespace orm;

struct titled {
  std::string titel;
// CHECK: :[[@LINE-1]]:15: error: field 'titel' of 'titled' names no column, relation or variant alias of table 'posts'; did you mean 'title'? [orm-row-mismatch]
};

void on_postgres(orm::postgres::database& db) {
  db.query(app::schema, app::users).find_many({.with = {{"post", {}}}});
// CHECK: :[[@LINE-1]]:58: error: table 'users' has no relation 'post'; its relations are: posts; did you mean 'posts'? [orm-unknown-relation]
  db.query(app::schema, app::users).find_first({.where = eq("emial", "a@x")});
// CHECK: :[[@LINE-1]]:61: error: {{.*}}'emial'{{.*}} [orm-unknown-column]
  db.query(app::schema, app::posts).find_many<titled>();
  db.remove(app::schema, "comments", {});
// CHECK: :[[@LINE-1]]:{{[0-9]+}}: error: {{.*}}empty where{{.*}} [orm-full-scan-write]

  // Must not warn: the same calls, right.
  db.query(app::schema, app::users).find_many({.where = eq("email", "a@x"), .with = {{"posts", {}}}});
  db.remove(app::schema, "comments", {}, {.allow_full_scan = true});
}
