// orm-ambiguous-relation: relations that cannot be told apart: no distinct alias between the same tables
// RUN: not %ormlint --checks=-*,orm-ambiguous-relation %s -- %cxxflags | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
// RUN: cp %s %t.cpp && not %ormlint --checks=-*,orm-ambiguous-relation --fix %t.cpp -- %cxxflags > /dev/null
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
#include <orm/orm.hpp>

using namespace orm;

// Two edges from posts to users, nothing to tell them apart. Each one() has exactly one
// mirrored many(), so the fix names each edge after its one() end, on both ends. (Had a
// many() no columns, it could pair with either one(): no fix would be offered.)
namespace two_edges {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")), column("reviewerId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(
    one(posts, "author", users, {.from = "authorId"}),
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: relation 'posts.author' and 'posts.reviewer' all lead from 'posts' to 'users' with no alias to tell them apart; give each edge its own alias, on both of its ends [orm-ambiguous-relation]
// CHECK-FIXES: {{^}}    one(posts, "author", users, {.from = "authorId", .alias = "author"}),
    one(posts, "reviewer", users, {.from = "reviewerId"}),
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: relation 'posts.reviewer' and 'posts.author' all lead
// CHECK-FIXES: {{^}}    one(posts, "reviewer", users, {.from = "reviewerId", .alias = "reviewer"}),
    many(users, "authored", posts, {.to = "authorId"}),
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: relation 'users.authored' and 'users.reviewed' all lead from 'users' to 'posts'
// CHECK-FIXES: {{^}}    many(users, "authored", posts, {.to = "authorId", .alias = "author"}),
    many(users, "reviewed", posts, {.to = "reviewerId"}));
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: relation 'users.reviewed' and 'users.authored' all lead from 'users' to 'posts'
// CHECK-FIXES: {{^}}    many(users, "reviewed", posts, {.to = "reviewerId", .alias = "reviewer"}));
}  // namespace two_edges

// A self-reference needs an alias; the fix adds the same one to both ends, creating
// the options braces where there are none.
namespace self_reference {
inline constexpr auto people = table("people", column("managerId", id("people")), index("by_manager").on("managerId"));
inline constexpr auto schema = define_schema(tables(people)).relations(
    one(people, "manager", people, {.from = "managerId", .optional = false}),
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: self-referencing relation 'people.manager' has no alias; give it and its inverse the same alias so that each end finds the other [orm-ambiguous-relation]
// CHECK-FIXES: {{^}}    one(people, "manager", people, {.from = "managerId", .alias = "manager", .optional = false}),
    many(people, "reports", people, {.to = "managerId"}));
// CHECK-MESSAGES: :[[@LINE-1]]:18: error: self-referencing relation 'people.reports' has no alias
// CHECK-FIXES: {{^}}    many(people, "reports", people, {.to = "managerId", .alias = "manager"}));
}  // namespace self_reference

// One alias may name one edge only, and a table may declare a relation name once.
namespace reused_names {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto notes = table("notes", column("authorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts, notes)).relations(
    one(posts, "author", users, {.from = "authorId", .alias = "author"}),
    one(notes, "author", users, {.from = "authorId", .alias = "author"}),
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: alias 'author' of 'notes.author' already names the edge between 'posts' and 'users'; an alias names one edge, so choose another for this one [orm-ambiguous-relation]
    one(posts, "author", users, {.from = "authorId", .alias = "writer"}));
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: table 'posts' declares relation 'author' more than once; rename one of them [orm-ambiguous-relation]
}  // namespace reused_names

// Must not warn: distinct aliases on both ends, and an aliased self-reference.
namespace distinct {
inline constexpr auto users = table("users", column("managerId", id("users")));
inline constexpr auto posts = table("posts", column("authorId", id("users")), column("reviewerId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(
    one(posts, "author", users, {.from = "authorId", .alias = "a"}),
    one(posts, "reviewer", users, {.from = "reviewerId", .alias = "r"}),
    many(users, "authored", posts, {.alias = "a"}),
    one(users, "manager", users, {.from = "managerId", .alias = "m"}),
    many(users, "reports", users, {.alias = "m"}));
}  // namespace distinct
