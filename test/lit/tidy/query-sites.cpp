// The call-site checks inside the real clang-tidy-19: a misspelt relation and column with
// their fix-its, an N+1 with its note, and a clean re-run once the fixes are applied.
// RUN: not %clang_tidy --load=%tidy_module --checks='-*,orm-unknown-relation,orm-unknown-column,orm-n-plus-one' %s -- %cxxflags -I%S/../checks/Inputs 2>/dev/null | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{^/.*(warning|error):}}'
// RUN: cp %s %t.cpp && %clang_tidy --load=%tidy_module --checks='-*,orm-unknown-relation,orm-unknown-column' --fix-errors %t.cpp -- %cxxflags -I%S/../checks/Inputs > /dev/null 2>&1
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
// RUN: %clang_tidy --load=%tidy_module --checks='-*,orm-unknown-relation,orm-unknown-column' %t.cpp -- %cxxflags -I%S/../checks/Inputs 2>/dev/null | FileCheck %s -check-prefix=CLEAN -allow-empty
// CLEAN-NOT: {{^/.*(warning|error):}}
#include "query_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

void reads(database& db) {
  for (const node& user : db.query(app::schema, app::users).find_many({.with = {{"post", {}}}})) {
// CHECK-MESSAGES: :[[@LINE-1]]:82: error: table 'users' has no relation 'post'; its relations are: posts; did you mean 'posts'? [orm-unknown-relation]
// CHECK-FIXES: {{^}}  for (const node& user : db.query(app::schema, app::users).find_many({.with = {{[{][{]}}"posts", {}}}})) {
    db.query(app::schema, app::posts).find_many({.where = eq("authorId", user["id"].as_integer()), .order_by = {asc("titel")}});
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: find_many on 'posts' runs once per row of the query on 'users' (N+1), through its relation 'posts'; load them in that query instead: add {"posts", {...}} to its with [orm-n-plus-one]
// CHECK-MESSAGES: :[[@LINE-2]]:117: error: table 'posts' has no column 'titel' to order by; did you mean 'title'? [orm-unknown-column]
// CHECK-FIXES: {{^}}    db.query(app::schema, app::posts).find_many({.where = eq("authorId", user["id"].as_integer()), .order_by = {asc("title")}});
  }
}
