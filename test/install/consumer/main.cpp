#include <cstdio>

#include <orm/sqlite.hpp>

namespace shop {
using namespace orm;
inline constexpr auto customers = table("customers", column("name", text().not_null()));
inline constexpr auto orders = table("orders", column("customerId", id("customers").not_null()), column("total", real()),
                                     index("by_customer").on("customerId"));
inline constexpr auto schema = define_schema(tables(customers, orders), {.defaults = {.default_limit = 10}})
    .relations(many(customers, "orders", orders), one(orders, "customer", customers, {.from = "customerId"}));
}  // namespace shop

int main() {
  orm::sqlite::database db(":memory:");
  db.migrate(shop::schema);
  const auto ann = db.insert(shop::schema, "customers", {{"name", "ann"}});
  db.insert(shop::schema, "orders", {{"customerId", ann}, {"total", 9.5}});
  const auto rows = db.query(shop::schema, shop::customers).find_many({.with = {{"orders", {}}}});
  std::printf("%s has %zu order(s)\n", rows.at(0)["name"].as_text().c_str(), rows.at(0)["orders"].size());
  return rows.at(0)["orders"].size() == 1 ? 0 : 1;
}
