// aggregate(): counts, sums, averages, minima and maxima per group, as nodes and typed
// rows, the same on both backends; the refusals of orm-aggregate-type and orm-row-mismatch
// in the planner's words, before anything runs.
#include <chrono>
#include <functional>

#include <gtest/gtest.h>

#include "runtime/backend.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;
using micros = std::chrono::sys_time<std::chrono::microseconds>;

namespace shop {
inline constexpr auto orders =
    table("orders", column("customer", text().not_null()), column("region", text()),
          column("total", integer().not_null()), column("weight", real()), column("placed", timestamp().not_null()),
          column("paid", boolean().not_null()), column("receipt", bytes()));
inline constexpr auto schema = define_schema(tables(orders));
}  // namespace shop

struct order_row {
  std::string customer;
  std::optional<std::string> region;
  std::int64_t total;
  std::optional<double> weight;
  micros placed;
  bool paid;
};

class Aggregate : public ::testing::Test {
 protected:
  void SetUp() override {
    db.migrate(shop::schema);
    const micros t0{std::chrono::microseconds(1'700'000'000'000'000)};
    // ann: 3 orders in two regions; bob: 2, one without a region or weight; cy: none.
    const std::vector<order_row> rows = {
        {"ann", "north", 10, 1.5, t0 + std::chrono::seconds(3), true},
        {"ann", "north", 20, 2.5, t0 + std::chrono::seconds(1), false},
        {"ann", "south", 5, std::nullopt, t0 + std::chrono::seconds(7), true},
        {"bob", std::nullopt, 7, 4.0, t0 + std::chrono::seconds(2), true},
        {"bob", "south", -3, std::nullopt, t0 + std::chrono::seconds(5), false},
    };
    db.insert_many(shop::schema, "orders", rows);
    first = t0;
  }
  table_query orders() { return db.query(shop::schema, shop::orders); }
  std::string refusal(const aggregate_options& o) {
    try {
      orders().aggregate(o);
    } catch (const schema_error& e) {
      return e.what();
    }
    return "(ran)";
  }

  backend::database db = backend::open();
  micros first;
};

TEST_F(Aggregate, WithoutGroupsOneRowOfEveryValue) {
  const auto rows = orders().aggregate({.count = true, .sum = {"total", "weight"}, .avg = "total", .min = "customer",
                                        .max = {"total", "placed"}});
  ASSERT_EQ(rows.size(), 1u);
  const node& r = rows[0];
  EXPECT_EQ(r["count"].as_integer(), 5);
  EXPECT_EQ(r["total_sum"].as_integer(), 39);
  EXPECT_DOUBLE_EQ(r["weight_sum"].as_real(), 8.0);
  EXPECT_DOUBLE_EQ(r["total_avg"].as_real(), 39.0 / 5);
  EXPECT_EQ(r["customer_min"].as_text(), "ann");
  EXPECT_EQ(r["total_max"].as_integer(), 20);
  EXPECT_EQ(r["placed_max"].as_integer(), 1'700'000'007'000'000);  // microseconds, as written
  EXPECT_EQ(r.fields().size(), 7u);
}

TEST_F(Aggregate, GroupsComeInTheirColumnsOrderWithNullFirst) {
  const auto rows = orders().aggregate({.group_by = {"region"}, .count = true, .sum = "total"});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_TRUE(rows[0]["region"].is_null());
  EXPECT_EQ(rows[0]["count"].as_integer(), 1);
  EXPECT_EQ(rows[1]["region"].as_text(), "north");
  EXPECT_EQ(rows[1]["total_sum"].as_integer(), 30);
  EXPECT_EQ(rows[2]["region"].as_text(), "south");
  EXPECT_EQ(rows[2]["total_sum"].as_integer(), 2);
  // Two columns, and a filter (also on a boolean).
  const auto paid = orders().aggregate({.where = eq("paid", true), .group_by = {"customer", "region"}, .count = true});
  ASSERT_EQ(paid.size(), 3u);
  EXPECT_EQ(paid[0]["customer"].as_text(), "ann");
  EXPECT_EQ(paid[0]["region"].as_text(), "north");
  EXPECT_EQ(paid[1]["region"].as_text(), "south");
  EXPECT_EQ(paid[2]["customer"].as_text(), "bob");
  EXPECT_TRUE(paid[2]["region"].is_null());
}

TEST_F(Aggregate, NoRowsSumToZeroAndTheRestAreNull) {
  const auto none = orders().aggregate({.where = eq("customer", "cy"), .count = true, .sum = "total", .avg = "weight",
                                        .min = "placed"});
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0]["count"].as_integer(), 0);
  EXPECT_EQ(none[0]["total_sum"].as_integer(), 0);
  EXPECT_TRUE(none[0]["weight_avg"].is_null());
  EXPECT_TRUE(none[0]["placed_min"].is_null());
  // Grouped, no rows are no groups.
  EXPECT_TRUE(orders().aggregate({.where = eq("customer", "cy"), .group_by = "customer", .count = true}).empty());
}

struct per_customer {
  std::string customer;
  std::int64_t count;
  std::int64_t total_sum;
  std::optional<double> weight_avg;  // a customer's weights may all be NULL
  micros placed_min;                 // NOT NULL, and a group has a row
  std::int64_t total_max;
};

TEST_F(Aggregate, TypedRowsHoldEachGroup) {
  const auto rows = orders().aggregate<per_customer>(
      {.group_by = "customer", .count = true, .sum = "total", .avg = "weight", .min = "placed", .max = "total"});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].customer, "ann");
  EXPECT_EQ(rows[0].count, 3);
  EXPECT_EQ(rows[0].total_sum, 35);
  ASSERT_TRUE(rows[0].weight_avg.has_value());
  EXPECT_DOUBLE_EQ(*rows[0].weight_avg, 2.0);
  EXPECT_EQ(rows[0].placed_min, first + std::chrono::seconds(1));
  EXPECT_EQ(rows[1].customer, "bob");
  EXPECT_EQ(rows[1].total_sum, 4);
  EXPECT_EQ(rows[1].total_max, 7);
  EXPECT_EQ(rows[1].placed_min, first + std::chrono::seconds(2));
}

struct totals_as_text {
  std::string total_sum;
};
struct avg_not_optional {
  double weight_avg;
};
struct misspelt_sum {
  std::int64_t totl_sum;
};
struct missing_group {
  std::int64_t count;
};
struct with_relation_like_field {
  std::string customer;
  std::int64_t count;
  std::vector<order_row> orders;
};

template <class T>
std::string typed_refusal(table_query q, const aggregate_options& o) {
  try {
    q.aggregate<T>(o);
  } catch (const row_mismatch_error& e) {
    return e.what();
  }
  return "(ran)";
}

TEST_F(Aggregate, StructsThatCannotHoldTheRowsAreRefusedInTheRowRulesWords) {
  EXPECT_EQ(typed_refusal<totals_as_text>(orders(), {.sum = "total"}),
            "field 'total_sum' of 'totals_as_text' is std::string, which cannot hold integer column "
            "'aggregate(orders).total_sum'; make it std::int64_t");
  EXPECT_EQ(typed_refusal<avg_not_optional>(orders(), {.avg = "weight"}),
            "field 'weight_avg' of 'avg_not_optional' is double, and column 'aggregate(orders).weight_avg' can be NULL; "
            "make it std::optional<double>");
  EXPECT_EQ(typed_refusal<misspelt_sum>(orders(), {.sum = "total"}),
            "field 'totl_sum' of 'misspelt_sum' names no column, relation or variant alias of table "
            "'aggregate(orders)'; did you mean 'total_sum'?");
  EXPECT_EQ(typed_refusal<missing_group>(orders(), {.group_by = "customer", .count = true}),
            "the aggregate of 'orders' reads 'customer', and 'missing_group' has no field 'customer' to hold it; add "
            "the field or drop it from the aggregate");
  EXPECT_NE(typed_refusal<with_relation_like_field>(orders(), {.group_by = "customer", .count = true}).find(
                "field 'orders' of 'with_relation_like_field' names no column"),
            std::string::npos);
}

TEST_F(Aggregate, FunctionsOverColumnsTheyCannotTakeAreRefusedBeforeAnythingRuns) {
  EXPECT_EQ(refusal({.sum = "customer"}),
            "sum of 'orders.customer' cannot be computed: it is a text column, and sum takes integer or real columns; "
            "aggregate a numeric column");
  EXPECT_NE(refusal({.avg = "paid"}).find("count the rows where it is true"), std::string::npos);
  EXPECT_NE(refusal({.sum = "placed"}).find("points in time"), std::string::npos);
  EXPECT_NE(refusal({.max = "paid"}).find("PostgreSQL has no max of booleans"), std::string::npos);
  EXPECT_NE(refusal({.min = "receipt"}).find("bytes have no order"), std::string::npos);
  EXPECT_EQ(refusal({.sum = "totl"}), "table 'orders' has no column 'totl' to sum; did you mean 'total'?");
  EXPECT_EQ(refusal({.group_by = "regoin", .count = true}),
            "table 'orders' has no column 'regoin' to group by; did you mean 'region'?");
  EXPECT_EQ(refusal({.group_by = "region"}),
            "the aggregate of 'orders' computes nothing; give .count = true, or columns to .sum, .avg, .min or .max");
  EXPECT_EQ(refusal({.sum = {"total", "total"}}),
            "the aggregate of 'orders' reads two values as 'total_sum'; group by a column once, and compute each value "
            "once");
  EXPECT_EQ(refusal({.where = eq("totl", 1), .count = true}),
            "table 'orders' has no column 'totl' to filter on; did you mean 'total'?");
}

TEST_F(Aggregate, IdsAndTimestampsAsGroupsAndMinima) {
  const auto rows = orders().aggregate({.group_by = "placed", .min = "id"});
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_LT(rows[0]["placed"].as_integer(), rows[1]["placed"].as_integer());
  EXPECT_EQ(rows[0]["id_min"].as_integer(), 2);  // the second order was placed first
}

}  // namespace
