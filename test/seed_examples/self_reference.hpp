#pragma once
#include <orm/orm.hpp>

namespace seed::self_reference {
// [example]
using namespace orm;

inline constexpr auto users = table("users",
    column("name", text().not_null()),
    column("username", text().not_null()),
    column("managerId", id("users")),
    index("by_manager").on("managerId"));

inline constexpr auto schema = define_schema(tables(users)).relations(
    one(users, "manager", users, {.from = "managerId", .to = "id", .alias = "manager"}),
    many(users, "reports", users, {.from = "id", .to = "managerId", .alias = "manager"}));
// [/example]
}  // namespace seed::self_reference
