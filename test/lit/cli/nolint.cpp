// NOLINT comments suppress findings as in clang-tidy; other checks' markers do not.
// RUN: %ormlint --checks=-*,orm-unbounded-many %s -- %cxxflags | FileCheck %s -implicit-check-not='{{warning|error}}:'
#include <orm/orm.hpp>

using namespace orm;
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(
    many(users, "a", posts, {.to = "authorId"}),  // NOLINT
    many(users, "b", posts, {.to = "authorId"}),  // NOLINT(orm-unbounded-*)
    many(users, "c", posts, {.to = "authorId"}),  // NOLINT(orm-missing-relation-index)
// CHECK: :[[@LINE-1]]:17: warning: many() relation 'users.c'
    // NOLINTNEXTLINE(orm-unbounded-many)
    many(users, "d", posts, {.to = "authorId"}),
    // NOLINTBEGIN(orm-unbounded-many)
    many(users, "e", posts, {.to = "authorId"}),
    many(users, "f", posts, {.to = "authorId"}),
    // NOLINTEND(orm-unbounded-many)
    many(users, "g", posts, {.to = "authorId"}));
// CHECK: :[[@LINE-1]]:17: warning: many() relation 'users.g'
