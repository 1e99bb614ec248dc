// orm-unpinned-unique: a find_unique whose where does not pin a unique key
// RUN: %exit1 %ormlint --checks=-*,orm-unpinned-unique %s -- %cxxflags -I%S/Inputs | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
#include "query_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

void reads(database& db, const condition& filter, std::int64_t id) {
  db.query(app::schema, app::users).find_unique({.where = eq("name", "Ann")});
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: find_unique on 'users' must pin a unique key with eq(...), and its where pins 'name'; filter on the id, a .unique() column or every column of a unique index, or use find_first [orm-unpinned-unique]
  db.query(app::schema, app::users).find_unique({.where = eq("email", "a@b") || eq("email", "c@d")});
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: find_unique on 'users' must pin a unique key with eq(...), and its where pins none
  db.query(app::schema, app::posts).find_unique({});
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: find_unique on 'posts' must pin a unique key with eq(...), and its where pins none
  db.query(app::schema, app::posts).find_unique({.where = eq("authorId", id) && !is_null("title")});
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: find_unique on 'posts' must pin a unique key with eq(...), and its where pins 'authorId'

  // Must not warn: the id, a .unique() column, a key with more around it, filters not seen here.
  db.query(app::schema, app::users).find_unique({.where = eq("id", id)});
  db.query(app::schema, app::users).find_unique({.where = eq("email", "a@b") && eq("name", "Ann")});
  db.query(app::schema, app::posts).find_unique({.where = eq("id", id) && filter});
  db.query(app::schema, app::posts).find_unique({.where = filter});
  db.query(app::schema, app::posts).find_unique({.where = filter && eq("title", "x")});
  db.query(app::schema, app::users).find_first({.where = eq("name", "Ann")});
}
