#pragma once
// A schema with one error (missing index) and one warning (unbounded many), included
// by two translation units.
#include <orm/orm.hpp>

namespace shared {
using namespace orm;
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts))
    .relations(many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}));
}  // namespace shared
