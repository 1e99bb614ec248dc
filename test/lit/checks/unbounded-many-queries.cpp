// orm-unbounded-many at query sites: a `with` that loads a many() with no limit.
// RUN: %exit1 %ormlint --checks=-*,orm-unbounded-many %s -- %cxxflags | FileCheck %s -implicit-check-not='{{warning|error}}:'
#include <cstdint>
#include <vector>

#include <orm/sqlite.hpp>

using namespace orm;
using namespace orm::sqlite;

inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")), index("by_author").on("authorId"));
inline constexpr auto comments = table("comments", column("postId", id("posts")), index("by_post").on("postId"));
inline constexpr auto schema = define_schema(tables(users, posts, comments)).relations(  // NOLINT(orm-unbounded-many)
    many(users, "posts", posts, {.to = "authorId"}),  // NOLINT(orm-unbounded-many)
    one(posts, "author", users, {.from = "authorId"}),
    many(posts, "comments", comments, {.to = "postId"}));  // NOLINT(orm-unbounded-many)

// Typed rows: a many() field loads its relation as a `with` would, bounded or not.
struct comment_row {
  std::int64_t id;
};
struct post_row {
  std::int64_t id;
  std::vector<comment_row> comments;
// CHECK: :[[@LINE-1]]:28: error: loading many() relation 'posts.comments' has no bound
};
struct user_row {
  std::vector<post_row> posts;
};

void typed(database& db) {
  db.query(schema, users).find_many<user_row>({.with = {{"posts", {.limit = 5}}}});
  db.query(schema, posts).find_many<post_row>({.with = {{"comments", {.limit = 5}}}});  // bounded: no finding
}

void queries(database& db) {
  db.query(schema, users).find_many({.with = {{"posts", {}}}});
// CHECK: :[[@LINE-1]]:48: error: loading many() relation 'users.posts' has no bound: give this `with` a limit, set defaults.default_limit, or pass allow_full_scan [orm-unbounded-many]

  auto by_user = db.query(schema, users);
  by_user.find_first({.with = {{"posts", {.limit = 5, .with = {{"comments", {}}}}}}});
// CHECK: :[[@LINE-1]]:65: error: loading many() relation 'posts.comments' has no bound

  // Must not warn: limited, a one(), and allow_full_scan.
  db.query(schema, users).find_many({.with = {{"posts", {.limit = 10}}}});
  db.query(schema, posts).find_many({.with = {{"author", {}}}});
  db.query(schema, users).find_many({.with = {{"posts", {}}}, .allow_full_scan = true});
}

// Must not warn: the schema bounds every many().
inline constexpr auto bounded = define_schema(tables(users, posts), {.defaults = {.default_limit = 20}})
    .relations(many(users, "posts", posts, {.to = "authorId"}));
void bounded_query(database& db) { db.query(bounded, users).find_many({.with = {{"posts", {}}}}); }
