#pragma once
#include <orm/orm.hpp>

namespace seed::relation_options {
using namespace orm;

inline constexpr auto users = table("users", column("name", text().not_null()), column("isActive", boolean()));
inline constexpr auto posts = table("posts",
    column("authorId", id("users").not_null()),
    column("published", boolean()),
    index("by_author").on("authorId"));

// [example]
inline constexpr auto author = one(posts, "author", users, {
    .from = "authorId",
    .to = "id",
    .alias = "author",
    .optional = false,
    .where = eq("isActive", true),
});

inline constexpr auto user_posts = many(users, "posts", posts, {
    .from = "id",
    .to = "authorId",
    .alias = "posts",
    .where = eq("published", true),
});
// [/example]

inline constexpr auto schema = define_schema(tables(users, posts)).relations(author, user_posts);
}  // namespace seed::relation_options
