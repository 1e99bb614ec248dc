// orm-negative-bound: a query with a negative limit or offset
// RUN: %exit1 %ormlint --checks=-*,orm-negative-bound %s -- %cxxflags -I%S/Inputs | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
#include "query_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

constexpr int unlimited = -1;

void reads(database& db, int n) {
  db.query(app::schema, app::users).find_many({.limit = -1});
// CHECK-MESSAGES: :[[@LINE-1]]:57: error: limit -1 at users is negative; limits count rows, so give 0 or more [orm-negative-bound]
  db.query(app::schema, app::users).find_many({.with = {{"posts", {.limit = unlimited, .offset = -3}}}});
// CHECK-MESSAGES: :[[@LINE-1]]:77: error: limit -1 at users.posts is negative
// CHECK-MESSAGES: :[[@LINE-2]]:98: error: offset -3 at users.posts is negative

  // Must not warn: zero, positive, and values known only at run time.
  db.query(app::schema, app::users).find_many({.limit = 0, .offset = 10});
  db.query(app::schema, app::users).find_many({.limit = n, .offset = n - 100});
}
