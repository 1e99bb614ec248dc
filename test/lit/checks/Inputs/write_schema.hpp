#pragma once
// The schema the write tests write to: typed columns and a discriminated table.
#include <orm/sqlite.hpp>

namespace shop {
using namespace orm;
inline constexpr auto items = table("items", column("name", text().not_null()), column("stock", integer()),
                                    column("price", real()), column("active", boolean()), column("photo", bytes()),
                                    column("addedAt", timestamp()));
inline constexpr auto events = table("events",
    column("at", timestamp().not_null()),
    column("kind", discriminator({.as = "details"},
        variant("login", column("ip", text().not_null()), column("userAgent", text())),
        variant("refund", column("amount", real().not_null()), column("itemId", id("items"))))),
    index("by_item").on("itemId"));
inline constexpr auto schema = define_schema(tables(items, events));
}  // namespace shop
