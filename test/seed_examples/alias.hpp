#pragma once
#include <orm/orm.hpp>

namespace seed::alias {
// [example]
using namespace orm;

inline constexpr auto users = table("users",
    column("name", text().not_null()));

inline constexpr auto posts = table("posts",
    column("title", text().not_null()),
    column("authorId", id("users").not_null()),
    column("reviewerId", id("users")),
    index("by_author").on("authorId"),
    index("by_reviewer").on("reviewerId"));

inline constexpr auto schema = define_schema(tables(users, posts)).relations(
    // No need for from/to here: these infer from the reverse one() relations.
    many(users, "authoredPosts", posts, {.alias = "author"}),
    many(users, "reviewedPosts", posts, {.alias = "reviewer"}),
    one(posts, "author", users, {.from = "authorId", .to = "id", .alias = "author"}),
    one(posts, "reviewer", users, {.from = "reviewerId", .to = "id", .alias = "reviewer"}));
// [/example]
}  // namespace seed::alias
