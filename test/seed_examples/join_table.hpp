#pragma once
#include <orm/orm.hpp>

namespace seed::join_table {
// [example]
using namespace orm;

inline constexpr auto posts = table("posts",
    column("title", text().not_null()));

inline constexpr auto tags = table("tags",
    column("name", text().not_null()));

inline constexpr auto posts_tags = table("postsTags",
    column("postId", id("posts")),
    column("tagId", id("tags")),
    index("by_post").on("postId"),
    index("by_tag").on("tagId"));

inline constexpr auto schema = define_schema(tables(posts, tags, posts_tags)).relations(
    many(posts, "tags", posts_tags),
    many(tags, "posts", posts_tags),
    one(posts_tags, "post", posts, {.from = "postId", .to = "id"}),
    one(posts_tags, "tag", tags, {.from = "tagId", .to = "id"}));
// [/example]
}  // namespace seed::join_table
