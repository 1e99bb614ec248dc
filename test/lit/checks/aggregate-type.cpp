// orm-aggregate-type: an aggregate() over a column its function cannot take, computing nothing, or reading a value twice
// RUN: %exit1 %ormlint --checks=-*,orm-aggregate-type,orm-row-mismatch,orm-unknown-column %s -- %cxxflags | FileCheck %s -implicit-check-not='{{warning|error}}:'
#include <orm/sqlite.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace shop {
using namespace orm;
inline constexpr auto orders =
    table("orders", column("customer", text().not_null()), column("total", integer().not_null()), column("weight", real()),
          column("placed", timestamp().not_null()), column("paid", boolean().not_null()), column("receipt", bytes()));
inline constexpr auto schema = define_schema(tables(orders));
}  // namespace shop

using namespace orm;
using namespace orm::sqlite;

struct per_customer {
  std::string customer;
  std::int64_t count;
  std::int64_t total_sum;
  std::optional<double> weight_avg;
};
struct sum_as_text {
  std::string total_sum;
// CHECK: :[[@LINE-1]]:15: error: field 'total_sum' of 'sum_as_text' is std::string, which cannot hold integer column 'aggregate(orders).total_sum'; make it std::int64_t [orm-row-mismatch]
};
struct avg_not_optional {
  double weight_avg;
// CHECK: :[[@LINE-1]]:10: error: field 'weight_avg' of 'avg_not_optional' is double, and column 'aggregate(orders).weight_avg' can be NULL; make it std::optional<double> [orm-row-mismatch]
};
struct misspelt {
  std::int64_t totl_sum;
// CHECK: :[[@LINE-1]]:16: error: field 'totl_sum' of 'misspelt' names no column, relation or variant alias of table 'aggregate(orders)'; did you mean 'total_sum'? [orm-row-mismatch]
};
struct grouped_without_groups {
  std::string customer;
// CHECK: :[[@LINE-1]]:15: error: field 'customer' of 'grouped_without_groups' names no column, relation or variant alias of table 'aggregate(orders)'; rename it, or remove it [orm-row-mismatch]
  std::int64_t count;
};

// In a helper: the column reaches it as a literal of the call.
std::int64_t total_of(database& db, const std::string& customer) {
  return db.query(shop::schema, shop::orders).aggregate<per_customer>(
      {.where = eq("customer", customer), .group_by = "customer", .count = true, .sum = "total", .avg = "weight"})[0].total_sum;
}

// In a template: judged in its instantiation, reported once.
template <class Db>
void by_template(Db& db) {
  db.query(shop::schema, shop::orders).aggregate({.group_by = "paid", .avg = "customer"});
// CHECK: :[[@LINE-1]]:78: error: avg of 'orders.customer' cannot be computed: it is a text column, and avg takes integer or real columns; aggregate a numeric column [orm-aggregate-type]
}
template void by_template<database>(database&);

void report(database& db, const std::vector<std::string>& columns) {
  auto orders = db.query(shop::schema, shop::orders);
  orders.aggregate({.sum = "customer"});
// CHECK: :[[@LINE-1]]:28: error: sum of 'orders.customer' cannot be computed: it is a text column, and sum takes integer or real columns; aggregate a numeric column [orm-aggregate-type]
  orders.aggregate({.group_by = "customer", .avg = {"total", "paid"}});
// CHECK: :[[@LINE-1]]:62: error: avg of 'orders.paid' adds booleans, which neither database sums alike; count the rows where it is true (.count with where eq("paid", true)) [orm-aggregate-type]
  orders.aggregate({.sum = "placed"});
// CHECK: :[[@LINE-1]]:28: error: sum of 'orders.placed' adds points in time
  orders.aggregate({.max = "paid"});
// CHECK: :[[@LINE-1]]:28: error: max of 'orders.paid' cannot be computed: PostgreSQL has no max of booleans
  orders.aggregate({.min = "receipt"});
// CHECK: :[[@LINE-1]]:28: error: min of 'orders.receipt' cannot be computed: bytes have no order
  orders.aggregate({.group_by = "customer"});
// CHECK: :[[@LINE-1]]:3: error: the aggregate of 'orders' computes nothing; give .count = true, or columns to .sum, .avg, .min or .max [orm-aggregate-type]
  orders.aggregate({.sum = {"total", "total"}});
// CHECK: :[[@LINE-1]]:3: error: the aggregate of 'orders' reads two values as 'total_sum'; group by a column once, and compute each value once [orm-aggregate-type]
  orders.aggregate({.sum = "totl"});
// CHECK: :[[@LINE-1]]:28: error: table 'orders' has no column 'totl' to sum; did you mean 'total'? [orm-unknown-column]
  orders.aggregate({.group_by = {"customr"}, .count = true});
// CHECK: :[[@LINE-1]]:34: error: table 'orders' has no column 'customr' to group by; did you mean 'customer'? [orm-unknown-column]

  // Typed rows: the result read as a table of its own.
  orders.aggregate<sum_as_text>({.sum = "total"});
  orders.aggregate<avg_not_optional>({.avg = "weight"});
  orders.aggregate<misspelt>({.sum = "total"});
// CHECK: :[[@LINE-1]]:3: error: the aggregate of 'orders' reads 'total_sum', and 'misspelt' has no field 'total_sum' to hold it; add the field or drop it from the aggregate [orm-row-mismatch]
  orders.aggregate<grouped_without_groups>({.count = true});
  orders.aggregate<grouped_without_groups>({.group_by = "customer", .count = true, .sum = "total"});
// CHECK: :[[@LINE-1]]:3: error: the aggregate of 'orders' reads 'total_sum', and 'grouped_without_groups' has no field 'total_sum' to hold it

  // Not flagged: what each function takes; names built at run time (not seen, so a struct
  // field may name them); a count that is not a literal.
  orders.aggregate({.group_by = {"customer", "paid"}, .count = true, .sum = {"total", "weight"}, .avg = "total",
                    .min = {"placed", "customer"}, .max = {"weight", "total"}});
  orders.aggregate<per_customer>({.group_by = "customer", .count = true, .sum = "total", .avg = columns[0]});
  const bool counted = !columns.empty();
  orders.aggregate<per_customer>({.group_by = "customer", .count = counted, .sum = "total", .avg = "weight"});
  for (const std::string& c : columns) orders.aggregate({.sum = c});
}
