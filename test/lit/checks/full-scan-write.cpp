// orm-full-scan-write: an update or remove whose where is empty, without allow_full_scan
// RUN: %exit1 %ormlint --checks=-*,orm-full-scan-write %s -- %cxxflags -I%S/Inputs | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
#include "query_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

struct comment_body {
  std::optional<std::string> body;
};

void writes(database& db, const condition& filter, bool everything) {
  db.update(app::schema, "posts", {{"title", "x"}}, {});
// CHECK-MESSAGES: :[[@LINE-1]]:6: error: an update of 'posts' with an empty where would change every row; filter it, or pass {.allow_full_scan = true} [orm-full-scan-write]
  db.remove(app::schema, "comments", condition());
// CHECK-MESSAGES: :[[@LINE-1]]:6: error: a remove of 'comments' with an empty where would change every row
  db.remove(app::schema, "comments", {}, {.allow_full_scan = false});
// CHECK-MESSAGES: :[[@LINE-1]]:6: error: a remove of 'comments' with an empty where would change every row
  db.returning<comment_body>().remove(app::schema, "comments", {});
// CHECK-MESSAGES: :[[@LINE-1]]:32: error: a remove of 'comments' with an empty where would change every row

  // Must not warn: a filter, a full scan allowed (or maybe allowed), a filter known only at run time.
  db.update(app::schema, "posts", {{"title", "x"}}, eq("title", "y"));
  db.remove(app::schema, "comments", {}, {.allow_full_scan = true});
  db.remove(app::schema, "comments", {}, {.allow_full_scan = everything});
  db.remove(app::schema, "comments", filter);
  db.returning<comment_body>().remove(app::schema, "comments", filter);
  db.insert(app::schema, "users", {{"name", "Ann"}});
}
