// orm-unknown-reference: a table or column named in a schema that does not exist
// RUN: %exit1 %ormlint --checks=-*,orm-unknown-reference %s -- %cxxflags | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
// RUN: cp %s %t.cpp && %exit1 %ormlint --checks=-*,orm-unknown-reference --fix %t.cpp -- %cxxflags > /dev/null
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
// After the fixes, only the names with no close match are left.
// RUN: %exit1 %ormlint --checks=-*,orm-unknown-reference %t.cpp -- %cxxflags | FileCheck %s -check-prefix=AFTER -implicit-check-not='{{warning|error}}:'
// And the other checks stay quiet about a relation whose names do not resolve.
// RUN: %exit1 %ormlint %s -- %cxxflags | FileCheck %s -check-prefix=ALL -implicit-check-not='users.posts'
#include <orm/orm.hpp>

using namespace orm;

inline constexpr auto users = table("users", column("name", text()), column("teamId", integer()));
inline constexpr auto profiles = table("profiles", column("userId", id("users")));
inline constexpr auto tags = table("tags");
inline constexpr auto post_tags = table("post_tags", column("postId", integer()), column("tagId", integer()));
inline constexpr auto posts = table("posts",
    column("title", text()), column("authorId", id("userz")), column("published", boolean()),
// CHECK-MESSAGES: :[[@LINE-1]]:52: error: column 'posts.authorId' names table 'userz', which is not in the schema's tables(...) (it has users, posts, tags, post_tags); did you mean 'users'? [orm-unknown-reference]
// CHECK-FIXES: {{^}}    column("title", text()), column("authorId", id("users")), column("published", boolean()),
    index("by_author").on("authorId"), index("by_x").on("nope"),
// CHECK-MESSAGES: :[[@LINE-1]]:57: error: index 'by_x' of table 'posts' names column 'nope', which table 'posts' does not have (it has id, title, authorId, published) [orm-unknown-reference]
// AFTER: :[[@LINE-2]]:57: error: index 'by_x' of table 'posts' names column 'nope'
    unique_index("by_title").on("published", "titel"),
// CHECK-MESSAGES: :[[@LINE-1]]:46: error: index 'by_title' of table 'posts' names column 'titel', {{.*}}; did you mean 'title'?
// CHECK-FIXES: {{^}}    unique_index("by_title").on("published", "title"),
    check("titled", ne("Title", "")),
// CHECK-MESSAGES: :[[@LINE-1]]:24: error: check 'titled' of table 'posts' names column 'Title', {{.*}}; did you mean 'title'?
// CHECK-FIXES: {{^}}    check("titled", ne("title", "")),
    foreign_key("fk_author", "authorId", "users", "idd"));
// CHECK-MESSAGES: :[[@LINE-1]]:51: error: a foreign key of table 'posts' names column 'idd', which table 'users' does not have (it has id, name, teamId); did you mean 'id'?
// CHECK-FIXES: {{^}}    foreign_key("fk_author", "authorId", "users", "id"));

inline constexpr auto schema = define_schema(tables(users, posts, tags, post_tags), {.defaults = {.default_limit = 5}}).relations(
    many(users, "posts", posts, {.from = "id", .to = "authorIdd"}),
// CHECK-MESSAGES: :[[@LINE-1]]:54: error: relation 'users.posts' in 'to' names column 'authorIdd', which table 'posts' does not have (it has id, title, authorId, published); did you mean 'authorId'? [orm-unknown-reference]
// CHECK-FIXES: {{^}}    many(users, "posts", posts, {.from = "id", .to = "authorId"}),
    one(posts, "author", users, {.from = "authorId", .to = "id", .where = eq("nonexistent", true)}),
// CHECK-MESSAGES: :[[@LINE-1]]:78: error: relation 'posts.author' in 'where' (a filter on 'users') names column 'nonexistent', which table 'users' does not have (it has id, name, teamId) [orm-unknown-reference]
// AFTER: :[[@LINE-2]]:78: error: relation 'posts.author' in 'where'
    one(users, "profile", profiles, {.from = "id", .to = "userId"}),
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: relation 'users.profile' names table 'profiles', which is not in the schema's tables(...) (it has users, posts, tags, post_tags); add it to tables(...) [orm-unknown-reference]
// AFTER: :[[@LINE-2]]:16: error: relation 'users.profile' names table 'profiles'
    many(posts, "tags", tags, {.alias = "tagged"}).through(post_tags, "postId", "tagID"),
// CHECK-MESSAGES: :[[@LINE-1]]:81: error: relation 'posts.tags' in through() names column 'tagID', {{.*}}; did you mean 'tagId'?
// CHECK-FIXES: {{^}}    many(posts, "tags", tags, {.alias = "tagged"}).through(post_tags, "postId", "tagId"),
    many(tags, "posts", posts, {.alias = "tagged"}),
    one(users, "team", users, {.from = "teamId", .to = "id", .alias = "team"}),
    many(users, "members", users, {.from = "id", .to = "teamid", .alias = "team"}));
// CHECK-MESSAGES: :[[@LINE-1]]:56: error: relation 'users.members' in 'to' names column 'teamid', {{.*}}; did you mean 'teamId'?
// CHECK-FIXES: {{^}}    many(users, "members", users, {.from = "id", .to = "teamId", .alias = "team"}));

// ALL: error: relation 'users.posts' in 'to' names column 'authorIdd'

// Must not warn: every name resolves.
namespace fine {
inline constexpr auto users = table("users", column("active", boolean()));
inline constexpr auto posts = table("posts", column("authorId", id("users").references("users", "id")),
                                    index("by_author").on("authorId"), check("has_author", is_not_null("authorId")));
inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 5}}).relations(
    many(users, "posts", posts), one(posts, "author", users, {.from = "authorId", .where = eq("active", true)}));
}  // namespace fine
