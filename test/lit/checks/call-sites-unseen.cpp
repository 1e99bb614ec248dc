// Call sites ormlint cannot fully see are skipped, never guessed at: templates, a
// lambda's parameter, options built at run time or changed after their initializer, a
// loop that re-reads its rows. Macros are seen through to the literal.
// RUN: %exit1 %ormlint %s -- %cxxflags -I%S/Inputs | FileCheck %s -implicit-check-not='{{warning|error}}:'
#include "query_schema.hpp"
#include <vector>
using namespace orm;
using namespace orm::sqlite;

#define LOAD(rel) db.query(app::schema, app::users).find_many({.with = {{rel, {}}}})

template <class T>
void generic(database& db, T value) {
  db.query(app::schema, app::users).find_many({.where = eq("name", value)});
  db.insert(app::schema, "users", {{"name", value}});
  db.query(app::schema, app::users).find_many({.limit = sizeof(T) - 100});
}
template void generic<int>(database&, int);

template <int N>
void depth(database& db) { db.query(app::schema, app::users).find_many({.limit = N}); }
template void depth<-3>(database&);

void macros(database& db) {
  LOAD("post");
// CHECK: :[[@LINE-1]]:8: error: table 'users' has no relation 'post'; its relations are: posts; did you mean 'posts'? [orm-unknown-relation]
  auto f = [&](const std::string& r) { return db.query(app::schema, app::users).find_many({.with = {{r, {}}}}); };
  f("x");
  std::vector<find_options> many_options{{.limit = -1}};
  for (auto& o : many_options) db.query(app::schema, app::users).find_many(o);
  const find_options shared{.with = {{"postz", {}}}};
// CHECK: :[[@LINE-1]]:39: error: table 'users' has no relation 'postz'
  db.query(app::schema, app::users).find_many(shared);
  find_options mutable_opts{.with = {{"postz", {}}}};
  mutable_opts = {};
  db.query(app::schema, app::users).find_many(mutable_opts);
  db.insert(app::schema, "users", {});
  db.insert(app::schema, "users", {{"name", nullptr}});
  while (true) { auto rows = db.query(app::schema, app::users).find_many({.limit = 1}); if (rows.empty()) break; db.remove(app::schema, "users", eq("id", rows[0]["id"].as_integer())); }
}
