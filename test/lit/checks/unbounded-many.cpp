// orm-unbounded-many: a many() relation that a query can load with no bound
// RUN: %ormlint --checks=-*,orm-unbounded-many %s -- %cxxflags | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
// RUN: cp %s %t.cpp && %ormlint --checks=-*,orm-unbounded-many --fix %t.cpp -- %cxxflags > /dev/null
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
// RUN: %ormlint --checks=-*,orm-unbounded-many %t.cpp -- %cxxflags | FileCheck %s -check-prefix=CLEAN -allow-empty
// CLEAN-NOT: {{warning|error}}:
#include <orm/orm.hpp>

using namespace orm;

// No options at all: the fix adds them.
namespace no_options {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(
// CHECK-FIXES: {{^}}inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 50}}).relations(
    many(users, "posts", posts, {.to = "authorId"}),
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: many() relation 'users.posts' can be loaded with no bound: the schema sets no defaults.default_limit; set one, or give every `with` of 'posts' a limit [orm-unbounded-many]
    many(users, "published", posts, {.to = "authorId", .where = eq("published", true)}));
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: many() relation 'users.published' can be loaded with no bound: the schema sets no defaults.default_limit and its predefined where filters rows, it does not bound them
}  // namespace no_options

// Options without defaults, and defaults without a limit: the fix completes them in order.
namespace partial_options {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto a = define_schema(tables(users, posts), {.strict = false})
// CHECK-FIXES: {{^}}inline constexpr auto a = define_schema(tables(users, posts), {.strict = false, .defaults = {.default_limit = 50}})
    .relations(many(users, "posts", posts, {.to = "authorId"}));
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: many() relation 'users.posts' can be loaded with no bound
inline constexpr auto b = define_schema(tables(users, posts), {.defaults = {.relation_fan_out_max_keys = 10}})
// CHECK-FIXES: {{^}}inline constexpr auto b = define_schema(tables(users, posts), {.defaults = {.default_limit = 50, .relation_fan_out_max_keys = 10}})
    .relations(many(users, "posts", posts, {.to = "authorId"}));
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: many() relation 'users.posts' can be loaded with no bound
}  // namespace partial_options

// Must not warn: a default_limit bounds every many(); one() needs no bound.
namespace bounded {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 20}})
    .relations(many(users, "posts", posts, {.to = "authorId"}));
inline constexpr auto ones = define_schema(tables(users, posts)).relations(one(posts, "author", users, {.from = "authorId"}));
}  // namespace bounded
