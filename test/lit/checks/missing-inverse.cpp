// orm-missing-inverse: a relation whose inverse cannot be found, or does not mirror it
// RUN: %exit1 %ormlint --checks=-*,orm-missing-inverse %s -- %cxxflags | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
// RUN: cp %s %t.cpp && %exit1 %ormlint --checks=-*,orm-missing-inverse --fix %t.cpp -- %cxxflags > /dev/null
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
#include <orm/orm.hpp>

using namespace orm;

// No from/to and no inverse one() to take them from.
namespace no_inverse {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(
    many(users, "posts", posts),
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: relation 'users.posts' has no from/to and no inverse on 'posts' to infer them from; write from/to, or declare the inverse one() with from/to [orm-missing-inverse]
    many(users, "drafts", posts, {.alias = "drafter"}));
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: relation 'users.drafts' has no from/to and no inverse on 'posts' with alias 'drafter' to infer them from
}  // namespace no_inverse

// Several one() relations could be the inverse: orm-ambiguous-relation reports it, not
// this check (one mistake, one finding).
namespace several_candidates {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")), column("reviewerId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(
    many(users, "posts", posts),
    one(posts, "author", users, {.from = "authorId"}),
    one(posts, "reviewer", users, {.from = "reviewerId"}));
}  // namespace several_candidates

// Inference does not cross define_relations_part pieces; the fix writes the columns.
namespace across_parts {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto user_part = define_relations_part("user_part", many(users, "posts", posts, {.alias = "author"}));
// CHECK-MESSAGES: :[[@LINE-1]]:82: error: relation 'users.posts' has no from/to and its inverse 'posts.author' is in relations part 'post_part', not in part 'user_part'; inference does not cross parts, so write from/to or move both into one part [orm-missing-inverse]
// CHECK-FIXES: {{^}}inline constexpr auto user_part = define_relations_part("user_part", many(users, "posts", posts, {.from = "id", .to = "authorId", .alias = "author"}));
inline constexpr auto post_part =
    define_relations_part("post_part", one(posts, "author", users, {.from = "authorId", .to = "id", .alias = "author"}));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(user_part, post_part);
}  // namespace across_parts

// Ends that share an alias must mirror each other, junction columns included.
namespace not_mirrored {
inline constexpr auto users = table("users");
inline constexpr auto groups = table("groups");
inline constexpr auto members = table("members", column("userId", id("users")), column("groupId", id("groups")));
inline constexpr auto schema = define_schema(tables(users, groups, members)).relations(
    many(users, "groups", groups, {.alias = "m"}).through(members, "userId", "groupId"),
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: relation 'users.groups' and 'groups.users' share alias 'm' but their junction columns do not mirror each other; the inverse must have (userId) and (groupId) swapped [orm-missing-inverse]
    many(groups, "users", users, {.alias = "m"}).through(members, "userId", "groupId"));
// CHECK-MESSAGES: :[[@LINE-1]]:18: error: relation 'groups.users' and 'users.groups' share alias 'm' but their junction columns do not mirror
}  // namespace not_mirrored

// Must not warn: inferred from a unique inverse, one-way relations with from/to,
// mirrored through pairs, and a one-to-one inferred from its owning side.
namespace resolved {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto profiles = table("profiles", column("userId", id("users").unique()));
inline constexpr auto groups = table("groups");
inline constexpr auto members = table("members", column("userId", id("users")), column("groupId", id("groups")));
inline constexpr auto schema = define_schema(tables(users, posts, profiles, groups, members)).relations(
    many(users, "posts", posts),
    one(posts, "author", users, {.from = "authorId"}),
    many(users, "published", posts, {.to = "authorId", .alias = "published"}),
    one(profiles, "user", users, {.from = "userId"}),
    one(users, "profile", profiles),
    many(users, "groups", groups, {.alias = "m"}).through(members, "userId", "groupId"),
    many(groups, "users", users, {.alias = "m"}).through(members, "groupId", "userId"));
}  // namespace resolved
