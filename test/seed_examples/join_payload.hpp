#pragma once
#include <orm/orm.hpp>

namespace seed::join_payload {
// [example]
using namespace orm;

inline constexpr auto users = table("users",
    column("name", text().not_null()));

inline constexpr auto groups = table("groups",
    column("name", text().not_null()));

inline constexpr auto memberships = table("memberships",
    column("userId", id("users").not_null()),
    column("groupId", id("groups").not_null()),
    column("role", text().not_null()),
    column("joinedAt", integer().not_null()),
    index("by_user").on("userId"),
    index("by_group").on("groupId"));

inline constexpr auto schema = define_schema(tables(users, groups, memberships)).relations(
    many(users, "memberships", memberships),
    many(groups, "memberships", memberships),
    one(memberships, "user", users, {.from = "userId", .to = "id"}),
    one(memberships, "group", groups, {.from = "groupId", .to = "id"}));
// [/example]
}  // namespace seed::join_payload
