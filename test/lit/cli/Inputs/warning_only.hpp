#pragma once
#include <orm/orm.hpp>
namespace warning_only {
using namespace orm;
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")), index("by_author").on("authorId"));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(many(users, "posts", posts, {.to = "authorId"}));
}  // namespace warning_only
