// orm-cursor-order: a cursor (.after/.before) on an order it cannot seek by, on a load, or given both ways
// RUN: %exit1 %ormlint --checks=-*,orm-cursor-order %s -- %cxxflags -I%S/Inputs | FileCheck %s -implicit-check-not='{{warning|error}}:'
#include "query_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

void pages(database& db, const cursor& at, const std::optional<cursor>& maybe) {
  auto posts = db.query(app::schema, app::posts);
  posts.find_many({.order_by = {desc("createdAt")}, .limit = 10, .after = at});
// CHECK: :[[@LINE-1]]:38: error: a cursor cannot page 'posts' ordered by 'createdAt': the column can be NULL, and no row compares as after a NULL; order by NOT NULL columns (the id is added last), or page with offset [orm-cursor-order]
  posts.find_page({.order_by = {asc("author.name")}, .limit = 10, .before = at});
// CHECK: :[[@LINE-1]]:37: error: a cursor cannot page 'posts' ordered by 'author.name': the value is another table's
  posts.find_many({.order_by = {asc("id")}, .after = at, .before = at});
// CHECK: :[[@LINE-1]]:54: error: the read of 'posts' is given both .after and .before; give one: a page runs one way from its cursor [orm-cursor-order]
  db.query(app::schema, app::users).find_many({.with = {{"posts", {.limit = 2, .after = at}}}});
// CHECK: :[[@LINE-1]]:89: error: a cursor pages the rows of the read, and this one is given to the load users.posts; page the top rows, or bound the load with limit and offset [orm-cursor-order]

  // Not flagged: an order by the id; no cursor; a cursor that may be empty (the runtime judges it).
  posts.find_page({.order_by = {desc("id")}, .limit = 10, .after = at});
  posts.find_page({.order_by = {desc("createdAt")}, .limit = 10});
  posts.find_many({.order_by = {desc("createdAt")}, .limit = 10, .after = maybe});
}
