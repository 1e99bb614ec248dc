#pragma once
#include <orm/orm.hpp>

namespace seed::through {
// [example]
using namespace orm;

inline constexpr auto users = table("users",
    column("name", text().not_null()));

inline constexpr auto groups = table("groups",
    column("name", text().not_null()));

inline constexpr auto users_to_groups = table("usersToGroups",
    column("userId", id("users").not_null()),
    column("groupId", id("groups").not_null()),
    index("by_user").on("userId"),
    index("by_group").on("groupId"));

inline constexpr auto schema = define_schema(tables(users, groups, users_to_groups)).relations(
    many(users, "groups", groups, {.from = "id", .to = "id", .alias = "users-groups-direct"})
        .through(users_to_groups, "userId", "groupId"),
    many(groups, "users", users, {.from = "id", .to = "id", .alias = "users-groups-direct"})
        .through(users_to_groups, "groupId", "userId"));
// [/example]
}  // namespace seed::through
