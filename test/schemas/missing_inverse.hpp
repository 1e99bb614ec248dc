#pragma once
// Relations whose other end cannot be found.
#include <orm/orm.hpp>

namespace broken::missing_inverse {
using namespace orm;

inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")), index("by_author").on("authorId"));
inline constexpr auto groups = table("groups");
inline constexpr auto members = table("members",
    column("userId", id("users")), column("groupId", id("groups")),
    index("by_user").on("userId"), index("by_group").on("groupId"));

inline constexpr auto part_a = define_relations_part("part_a", many(users, "posts", posts));
inline constexpr auto part_b = define_relations_part("part_b", one(posts, "author", users, {.from = "authorId"}));

inline constexpr auto schema = define_schema(tables(users, posts, groups, members), {.defaults = {.default_limit = 10}})
    .relations(
        part_a, part_b,                                                     // inference across parts
        many(users, "drafts", posts, {.alias = "drafter"}),                  // alias with no partner
        many(users, "groups", groups, {.alias = "m"}).through(members, "userId", "groupId"),
        many(groups, "users", users, {.alias = "m"}).through(members, "userId", "groupId"));  // not mirrored
}  // namespace broken::missing_inverse
