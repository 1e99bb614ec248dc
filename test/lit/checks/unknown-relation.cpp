// orm-unknown-relation: a query whose with names a relation its table does not have
// RUN: %exit1 %ormlint --checks=-*,orm-unknown-relation %s -- %cxxflags -I%S/Inputs | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
// RUN: cp %s %t.cpp && %exit1 %ormlint --checks=-*,orm-unknown-relation --fix %t.cpp -- %cxxflags -I%S/Inputs > /dev/null
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
// RUN: %exit1 %ormlint --checks=-*,orm-unknown-relation %t.cpp -- %cxxflags -I%S/Inputs | FileCheck %s -check-prefix=AFTER -implicit-check-not='{{warning|error}}:'
#include "query_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

void reads(database& db, const std::string& runtime_name) {
  db.query(app::schema, app::users).find_many({.with = {{"post", {}}}});
// CHECK-MESSAGES: :[[@LINE-1]]:58: error: table 'users' has no relation 'post'; its relations are: posts; did you mean 'posts'? [orm-unknown-relation]
// CHECK-FIXES: {{^}}  db.query(app::schema, app::users).find_many({.with = {{.}}{"posts", {}}}});

  // Nested: checked against the table of each level.
  auto posts = db.query(app::schema, app::posts);
  posts.find_first({.with = {{"comments", {.with = {{"posst", {}}}}}}});
// CHECK-MESSAGES: :[[@LINE-1]]:54: error: table 'comments' has no relation 'posst'; its relations are: post; did you mean 'post'?
// CHECK-FIXES: {{^}}  posts.find_first({.with = {{.}}{"comments", {.with = {{.}}{"post", {}}}}}}});

  for (int i = 0; i < 2; ++i) db.query(app::schema, app::users).find_unique({.where = orm::eq("id", i), .with = {{"drafts", {}}}});
// CHECK-MESSAGES: :[[@LINE-1]]:115: error: table 'users' has no relation 'drafts'; its relations are: posts [orm-unknown-relation]
// AFTER: :[[@LINE-2]]:115: error: table 'users' has no relation 'drafts'

  // Must not warn: known names, and a name built at run time (not known here).
  db.query(app::schema, app::users).find_many({.with = {{"posts", {.with = {{"comments", {}}}}}}});
  db.query(app::schema, app::users).find_many({.with = {{runtime_name, {}}}});
}
