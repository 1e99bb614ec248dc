// orm-foreign-key-mismatch: a foreign key that contradicts its column: nullable but required, set null but not_null, or ids of another table
// RUN: %exit1 %ormlint --checks=-*,orm-foreign-key-mismatch %s -- %cxxflags | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
#include <orm/orm.hpp>

using namespace orm;

inline constexpr auto users = table("users");
inline constexpr auto teams = table("teams");
inline constexpr auto posts = table("posts",
    column("authorId", id("users")),
    column("editorId", id("users").not_null().references("users", "id", {.on_delete = fk_action::set_null})),
// CHECK-MESSAGES: :[[@LINE-1]]:12: error: a foreign key of 'posts' sets 'posts.editorId' to null when its users row goes, but the column is not_null, so that delete fails; drop .not_null(), or choose another action [orm-foreign-key-mismatch]
    column("teamId", id("teams")),
    column("ownerId", id("teams")),
    foreign_key("fk_owner", "ownerId", "users"),
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: a foreign key of 'posts' makes 'posts.ownerId' reference 'users', but the column is id("teams"), ids of another table; reference 'teams', or change the column's id() table [orm-foreign-key-mismatch]
    index("by_author").on("authorId"), index("by_team").on("teamId"));
inline constexpr auto schema = define_schema(tables(users, teams, posts), {.defaults = {.default_limit = 5}}).relations(
    one(posts, "author", users, {.from = "authorId", .optional = false}),
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: relation 'posts.author' is optional = false, but its foreign key 'posts.authorId' can be null, so a row can have no author; make the column .not_null(), or drop optional = false [orm-foreign-key-mismatch]
    one(posts, "team", users, {.from = "teamId"}),
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: relation 'posts.team' joins 'posts.teamId' to 'users', but the column is id("teams"), ids of another table; point the relation at 'teams', or change the column's id() table [orm-foreign-key-mismatch]
    many(users, "teamPosts", posts, {.from = "id", .to = "teamId"}),
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: relation 'users.teamPosts' joins 'posts.teamId' to 'users', but the column is id("teams")
    // Must not warn: required over a not-null key, set null on a nullable column, matching id() tables.
    one(posts, "editor", users, {.from = "editorId", .optional = false}),
    one(posts, "realTeam", teams, {.from = "teamId"}),
    many(teams, "posts", posts, {.to = "teamId"}));
