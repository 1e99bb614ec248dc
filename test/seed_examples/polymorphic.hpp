#pragma once
#include <orm/orm.hpp>

namespace seed::polymorphic {
// [example]
using namespace orm;

inline constexpr auto posts = table("posts",
    column("title", text().not_null()));

inline constexpr auto videos = table("videos",
    column("title", text().not_null()));

inline constexpr auto comments = table("comments",
    column("body", text().not_null()),
    column("targetType", text().not_null()),  // "post" | "video"
    column("postId", id("posts")),
    column("videoId", id("videos")),
    index("by_post").on("postId"),
    index("by_video").on("videoId"));

inline constexpr auto schema = define_schema(tables(posts, videos, comments)).relations(
    many(posts, "comments", comments, {
        .from = "id", .to = "postId", .alias = "post-comments", .where = eq("targetType", "post")}),
    many(videos, "comments", comments, {
        .from = "id", .to = "videoId", .alias = "video-comments", .where = eq("targetType", "video")}));
// [/example]
}  // namespace seed::polymorphic
