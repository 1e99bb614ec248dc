// orm-unknown-strategy: a load strategy that is none of automatic, join, select_in and nested
// RUN: %exit1 %ormlint --checks=-*,orm-unknown-strategy %s -- %cxxflags -I%S/Inputs | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
#include "query_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

constexpr auto from_settings = static_cast<load_strategy>(7);

void reads(database& db, load_strategy chosen) {
  db.query(app::schema, app::users).find_many({.with = {{"posts", {}}}, .strategy = static_cast<load_strategy>(4)});
// CHECK-MESSAGES: :[[@LINE-1]]:85: error: load strategy 4 at users is none of automatic, join, select_in and nested; use one of them (orm::load_strategy) [orm-unknown-strategy]
  db.query(app::schema, app::users).find_many({.with = {{"posts", {.strategy = from_settings}}}});
// CHECK-MESSAGES: :[[@LINE-1]]:80: error: load strategy 7 at users.posts is none of automatic, join, select_in and nested

  // Must not warn: the four, and a value known only at run time.
  db.query(app::schema, app::users).find_many({.with = {{"posts", {.strategy = load_strategy::nested}}}, .strategy = load_strategy::select_in});
  db.query(app::schema, app::users).find_many({.with = {{"posts", {}}}, .strategy = load_strategy::join});
  db.query(app::schema, app::users).find_many({.with = {{"posts", {}}}, .strategy = load_strategy::automatic});
  db.query(app::schema, app::users).find_many({.with = {{"posts", {}}}, .strategy = chosen});
}
