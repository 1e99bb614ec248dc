#pragma once
// Edges that cannot be told apart.
#include <orm/orm.hpp>

namespace broken::ambiguous_relation {
using namespace orm;

inline constexpr auto users = table("users", column("managerId", id("users")), index("by_manager").on("managerId"));
inline constexpr auto posts = table("posts",
    column("authorId", id("users")), column("reviewerId", id("users")),
    index("by_author").on("authorId"), index("by_reviewer").on("reviewerId"));

inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 10}})
    .relations(
        one(posts, "author", users, {.from = "authorId"}),      // two edges posts->users,
        one(posts, "reviewer", users, {.from = "reviewerId"}),  // no aliases
        one(users, "manager", users, {.from = "managerId"}),    // self-reference, no alias
        many(users, "reports", users, {.to = "managerId"}),
        one(posts, "author", users, {.from = "reviewerId", .alias = "again"}));  // name used twice
}  // namespace broken::ambiguous_relation
