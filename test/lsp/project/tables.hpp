#pragma once
// The tables in a header, the relations in split.cpp: the index the fix adds goes here.
#include <orm/orm.hpp>

namespace shop {
using namespace orm;
inline constexpr auto users = table("users", column("name", text()));
inline constexpr auto orders = table("orders",
    column("userId", id("users").not_null()));
}  // namespace shop
