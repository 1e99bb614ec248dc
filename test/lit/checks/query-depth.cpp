// orm-query-depth: a query whose with nests deeper than its max_depth
// RUN: %exit1 %ormlint --checks=-*,orm-query-depth %s -- %cxxflags -I%S/Inputs | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
#include "query_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

void reads(database& db, int depth) {
  db.query(app::schema, app::users).find_many({.with = {{"posts", {.with = {{"author", {.with = {{"posts", {.with = {{"comments", {}}}}}}}}}}}}});
// CHECK-MESSAGES: :[[@LINE-1]]:119: error: the query nests `with` 4 deep at users.posts.author.posts.comments, deeper than max_depth 3; raise max_depth or load the rest in another query [orm-query-depth]
  db.query(app::schema, app::users).find_many({.with = {{"posts", {.with = {{"comments", {}}}}}}, .max_depth = 1});
// CHECK-MESSAGES: :[[@LINE-1]]:78: error: the query nests `with` 2 deep at users.posts.comments, deeper than max_depth 1

  // Must not warn: within the default, within a raised max_depth, and a depth known only at run time.
  db.query(app::schema, app::users).find_many({.with = {{"posts", {.with = {{"author", {.with = {{"posts", {}}}}}}}}}});
  db.query(app::schema, app::users).find_many({.with = {{"posts", {.with = {{"author", {.with = {{"posts", {.with = {{"comments", {}}}}}}}}}}}}, .max_depth = 4});
  db.query(app::schema, app::users).find_many({.with = {{"posts", {.with = {{"comments", {}}}}}}, .max_depth = depth});
}
