#pragma once
// The blog's schema: users with managers, posts with an author and a reviewer,
// comments, tags through a junction table, and an audit log whose rows carry one of
// three kinds of details.
#include <orm/orm.hpp>

namespace blog {
using namespace orm;

inline constexpr auto users = table("users",
    column("name", text().not_null()),
    column("email", text().not_null().unique()),
    column("managerId", id("users")),
    index("by_manager").on("managerId"));

inline constexpr auto posts = table("posts",
    column("title", text().not_null()),
    column("published", boolean().not_null().default_value(false)),
    column("authorId", id("users").not_null().references("users")),
    column("reviewerId", id("users").references("users")),
    index("by_author").on("authorId"),
    index("by_reviewer").on("reviewerId"));

inline constexpr auto comments = table("comments",
    column("body", text().not_null()),
    column("postId", id("posts").not_null().references("posts", "id", {.on_delete = fk_action::cascade})),
    column("authorId", id("users").not_null()),
    index("by_post").on("postId"),
    index("by_author").on("authorId"));

inline constexpr auto tags = table("tags",
    column("name", text().not_null().unique()));

inline constexpr auto post_tags = table("post_tags",
    column("postId", id("posts").not_null()),
    column("tagId", id("tags").not_null()),
    unique_index("by_post_tag").on("postId", "tagId"),
    index("by_tag").on("tagId"));

inline constexpr auto audit_logs = table("audit_logs",
    column("at", timestamp().not_null()),
    column("action", discriminator({.as = "details"},
        variant("role_change",
            column("targetUserId", id("users")),
            column("oldRole", text().not_null()),
            column("newRole", text().not_null())),
        variant("post_update",
            column("postId", id("posts")),
            column("version", integer().not_null())),
        variant("security_alert",
            column("severity", text().not_null()),
            column("resolved", boolean().not_null())))),
    index("by_action_at").on("action", "at"),
    index("by_target_user").on("targetUserId"),
    index("by_post").on("postId"));

inline constexpr auto schema =
    define_schema(tables(users, posts, comments, tags, post_tags, audit_logs),
                  {.strict = true, .defaults = {.default_limit = 50}})
        .relations(
            one(users, "manager", users, {.from = "managerId", .to = "id", .alias = "manager"}),
            many(users, "reports", users, {.from = "id", .to = "managerId", .alias = "manager"}),
            many(users, "authoredPosts", posts, {.alias = "author"}),
            many(users, "reviewedPosts", posts, {.alias = "reviewer"}),
            one(posts, "author", users, {.from = "authorId", .to = "id", .alias = "author", .optional = false}),
            one(posts, "reviewer", users, {.from = "reviewerId", .to = "id", .alias = "reviewer"}),
            many(posts, "comments", comments, {.alias = "post-comments"}),
            one(comments, "post", posts, {.from = "postId", .alias = "post-comments", .optional = false}),
            one(comments, "author", users, {.from = "authorId", .alias = "comment-author"}),
            many(posts, "tags", tags, {.alias = "post-tags"}).through(post_tags, "postId", "tagId"),
            many(tags, "posts", posts, {.alias = "post-tags"}).through(post_tags, "tagId", "postId"),
            many(users, "auditTrail", audit_logs, {.from = "id", .to = "targetUserId", .alias = "audit-target"}),
            one(audit_logs, "targetUser", users, {.from = "targetUserId", .to = "id", .alias = "audit-target"}));
}  // namespace blog
