#pragma once
#include <orm/orm.hpp>

namespace seed::discriminated {
// [example]
using namespace orm;

inline constexpr auto audit_logs = table("audit_logs",
    column("timestamp", integer().not_null()),
    column("actionType", discriminator({.as = "details"},  // .as is optional, "details" by default
        variant("role_change",
            column("targetUserId", id("users")),
            column("oldRole", text().not_null()),
            column("newRole", text().not_null())),
        variant("document_update",
            column("documentId", id("documents")),
            column("version", integer().not_null()),
            column("changes", text().not_null())),
        variant("security_alert",
            column("severity", text().not_null()),
            column("errorCode", text().not_null()),
            column("isResolved", boolean().not_null())))),
    index("by_action_ts").on("actionType", "timestamp"),
    index("by_role_target").on("actionType", "targetUserId"),
    index("by_doc").on("actionType", "documentId"));
// [/example]

inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto documents = table("documents", column("title", text().not_null()));

inline constexpr auto posts = table("posts", column("title", text().not_null()));
inline constexpr auto videos = table("videos", column("title", text().not_null()));
// [example]

inline constexpr auto comments = table("comments",
    column("body", text().not_null()),
    column("targetType", text().not_null()),
    column("postId", id("posts").references("posts", "id")),
    column("videoId", id("videos").references("videos", "id")),
    index("by_post").on("postId"),
    index("by_video").on("videoId"),
    check("one_target", (eq("targetType", "post") && is_not_null("postId") && is_null("videoId")) ||
                        (eq("targetType", "video") && is_not_null("videoId") && is_null("postId"))));

inline constexpr auto schema = define_schema(tables(posts, videos, comments)).relations(
    many(posts, "comments", comments, {
        .from = "id", .to = "postId", .alias = "post-comments", .where = eq("targetType", "post")}),
    many(videos, "comments", comments, {
        .from = "id", .to = "videoId", .alias = "video-comments", .where = eq("targetType", "video")}),
    one(comments, "post", posts, {.from = "postId", .to = "id", .alias = "post-comments"}),
    one(comments, "video", videos, {.from = "videoId", .to = "id", .alias = "video-comments"}));
// [/example]

inline constexpr auto audit_schema = define_schema(tables(users, documents, audit_logs));
}  // namespace seed::discriminated
