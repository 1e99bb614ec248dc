#pragma once
#include <orm/orm.hpp>

namespace seed::one_to_many {
// [example]
using namespace orm;

inline constexpr auto users = table("users",
    column("name", text().not_null()));

inline constexpr auto posts = table("posts",
    column("title", text().not_null()),
    column("content", text().not_null()),
    column("published", boolean()),
    column("userId", id("users")),
    index("by_user").on("userId"));

inline constexpr auto schema = define_schema(tables(users, posts)).relations(
    many(users, "posts", posts),
    one(posts, "author", users, {.from = "userId", .to = "id"}));
// [/example]
}  // namespace seed::one_to_many
