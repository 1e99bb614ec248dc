#pragma once
// A schema in a header, the usual layout: the finding is in here, and the editor has
// app.cpp open, which queries it.
#include <orm/orm.hpp>

namespace blog {
using namespace orm;
inline constexpr auto users = table("users", column("name", text()));
inline constexpr auto posts = table("posts", column("authorId", id("users").not_null()));
inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 20}})
    .relations(many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}));
}  // namespace blog
