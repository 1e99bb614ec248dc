// orm-conflict-target: an upsert whose .on is not exactly a unique key, or is not in the row
// RUN: %exit1 %ormlint --checks=-*,orm-conflict-target,orm-unknown-column,orm-value-type %s -- %cxxflags -I%S/Inputs | FileCheck %s -implicit-check-not='{{warning|error}}:'
#include "query_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

struct new_user {
  std::string name;
  std::string email;
};

void writes(database& db, const std::vector<std::string>& key, const fields& changes, const std::string& email) {
  db.upsert(app::schema, "users", {{"name", "Ann"}, {"email", email}}, {.on = {"name"}});
// CHECK: :[[@LINE-1]]:80: error: an upsert of 'users' on (name) needs exactly a unique key to conflict on, and (name) is not one; name one of (id), (email), or add a unique index on (name) [orm-conflict-target]
  db.upsert(app::schema, "users", {{"name", "Ann"}, {"email", email}}, {.on = {"email", "name"}});
// CHECK: :[[@LINE-1]]:80: error: an upsert of 'users' on (email, name) needs exactly a unique key
  db.upsert(app::schema, "users", {{"name", "Ann"}, {"email", email}}, {});
// CHECK: :[[@LINE-1]]:6: error: an upsert of 'users' needs .on, the columns of the unique key a row conflicts on: one of (id), (email) [orm-conflict-target]
  db.upsert(app::schema, "users", {{"name", "Ann"}}, {.on = {"email"}});
// CHECK: :[[@LINE-1]]:62: error: an upsert of 'users' on (email) inserts no 'email', so the row could never conflict on it; set it in the row [orm-conflict-target]
  db.upsert(app::schema, "users", {{"name", "Ann"}, {"email", email}}, {.on = {"emial"}});
// CHECK: :[[@LINE-1]]:80: error: table 'users' has no column 'emial' to upsert on; did you mean 'email'? [orm-unknown-column]
  db.upsert(app::schema, "users", {{"name", "Ann"}, {"email", email}}, {.on = {"email"}, .update = fields{{"nme", "Bo"}}});
// CHECK: :[[@LINE-1]]:108: error: table 'users' has no column 'nme'; did you mean 'name'? [orm-unknown-column]
  db.upsert(app::schema, "posts", {{"id", 4}, {"title", "x"}}, {.on = {"id"}, .update = fields{{"title", 1.5}}});
// CHECK: :[[@LINE-1]]:106: error: 'posts.title' holds text, and this value is a real [orm-value-type]
  db.upsert(app::schema, "users", new_user{"Ann", "a@b"}, {.on = {"name"}});
// CHECK: :[[@LINE-1]]:67: error: an upsert of 'users' on (name) needs exactly a unique key
  const upsert_options by_name{.on = {"name"}};
  db.upsert(app::schema, "users", {{"name", "Ann"}, {"email", email}}, by_name);
// CHECK: :[[@LINE-2]]:39: error: an upsert of 'users' on (name) needs exactly a unique key

  // Must not warn: a key (in any order, the id), with an update of what the table has,
  // an update that leaves the row, and keys or rows built elsewhere.
  db.upsert(app::schema, "users", {{"name", "Ann"}, {"email", email}}, {.on = {"email"}});
  db.upsert(app::schema, "users", new_user{"Ann", "a@b"}, {.on = {"email"}, .update = fields{{"name", "Bo"}}});
  db.upsert(app::schema, "posts", {{"id", 4}, {"title", "x"}}, {.on = {"id"}, .update = fields{}});
  db.upsert(app::schema, "users", {{"name", "Ann"}, {"email", email}}, {.on = key});
  db.upsert(app::schema, "users", {{"name", "Ann"}, {"email", email}}, {.on = {"email"}, .update = changes});
  db.upsert(app::schema, "users", changes, {.on = {"email"}});
  db.upsert(app::schema, "users", {{"name", "Ann"}, {"email", email}}, {.on = {"email"}, .update = std::nullopt});
}
