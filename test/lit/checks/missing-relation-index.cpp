// orm-missing-relation-index: a relation load with no index whose leading columns are the lookup columns
// RUN: %exit1 %ormlint --checks=-*,orm-missing-relation-index %s -- %cxxflags | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
// RUN: cp %s %t.cpp && %exit1 %ormlint --checks=-*,orm-missing-relation-index --fix %t.cpp -- %cxxflags > /dev/null
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
// RUN: %ormlint --checks=-*,orm-missing-relation-index %t.cpp -- %cxxflags | FileCheck %s -check-prefix=CLEAN -allow-empty
// CLEAN-NOT: {{warning|error}}:
#include <orm/orm.hpp>

using namespace orm;

// A many() looks up the child by its key: posts(authorId) needs an index.
namespace many_child_key {
inline constexpr auto users = table("users", column("name", text()));
inline constexpr auto posts = table("posts",
    column("authorId", id("users").not_null()));
// CHECK-FIXES: {{^}}    column("authorId", id("users").not_null()),
// CHECK-FIXES-NEXT: {{^}}    index("by_authorId").on("authorId"));
inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 10}})
    .relations(many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}));
// CHECK-MESSAGES: :[[@LINE-1]]:28: error: relation 'users.posts' loads 'posts' rows by (authorId), which no index of 'posts' serves; add index("by_authorId").on("authorId") to 'posts' [orm-missing-relation-index]
// CHECK-MESSAGES: :[[@LINE-7]]:37: note: table 'posts' is defined here
}  // namespace many_child_key

// A one() to a column other than id looks the target up by that column.
namespace one_to_non_id {
inline constexpr auto accounts = table("accounts", column("email", text()));
inline constexpr auto people = table("people", column("email", text()));
// CHECK-FIXES: {{^}}inline constexpr auto people = table("people", column("email", text()), index("by_email").on("email"));
inline constexpr auto schema = define_schema(tables(accounts, people)).relations(
    one(accounts, "person", people, {.from = "email", .to = "email"}));
// CHECK-MESSAGES: :[[@LINE-1]]:19: error: relation 'accounts.person' loads 'people' rows by (email), which no index of 'people' serves; add index("by_email").on("email") to 'people' [orm-missing-relation-index]
// CHECK-MESSAGES: :[[@LINE-5]]:38: note: table 'people' is defined here
}  // namespace one_to_non_id

// .through() needs the junction index of each direction that is declared.
namespace through_both_directions {
inline constexpr auto users = table("users");
inline constexpr auto groups = table("groups");
inline constexpr auto members = table("members",
    column("userId", id("users")),
    column("groupId", id("groups")));
// CHECK-FIXES: {{^}}    column("groupId", id("groups")),
// CHECK-FIXES-NEXT: {{^}}    index("by_userId").on("userId"),
// CHECK-FIXES-NEXT: {{^}}    index("by_groupId").on("groupId"));
inline constexpr auto schema = define_schema(tables(users, groups, members), {.defaults = {.default_limit = 10}})
    .relations(
        many(users, "groups", groups, {.alias = "m"}).through(members, "userId", "groupId"),
// CHECK-MESSAGES: :[[@LINE-1]]:21: error: relation 'users.groups' loads junction 'members' rows by (userId), which no index of 'members' serves; add index("by_userId").on("userId") to 'members' [orm-missing-relation-index]
        many(groups, "users", users, {.alias = "m"}).through(members, "groupId", "userId"));
// CHECK-MESSAGES: :[[@LINE-1]]:22: error: relation 'groups.users' loads junction 'members' rows by (groupId), which no index of 'members' serves; add index("by_groupId").on("groupId") to 'members' [orm-missing-relation-index]
}  // namespace through_both_directions

// A compound key needs an index whose leading columns are the key's, in order.
namespace compound_prefix_order {
inline constexpr auto regions = table("regions", column("country", text()), column("code", text()));
inline constexpr auto stores = table("stores",
    column("country", text()), column("code", text()),
    index("by_code_country").on("code", "country"));
// CHECK-FIXES: {{^}}    index("by_code_country").on("code", "country"),
// CHECK-FIXES-NEXT: {{^}}    index("by_country_code").on("country", "code"));
inline constexpr auto schema = define_schema(tables(regions, stores), {.defaults = {.default_limit = 10}})
    .relations(many(regions, "stores", stores, {.from = cols("country", "code"), .to = cols("country", "code")}));
// CHECK-MESSAGES: :[[@LINE-1]]:30: error: relation 'regions.stores' loads 'stores' rows by (country, code), which no index of 'stores' serves; add index("by_country_code").on("country", "code") to 'stores' [orm-missing-relation-index]
}  // namespace compound_prefix_order

// Without strict, a missing index is a warning: the runtime only warns under allow_full_scan.
namespace not_strict {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts), {.strict = false, .defaults = {.default_limit = 10}})
    .relations(many(users, "posts", posts, {.to = "authorId"}));
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: relation 'users.posts' loads 'posts' rows by (authorId)
}  // namespace not_strict

// Must not warn: an index, a unique column, a longer index with the key as prefix, the primary key.
namespace served {
inline constexpr auto users = table("users", column("email", text().unique()));
inline constexpr auto posts = table("posts",
    column("authorId", id("users")), column("kind", text()),
    index("by_author_kind").on("authorId", "kind"));
inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 10}}).relations(
    many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}),
    one(posts, "byEmail", users, {.from = "kind", .to = "email"}));
}  // namespace served
