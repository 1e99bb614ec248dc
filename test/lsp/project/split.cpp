#include "tables.hpp"

namespace shop {
inline constexpr auto schema = define_schema(tables(users, orders), {.defaults = {.default_limit = 20}})
    .relations(many(users, "orders", orders), one(orders, "user", users, {.from = "userId"}));
}  // namespace shop
