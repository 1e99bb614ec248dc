#pragma once
#include <orm/orm.hpp>

namespace seed::one_to_one {
// [example]
using namespace orm;

inline constexpr auto users = table("users",
    column("name", text().not_null()));

inline constexpr auto profiles = table("profiles",
    column("bio", text().not_null()),
    column("userId", id("users").unique()));  // unique: true 1:1, and the index the load uses

inline constexpr auto schema = define_schema(tables(users, profiles)).relations(
    one(profiles, "user", users, {.from = "userId", .to = "id"}),
    one(users, "profile", profiles));
// [/example]
}  // namespace seed::one_to_one
