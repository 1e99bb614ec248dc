#pragma once
// The schema that the query-site mistakes query: users write posts, posts have comments.
#include <orm/sqlite.hpp>

namespace mistakes::queries {
using namespace orm;

inline constexpr auto users = table("users", column("name", text().not_null()), column("email", text().unique()));
inline constexpr auto posts = table("posts", column("title", text().not_null()), column("authorId", id("users")),
                                    column("createdAt", timestamp()), index("by_author").on("authorId"));
inline constexpr auto comments = table("comments", column("body", text()), column("postId", id("posts")),
                                       index("by_post").on("postId"));

inline constexpr auto schema = define_schema(tables(users, posts, comments), {.defaults = {.default_limit = 50}})
    .relations(many(users, "posts", posts, {.to = "authorId"}), one(posts, "author", users, {.from = "authorId"}),
               many(posts, "comments", comments, {.to = "postId"}), one(comments, "post", posts, {.from = "postId"}));
}  // namespace mistakes::queries
