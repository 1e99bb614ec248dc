#pragma once
// A many() with no default_limit: every load without an explicit limit is unbounded.
#include <orm/orm.hpp>

namespace broken::unbounded_many {
using namespace orm;

inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts",
    column("authorId", id("users")), column("published", boolean()),
    index("by_author").on("authorId"));

inline constexpr auto schema = define_schema(tables(users, posts)).relations(
    many(users, "posts", posts, {.to = "authorId", .where = eq("published", true)}),
    one(posts, "author", users, {.from = "authorId"}));
}  // namespace broken::unbounded_many
