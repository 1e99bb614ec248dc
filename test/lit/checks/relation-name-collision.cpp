// orm-relation-name-collision: a relation named like a column of its table
// RUN: %exit1 %ormlint --checks=-*,orm-relation-name-collision %s -- %cxxflags | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
#include <orm/orm.hpp>

using namespace orm;

inline constexpr auto users = table("users", column("name", text()));
inline constexpr auto posts = table("posts",
    column("title", text()), column("authorId", id("users")), index("by_author").on("authorId"),
    column("kind", discriminator({}, variant("link", column("target", text())))));
inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 5}}).relations(
    one(posts, "title", users, {.from = "authorId"}),
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: relation 'posts.title' is named like column 'posts.title', and a row can hold only one of them under that key; rename the relation [orm-relation-name-collision]
    one(posts, "target", users, {.from = "authorId"}),
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: relation 'posts.target' is named like variant field 'posts.target'
    one(posts, "id", users, {.from = "authorId"}),
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: relation 'posts.id' is named like column 'posts.id'
    // Must not warn: a relation named like a column of another table.
    one(posts, "name", users, {.from = "authorId"}),
    many(users, "title", posts, {.to = "authorId"}));
