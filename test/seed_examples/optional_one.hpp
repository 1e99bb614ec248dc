#pragma once
#include <orm/orm.hpp>

namespace seed::optional_one {
// [example]
using namespace orm;

inline constexpr auto users = table("users",
    column("name", text().not_null()));

inline constexpr auto posts = table("posts",
    column("title", text().not_null()),
    column("authorId", id("users").not_null()));

inline constexpr auto schema = define_schema(tables(users, posts)).relations(
    one(posts, "author", users, {.from = "authorId", .to = "id", .optional = false}));
// [/example]
}  // namespace seed::optional_one
