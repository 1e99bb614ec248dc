// orm-n-plus-one: a query or write run once per row of another query, which a relation could load in one
// RUN: %ormlint --checks=-*,orm-n-plus-one %s -- %cxxflags -I%S/Inputs | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
#include "query_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

void range_for(database& db) {
  for (const node& post : db.query(app::schema, app::posts).find_many({.limit = 10})) {
    const auto comments = db.query(app::schema, app::comments).find_many({.where = eq("postId", post["id"].as_integer())});
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: find_many on 'comments' runs once per row of the query on 'posts' (N+1), through its relation 'comments'; load them in that query instead: add {"comments", {...}} to its with [orm-n-plus-one]
// CHECK-MESSAGES: :[[@LINE-3]]:27: note: the loop iterates the rows of this query on 'posts'
    auto author = db.query(app::schema, app::users).find_first({.where = eq("id", post["authorId"].as_integer())});
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: find_first on 'users' runs once per row of the query on 'posts' (N+1), through its relation 'author'; load them in that query instead: add {"author", {...}} to its with
// CHECK-MESSAGES: :[[@LINE-6]]:27: note: the loop iterates
  }
}

void indexed_with_locals(database& db) {
  const auto users = db.query(app::schema, app::users).find_many({.limit = 10});
  for (std::size_t i = 0; i < users.size(); ++i) {
    const std::int64_t id = users[i]["id"].as_integer();
    db.query(app::schema, app::posts).find_many({.where = eq("authorId", id) && eq("title", "x")});
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: find_many on 'posts' runs once per row of the query on 'users' (N+1), through its relation 'posts'
// CHECK-MESSAGES: :[[@LINE-5]]:22: note: the loop iterates the rows of this query on 'users'
  }
  auto it = users.begin();
  while (it != users.end()) {
    db.remove(app::schema, "posts", eq("authorId", (*it)["id"].as_integer()));
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: remove on 'posts' runs once per row of the query on 'users' (N+1), through its relation 'posts'; make one remove for every row, filtered with in("authorId", ...)
// CHECK-MESSAGES: :[[@LINE-11]]:22: note: the loop iterates
    ++it;
  }
}

void must_not_warn(database& db, const std::vector<std::int64_t>& ids, const std::vector<param>& keys) {
  const auto posts = db.query(app::schema, app::posts).find_many({.limit = 10});
  for (const node& post : posts) {
    // Does not depend on the row.
    db.query(app::schema, app::users).find_many({.where = eq("name", "Ann")});
    // No relation of posts joins users on email.
    db.query(app::schema, app::users).find_many({.where = eq("email", post["title"].as_text())});
    // A value taken before the loop is the same in every pass.
  }
  const auto first = posts[0]["id"].as_integer();
  for (int pass = 0; pass < 2; ++pass) db.query(app::schema, app::comments).find_many({.where = eq("postId", first)});
  // Outside any loop; and loops over something else than rows.
  db.query(app::schema, app::comments).find_many({.where = eq("postId", posts[0]["id"].as_integer())});
  for (std::int64_t id : ids) db.query(app::schema, app::comments).find_many({.where = eq("postId", id)});
  // The batched form.
  db.query(app::schema, app::comments).find_many({.where = in("postId", keys)});
}

// One level of helper function: the loop passes a row's value to a function whose call
// filters on it.
std::vector<node> comments_of(database& db, std::int64_t post_id) {
  return db.query(app::schema, app::comments).find_many({.where = eq("postId", post_id)});
// CHECK-MESSAGES: :[[@LINE-1]]:10: warning: find_many on 'comments' runs once per row of the query on 'posts' (N+1), through its relation 'comments'; load them in that query instead: add {"comments", {...}} to its with [orm-n-plus-one]
// CHECK-MESSAGES: :[[@LINE+5]]:27: note: the loop iterates the rows of this query on 'posts'
// CHECK-MESSAGES: :[[@LINE+5]]:5: note: once per row through this call of 'comments_of'
}

void through_a_helper(database& db) {
  for (const node& post : db.query(app::schema, app::posts).find_many({.limit = 10}))
    comments_of(db, post["id"].as_integer());
  // Must not warn: the helper called once, outside a loop, or in a loop with a value that is not a row's.
  comments_of(db, 1);
  for (std::int64_t id = 0; id < 3; ++id) comments_of(db, id);
}

// count, exists and aggregate per row: the advice reads each row's related ids with the outer
// query (one count with in(...) would count every row's together).
void counts_per_row(database& db) {
  for (const node& post : db.query(app::schema, app::posts).find_many({.limit = 10})) {
    db.query(app::schema, app::comments).count({.where = eq("postId", post["id"].as_integer())});
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: count on 'comments' runs once per row of the query on 'posts' (N+1), through its relation 'comments'; count them in that query instead: add .count = {"comments"} to it and read each row's comments_count [orm-n-plus-one]
// CHECK-MESSAGES: :[[@LINE-3]]:27: note: the loop iterates the rows of this query on 'posts'
    db.query(app::schema, app::comments).exists({.where = eq("postId", post["id"].as_integer())});
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exists on 'comments' runs once per row of the query on 'posts' (N+1), through its relation 'comments'; ask it in that query instead: filter it with some("comments", ...) (none(...): the rows without) to keep only those rows, or add {"comments", {.columns = only("id"), .limit = 1}} to its with (an empty list: none) [orm-n-plus-one]
// CHECK-MESSAGES: :[[@LINE-6]]:27: note: the loop iterates the rows of this query on 'posts'
    db.query(app::schema, app::comments).aggregate({.where = eq("postId", post["id"].as_integer()), .count = true, .max = "body"});
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: aggregate on 'comments' runs once per row of the query on 'posts' (N+1), through its relation 'comments'; aggregate them all at once instead: filter with in("postId", ...) and add "postId" to .group_by, for one row per group [orm-n-plus-one]
// CHECK-MESSAGES: :[[@LINE-9]]:27: note: the loop iterates the rows of this query on 'posts'
  }
}

// The loop's variable declared `auto`, as most loops are written.
void auto_rows(database& db) {
  for (const auto& post : db.query(app::schema, app::posts).find_many({.limit = 10}))
    db.query(app::schema, app::comments).find_many({.where = eq("postId", post["id"].as_integer())});
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: find_many on 'comments' runs once per row of the query on 'posts' (N+1), through its relation 'comments'; load them in that query instead: add {"comments", {...}} to its with [orm-n-plus-one]
// CHECK-MESSAGES: :[[@LINE-3]]:27: note: the loop iterates the rows of this query on 'posts'
}

// An insert per row of a query, its row taking the row's values: insert_many writes them all.
void inserts_per_row(database& db) {
  for (const auto& post : db.query(app::schema, app::posts).find_many({.limit = 10})) {
    db.insert(app::schema, "comments", {{"body", "first!"}, {"postId", post["id"].as_integer()}});
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: insert on 'comments' runs once per row of the query on 'posts' (N+1), through its relation 'comments'; write them all at once instead: collect the rows and call insert_many [orm-n-plus-one]
// CHECK-MESSAGES: :[[@LINE-3]]:27: note: the loop iterates the rows of this query on 'posts'
  }
  // Must not warn: an insert per row whose values are not the row's, an insert outside a
  // loop, and the same rows written with insert_many.
  const auto posts = db.query(app::schema, app::posts).find_many({.limit = 10});
  for (std::size_t i = 0; i < posts.size(); ++i) db.insert(app::schema, "users", {{"name", "n"}});
  db.insert(app::schema, "comments", {{"body", "b"}, {"postId", 1}});
  std::vector<fields> rows;
  for (const auto& post : posts) rows.push_back({{"body", "first!"}, {"postId", post["id"].as_integer()}});
  db.insert_many(app::schema, "comments", rows);
}
