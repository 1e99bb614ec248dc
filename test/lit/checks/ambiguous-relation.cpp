// orm-ambiguous-relation: relations whose columns cannot be decided: several candidate inverses, or one name twice
// RUN: %exit1 %ormlint --checks=-*,orm-ambiguous-relation %s -- %cxxflags | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
#include <orm/orm.hpp>

using namespace orm;

// Two edges from posts to users that write their columns are fine; the many()s that
// must infer theirs could take them from either: one finding for the group, with every
// member and candidate as a note.
namespace two_edges {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")), column("reviewerId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(
    one(posts, "author", users, {.from = "authorId"}),
    one(posts, "reviewer", users, {.from = "reviewerId"}),
    many(users, "authored", posts),
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: relations 'users.authored' and 'users.reviewed' have no from/to and each could take them from 'posts.author' or 'posts.reviewer'; give each edge its own alias on both of its ends, or write from/to [orm-ambiguous-relation]
// CHECK-MESSAGES: :[[@LINE+1]]:17: note: 'users.reviewed' is declared here
    many(users, "reviewed", posts));
// CHECK-MESSAGES: :[[@LINE-6]]:16: note: candidate inverse 'posts.author' is declared here
// CHECK-MESSAGES: :[[@LINE-6]]:16: note: candidate inverse 'posts.reviewer' is declared here
}  // namespace two_edges

// A table may declare a relation name once.
namespace reused_names {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(
    one(posts, "author", users, {.from = "authorId", .alias = "author"}),
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: table 'posts' declares relation 'author' twice; rename all but one of them [orm-ambiguous-relation]
    one(posts, "author", users, {.from = "authorId", .alias = "writer"}));
// CHECK-MESSAGES: :[[@LINE-1]]:16: note: 'posts.author' is declared here
}  // namespace reused_names

// An alias names one edge, one end each way (Prisma refuses the others): two relations
// the same way under one alias, though each writes its columns; three ends under one
// alias, reported once (not as pairwise orm-missing-inverse findings).
namespace shared_alias {
inline constexpr auto users = table("users", column("mentorId", id("users")), column("coachId", id("users")),
                                    column("buddyId", id("users")));
inline constexpr auto posts = table("posts", column("authorId", id("users")), column("editorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(
    many(users, "written", posts, {.from = "id", .to = "authorId", .alias = "x"}),
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: relations 'users.written' and 'users.edited' share alias 'x' and both go from 'users' to 'posts'; an alias pairs the two ends of one edge, one in each direction: give each relation its own alias [orm-ambiguous-relation]
    many(users, "edited", posts, {.from = "id", .to = "editorId", .alias = "x"}),
// CHECK-MESSAGES: :[[@LINE-1]]:17: note: 'users.edited' is declared here
    one(users, "mentor", users, {.from = "mentorId", .alias = "people"}),
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: alias 'people' is shared by 3 relation ends ('users.mentor', 'users.coach' and 'users.buddy'); an alias names one edge, which has at most two ends, one in each direction: give each edge its own alias [orm-ambiguous-relation]
    one(users, "coach", users, {.from = "coachId", .alias = "people"}),
// CHECK-MESSAGES: :[[@LINE-1]]:16: note: 'users.coach' is declared here
    one(users, "buddy", users, {.from = "buddyId", .alias = "people"}));
// CHECK-MESSAGES: :[[@LINE-1]]:16: note: 'users.buddy' is declared here
}  // namespace shared_alias

// Must not warn (kitcn accepts all of these): distinct aliases on both ends; an aliased
// self-reference; self-references that write from/to on both ends with no alias (a
// category's parent/children, a comment's parent/replies inferred from its parent); two
// edges between the same tables that write their columns; an alias reused between
// other tables; a many() inferring from a through() or from a many() with columns.
namespace accepted {
inline constexpr auto users = table("users", column("managerId", id("users")));
inline constexpr auto posts = table("posts", column("authorId", id("users")), column("reviewerId", id("users")));
inline constexpr auto notes = table("notes", column("authorId", id("users")));
inline constexpr auto categories = table("categories", column("parentId", id("categories")));
inline constexpr auto comments = table("comments", column("parentId", id("comments")));
inline constexpr auto tags = table("tags");
inline constexpr auto post_tags = table("post_tags", column("postId", id("posts")), column("tagId", id("tags")));
inline constexpr auto schema = define_schema(tables(users, posts, notes, categories, comments, tags, post_tags)).relations(
    one(posts, "author", users, {.from = "authorId", .alias = "a"}),
    one(posts, "reviewer", users, {.from = "reviewerId", .alias = "r"}),
    many(users, "authored", posts, {.alias = "a"}),
    one(notes, "writer", users, {.from = "authorId", .alias = "a"}),
    one(users, "manager", users, {.from = "managerId", .alias = "m"}),
    many(users, "reports", users, {.alias = "m"}),
    one(categories, "parent", categories, {.from = "parentId", .to = "id"}),
    many(categories, "children", categories, {.from = "id", .to = "parentId"}),
    one(comments, "parent", comments, {.from = "parentId", .to = "id"}),
    many(comments, "replies", comments),
    many(posts, "tags", tags).through(post_tags, "postId", "tagId"),
    many(tags, "posts", posts),
    many(posts, "tagLinks", post_tags, {.from = "id", .to = "postId"}),
    many(post_tags, "post", posts));
}  // namespace accepted
