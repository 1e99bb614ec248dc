// A call in a function template is checked where the template is used: in each
// instantiation its types are known, and one finding stands for all of them. A template
// never instantiated says nothing of the types it would get: it is skipped.
// RUN: %exit1 %ormlint --checks=-*,orm-unknown-relation,orm-unknown-column %s -- %cxxflags %orm_postgres_flags -I%S/Inputs | FileCheck %s -implicit-check-not='{{warning|error}}:'
#include <orm/postgres.hpp>

#include "query_schema.hpp"

using namespace orm;

template <class Database>
void on_any_backend(Database& db) {
  db.query(app::schema, app::users).find_many({.with = {{"post", {}}}});
// CHECK: :[[@LINE-1]]:58: error: table 'users' has no relation 'post'; its relations are: posts; did you mean 'posts'? [orm-unknown-relation]
  db.insert(app::schema, "users", {{"nmae", "Ann"}});
// CHECK: :[[@LINE-1]]:{{[0-9]+}}: error: table 'users' has no column 'nmae'; did you mean 'name'? [orm-unknown-column]
}

template <class Database>
void never_used(Database& db) {
  db.query(app::schema, app::users).find_many({.with = {{"drafts", {}}}});
}

void both(orm::sqlite::database& lite, orm::postgres::database& server) {
  on_any_backend(lite);
  on_any_backend(server);
}
