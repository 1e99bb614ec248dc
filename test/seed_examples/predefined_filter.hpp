#pragma once
#include <orm/orm.hpp>

namespace seed::predefined_filter {
// [example]
using namespace orm;

inline constexpr auto users = table("users",
    column("name", text().not_null()));

inline constexpr auto posts = table("posts",
    column("title", text().not_null()),
    column("authorId", id("users")),
    column("published", boolean().not_null()),
    index("by_author").on("authorId"));

inline constexpr auto schema =
    define_schema(tables(users, posts), {.defaults = {.default_limit = 20}}).relations(
        many(users, "publishedPosts", posts, {
            .from = "id",
            .to = "authorId",
            .alias = "published-posts",
            .where = eq("published", true),
        }));
// [/example]
}  // namespace seed::predefined_filter
