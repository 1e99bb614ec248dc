#pragma once
#include <orm/orm.hpp>

namespace seed::indexing {
// [example]
using namespace orm;

inline constexpr auto posts = table("posts",
    column("title", text().not_null()),
    column("userId", id("users").not_null()),
    index("by_user").on("userId"));

inline constexpr auto users_to_groups = table("usersToGroups",
    column("userId", id("users").not_null()),
    column("groupId", id("groups").not_null()),
    index("by_user").on("userId"),
    index("by_group").on("groupId"),
    index("by_user_group").on("userId", "groupId"));
// [/example]
}  // namespace seed::indexing
