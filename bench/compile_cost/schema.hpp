#pragma once
// The small program's schema: users, their posts, the posts' comments.
#include <orm/orm.hpp>

namespace small {
using namespace orm;

inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto posts = table("posts",
    column("title", text().not_null()),
    column("authorId", id("users").not_null().references("users")),
    index("by_author").on("authorId"));
inline constexpr auto comments = table("comments",
    column("body", text().not_null()),
    column("postId", id("posts").not_null().references("posts")),
    index("by_post").on("postId"));

inline constexpr auto schema =
    define_schema(tables(users, posts, comments), {.defaults = {.default_limit = 50}})
        .relations(many(users, "posts", posts, {.alias = "author"}),
                   one(posts, "author", users, {.from = "authorId", .to = "id", .alias = "author", .optional = false}),
                   many(posts, "comments", comments, {.alias = "post"}),
                   one(comments, "post", posts, {.from = "postId", .to = "id", .alias = "post", .optional = false}));
}  // namespace small
