#pragma once
#include <orm/orm.hpp>

namespace seed::split_parts {
using namespace orm;

inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto posts = table("posts",
    column("title", text().not_null()),
    column("authorId", id("users")),
    index("by_author").on("authorId"));
inline constexpr auto comments = table("comments",
    column("body", text().not_null()),
    column("postId", id("posts")),
    index("by_post").on("postId"));

// [example]
inline constexpr auto user_relations = define_relations_part("user_relations",
    many(users, "posts", posts, {.from = "id", .to = "authorId"}));

inline constexpr auto post_relations = define_relations_part("post_relations",
    many(posts, "comments", comments, {.from = "id", .to = "postId"}));

inline constexpr auto schema =
    define_schema(tables(users, posts, comments)).relations(user_relations, post_relations);
// [/example]
}  // namespace seed::split_parts
