#pragma once
// Relations whose columns cannot be decided. Relations that write their from/to (the
// self-reference manager/reports, the two posts->users edges) are fine by themselves,
// as in the seed system; the many()s that must infer from them are not.
#include <orm/orm.hpp>

namespace broken::ambiguous_relation {
using namespace orm;

inline constexpr auto users = table("users", column("managerId", id("users")), index("by_manager").on("managerId"));
inline constexpr auto posts = table("posts",
    column("authorId", id("users")), column("reviewerId", id("users")),
    index("by_author").on("authorId"), index("by_reviewer").on("reviewerId"));

inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 10}})
    .relations(
        one(posts, "author", users, {.from = "authorId"}),      // two edges posts->users, no aliases:
        one(posts, "reviewer", users, {.from = "reviewerId"}),  // fine, they write their columns
        many(users, "posts", posts),                            // which of the two? ambiguous
        many(users, "drafts", posts),                           // the same group: one finding for both
        one(users, "manager", users, {.from = "managerId"}),    // self-reference with columns: fine
        many(users, "reports", users, {.to = "managerId"}),
        one(posts, "author", users, {.from = "reviewerId", .alias = "again"}));  // name used twice
}  // namespace broken::ambiguous_relation

// Aliases that pair nothing (Prisma refuses both): two many()s from users to posts under
// one alias, each writing its columns; three self-referencing one()s under one alias.
namespace broken::shared_alias {
using namespace orm;

inline constexpr auto users = table("users", column("mentorId", id("users")), column("coachId", id("users")),
                                    column("buddyId", id("users")), index("by_mentor").on("mentorId"),
                                    index("by_coach").on("coachId"), index("by_buddy").on("buddyId"));
inline constexpr auto posts = table("posts", column("authorId", id("users")), column("editorId", id("users")),
                                    index("by_author").on("authorId"), index("by_editor").on("editorId"));

inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 10}})
    .relations(
        many(users, "written", posts, {.from = "id", .to = "authorId", .alias = "x"}),
        many(users, "edited", posts, {.from = "id", .to = "editorId", .alias = "x"}),
        one(users, "mentor", users, {.from = "mentorId", .alias = "people"}),
        one(users, "coach", users, {.from = "coachId", .alias = "people"}),
        one(users, "buddy", users, {.from = "buddyId", .alias = "people"}),
        // Accepted: the two ends of one edge under one alias, and a self-reference's two.
        one(posts, "author", users, {.from = "authorId", .alias = "a"}),
        many(users, "authored", posts, {.alias = "a"}),
        one(posts, "editor", users, {.from = "editorId", .alias = "m"}),
        one(users, "manager", users, {.from = "mentorId", .alias = "m"}),
        many(users, "reports", users, {.alias = "m"}));
}  // namespace broken::shared_alias
