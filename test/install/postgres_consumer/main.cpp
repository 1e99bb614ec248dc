// Connects to the server in ORM_TEST_POSTGRES, and migrates, writes and reads a schema of
// its own there.
#include <cstdio>
#include <cstdlib>

#include <orm/postgres.hpp>

namespace shop {
using namespace orm;
inline constexpr auto customers = table("consumer_customers", column("name", text().not_null()));
inline constexpr auto orders = table("consumer_orders", column("customerId", id("consumer_customers").not_null()),
                                     column("total", real()), index("by_customer").on("customerId"));
inline constexpr auto schema = define_schema(tables(customers, orders), {.defaults = {.default_limit = 10}})
    .relations(many(customers, "orders", orders), one(orders, "customer", customers, {.from = "customerId"}));
}  // namespace shop

int main() {
  const char* conninfo = std::getenv("ORM_TEST_POSTGRES");
  if (!conninfo) {
    std::fprintf(stderr, "ORM_TEST_POSTGRES is not set: run through ctest (fixture postgres_server)\n");
    return 2;
  }
  orm::postgres::database db(conninfo);
  db.exec("DROP SCHEMA IF EXISTS install_consumer CASCADE; CREATE SCHEMA install_consumer; SET search_path TO install_consumer");
  db.migrate(shop::schema);
  const auto ann = db.insert(shop::schema, "consumer_customers", {{"name", "ann"}});
  db.insert(shop::schema, "consumer_orders", {{"customerId", ann}, {"total", 9.5}});
  const auto rows = db.query(shop::schema, shop::customers).find_many({.with = {{"orders", {}}}});
  std::printf("%s has %zu order(s) on PostgreSQL\n", rows.at(0)["name"].as_text().c_str(), rows.at(0)["orders"].size());
  db.exec("DROP SCHEMA install_consumer CASCADE");
  return rows.at(0)["orders"].size() == 1 ? 0 : 1;
}
