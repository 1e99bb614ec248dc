#pragma once
// Structural mistakes: a relation named like a column, set null on a not_null column,
// an id() of another table, a cycle of required keys; and warnings that still migrate.
#include <orm/orm.hpp>

namespace broken::structure {
using namespace orm;

namespace name_collision {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("author", id("users")), index("by_author").on("author"));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(one(posts, "author", users, {.from = "author"}));
}  // namespace name_collision

namespace set_null {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users").not_null()),
                                    foreign_key("fk", "authorId", "users", "id", {.on_delete = fk_action::set_null}));
inline constexpr auto schema = define_schema(tables(users, posts));
}  // namespace set_null

namespace other_table {
inline constexpr auto users = table("users");
inline constexpr auto teams = table("teams");
inline constexpr auto posts = table("posts", column("teamId", id("teams")));
inline constexpr auto schema = define_schema(tables(users, teams, posts)).relations(one(posts, "team", users, {.from = "teamId"}));
}  // namespace other_table

namespace cycle {
inline constexpr auto users = table("users", column("teamId", id("teams").not_null()));
inline constexpr auto teams = table("teams", column("ownerId", id("users").not_null()));
inline constexpr auto schema = define_schema(tables(users, teams)).relations(
    one(users, "team", teams, {.from = "teamId"}), one(teams, "owner", users, {.from = "ownerId"}));
}  // namespace cycle

// A required key into its own table: a warning (the first row needs its own id in advance).
namespace required_self_reference {
inline constexpr auto users = table("users", column("managerId", id("users").not_null()), index("m").on("managerId"));
inline constexpr auto schema = define_schema(tables(users)).relations(
    one(users, "manager", users, {.from = "managerId", .alias = "m"}), many(users, "reports", users, {.alias = "m"}));
}  // namespace required_self_reference

// No rule broken: a table marked small_table(), which the model must carry as Clang reads it.
namespace small_tables {
inline constexpr auto countries = table("countries", column("code", text().unique()), small_table());
inline constexpr auto schema = define_schema(tables(countries));
}  // namespace small_tables

// Warnings only: migrate accepts it.
namespace warnings_only {
inline constexpr auto users = table("users");
inline constexpr auto profiles = table("profiles", column("userId", id("users")), index("a").on("userId"),
                                       index("b").on("userId"));
inline constexpr auto schema = define_schema(tables(users, profiles)).relations(
    one(profiles, "user", users, {.from = "userId", .optional = false}), one(users, "profile", profiles));
}  // namespace warnings_only

}  // namespace broken::structure
