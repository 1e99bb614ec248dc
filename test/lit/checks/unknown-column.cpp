// orm-unknown-column: a query or write that names a table or column the schema does not have
// RUN: %exit1 %ormlint --checks=-*,orm-unknown-column %s -- %cxxflags -I%S/Inputs | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
// RUN: cp %s %t.cpp && %exit1 %ormlint --checks=-*,orm-unknown-column --fix %t.cpp -- %cxxflags -I%S/Inputs > /dev/null
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
#include "query_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

void reads(database& db, const std::string& column) {
  db.query(app::schema, app::posts).find_many({.columns = only("titel")});
// CHECK-MESSAGES: :[[@LINE-1]]:64: error: table 'posts' has no column 'titel' to select; did you mean 'title'? [orm-unknown-column]
// CHECK-FIXES: {{^}}  db.query(app::schema, app::posts).find_many({.columns = only("title")});
  db.query(app::schema, app::posts).find_many({.order_by = {asc("created")}});
// CHECK-MESSAGES: :[[@LINE-1]]:65: error: table 'posts' has no column 'created' to order by; did you mean 'createdAt'?
  db.query(app::schema, app::users).find_many({.where = eq("nmae", "Ann") || eq("email", "a@b")});
// CHECK-MESSAGES: :[[@LINE-1]]:60: error: table 'users' has no column 'nmae' to filter on; did you mean 'name'?
// CHECK-FIXES: {{^}}  db.query(app::schema, app::users).find_many({.where = eq("name", "Ann") || eq("email", "a@b")});
  db.query(app::schema, app::users).find_many({.with = {{"posts", {.where = !is_null("body")}}}});
// CHECK-MESSAGES: :[[@LINE-1]]:86: error: table 'posts' has no column 'body' to filter on [orm-unknown-column]

  // Must not warn: known columns, and names known only at run time.
  db.query(app::schema, app::posts).find_many({.columns = except("createdAt"), .where = eq("title", "x"),
                                               .order_by = {desc("createdAt")}});
  db.query(app::schema, app::posts).find_many({.columns = only(column), .order_by = {asc(column)}});
}

namespace forum {
inline constexpr auto replies = table("replies", column("body", text()));
inline constexpr auto categories = table("categories", column("name", text()));
inline constexpr auto schema = define_schema(tables(replies, categories));
}  // namespace forum

void writes(database& db, const std::string& column, const std::string& table) {
  db.insert(app::schema, "users", {{"nmae", "Ann"}, {"email", "a@b"}});
// CHECK-MESSAGES: :[[@LINE-1]]:37: error: table 'users' has no column 'nmae'; did you mean 'name'? [orm-unknown-column]
// CHECK-FIXES: {{^}}  db.insert(app::schema, "users", {{[{]}}{"name", "Ann"}, {"email", "a@b"}});
  db.insert(app::schema, "user", {{"name", "Ann"}});
// CHECK-MESSAGES: :[[@LINE-1]]:26: error: the schema has no table 'user'; did you mean 'users'? [orm-unknown-column]
// CHECK-FIXES: {{^}}  db.insert(app::schema, "users", {{[{]}}{"name", "Ann"}});
  db.update(app::schema, "posts", {{"titel", "x"}}, eq("authorID", 1));
// CHECK-MESSAGES: :[[@LINE-1]]:37: error: table 'posts' has no column 'titel'; did you mean 'title'?
// CHECK-MESSAGES: :[[@LINE-2]]:56: error: table 'posts' has no column 'authorID' to filter on; did you mean 'authorId'?
// CHECK-FIXES: {{^}}  db.update(app::schema, "posts", {{[{]}}{"title", "x"}}, eq("authorId", 1));
  db.remove(app::schema, "comments", eq("post", 1));
// CHECK-MESSAGES: :[[@LINE-1]]:41: error: table 'comments' has no column 'post' to filter on

  // A table named in the other number: three edits from "replies", but the likely slip.
  db.insert(forum::schema, "reply", {{"body", "x"}});
// CHECK-MESSAGES: :[[@LINE-1]]:28: error: the schema has no table 'reply'; did you mean 'replies'? [orm-unknown-column]
// CHECK-FIXES: {{^}}  db.insert(forum::schema, "replies", {{[{]}}{"body", "x"}});
  db.remove(forum::schema, "category", eq("name", "x"));
// CHECK-MESSAGES: :[[@LINE-1]]:28: error: the schema has no table 'category'; did you mean 'categories'? [orm-unknown-column]

  // Must not warn: known names, and names known only at run time.
  db.insert(app::schema, "users", {{"name", "Ann"}, {column, "x"}});
  db.insert(app::schema, table, {{"whatever", "x"}});
  db.update(app::schema, "posts", {{"title", "x"}}, eq("id", 1));
  db.remove(app::schema, "comments", eq(column, 1));
}
