// Reads rendered once per shape (runtime/read_cache.hpp): a call of a shape the database
// has read renders no SQL and binds its own values, at every level of the read, on both
// backends; what changes the SQL (limits, NULL, an empty list, another schema) is another
// shape; a schema that can change under its address is never kept.
#include <algorithm>
#include <atomic>
#include <limits>
#include <thread>

#include <gtest/gtest.h>

#include "runtime/backend.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;

namespace shop {
inline constexpr auto customers =
    table("customers", column("name", text().not_null()), column("tier", integer()), column("score", real()),
          index("by_name").on("name"));
inline constexpr auto orders = table("orders", column("total", integer().not_null()), column("note", text()),
                                     column("customerId", id("customers").not_null().references("customers")),
                                     index("by_customer").on("customerId"));
inline constexpr auto schema = define_schema(tables(customers, orders), {.defaults = {.default_limit = 50}})
                                   .relations(many(customers, "orders", orders, {.to = "customerId"}),
                                              one(orders, "customer", customers, {.from = "customerId"}));
}  // namespace shop

// The same table, a column more: another schema, so other statements.
namespace shop_v2 {
inline constexpr auto customers =
    table("customers", column("name", text().not_null()), column("tier", integer()), column("score", real()),
          column("email", text()), index("by_name").on("name"));
inline constexpr auto schema = define_schema(tables(customers), {.defaults = {.default_limit = 0}});
}  // namespace shop_v2

struct order_row {
  std::int64_t total;
};
struct wrong_row {  // customers have no nickname
  std::string nickname;
};
struct customer_with_orders {
  std::string name;
  std::vector<order_row> orders;
};

std::vector<std::string> names_of(const std::vector<node>& rows) {
  std::vector<std::string> out;
  for (const node& r : rows) out.push_back(r["name"].as_text());
  return out;
}
std::vector<std::int64_t> totals_of(const node& row) {
  std::vector<std::int64_t> out;
  for (const node& o : row["orders"]) out.push_back(o["total"].as_integer());
  return out;
}

class ReadCache : public ::testing::Test {
 protected:
  void SetUp() override {
    db.migrate(shop::schema);
    auto tx = db.transaction();
    const char* names[] = {"ann", "bob", "cy", "dee", "eve"};
    for (int c = 0; c < 5; ++c) {
      fields row{{"name", names[c]}, {"score", 0.5 * c}};
      if (c % 2 == 0) row.emplace_back("tier", c);
      const auto id = db.insert(shop::schema, "customers", row);
      for (int o = 0; o <= c; ++o)
        db.insert(shop::schema, "orders", {{"total", 10 * c + o}, {"note", o % 2 ? "gift" : "plain"}, {"customerId", id}});
    }
    tx.commit();
  }
  runtime::read_cache::counts counted() { return db.reads().counted(); }

  backend::database db = backend::open();
};

TEST_F(ReadCache, ARepeatedShapeRendersNoSqlAndBindsTheCallsValues) {
  auto customers = db.query(shop::schema, shop::customers);
  const auto before = counted();
  EXPECT_EQ(names_of(customers.find_many({.where = eq("name", "bob")})), std::vector<std::string>{"bob"});
  EXPECT_EQ(counted().renders, before.renders + 1);
  EXPECT_EQ(names_of(customers.find_many({.where = eq("name", "dee")})), std::vector<std::string>{"dee"});
  EXPECT_EQ(names_of(customers.find_many({.where = eq("name", "nobody")})), std::vector<std::string>{});
  EXPECT_EQ(counted().renders, before.renders + 1) << "a call of a shape already read renders its SQL again";
  EXPECT_EQ(counted().hits, before.hits + 2);
  // The statement shown is the one kept, with the call's values.
  EXPECT_EQ(customers.sql({.where = eq("name", "eve")}).params, std::vector<param>{param("eve")});
}

TEST_F(ReadCache, ValuesAtEveryLevelOfAReadAreTheCalls) {
  auto customers = db.query(shop::schema, shop::customers);
  for (const load_strategy how : {load_strategy::join, load_strategy::select_in, load_strategy::nested}) {
    const auto read = [&](std::int64_t min_total, const char* note, std::vector<param> names) {
      return customers.find_many({.where = in("name", std::move(names)) && some("orders", eq("note", note)),
                                  .order_by = {asc("name")},
                                  .with = {{"orders", {.where = ge("total", min_total), .order_by = {desc("total")}}}},
                                  .strategy = how});
    };
    const auto renders = counted().renders;
    const auto first = read(0, "gift", {"bob", "cy", "eve"});
    ASSERT_EQ(names_of(first), (std::vector<std::string>{"bob", "cy", "eve"}));
    EXPECT_EQ(totals_of(first[2]), (std::vector<std::int64_t>{44, 43, 42, 41, 40}));
    // Another list (of another length), another note, another bound on the load.
    const auto second = read(42, "plain", {"ann", "eve"});
    ASSERT_EQ(names_of(second), (std::vector<std::string>{"ann", "eve"}));
    EXPECT_EQ(totals_of(second[0]), std::vector<std::int64_t>{});
    EXPECT_EQ(totals_of(second[1]), (std::vector<std::int64_t>{44, 43, 42}));
    EXPECT_EQ(counted().renders, renders + 1) << static_cast<int>(how);
  }
}

TEST_F(ReadCache, WhatChangesTheSqlIsAnotherShape) {
  auto customers = db.query(shop::schema, shop::customers);
  const auto renders = counted().renders;
  // NULL is written IS NULL: the customers without a tier, then those of tier 2.
  EXPECT_EQ(names_of(customers.find_many({.where = eq("tier", nullptr), .order_by = {asc("name")}})),
            (std::vector<std::string>{"bob", "dee"}));
  EXPECT_EQ(names_of(customers.find_many({.where = eq("tier", 2), .order_by = {asc("name")}})),
            std::vector<std::string>{"cy"});
  // An empty list is written FALSE.
  EXPECT_EQ(names_of(customers.find_many({.where = in("name", {}), .order_by = {asc("name")}})), std::vector<std::string>{});
  EXPECT_EQ(names_of(customers.find_many({.where = in("name", {"ann"}), .order_by = {asc("name")}})),
            std::vector<std::string>{"ann"});
  // Limits and offsets are written as numbers.
  EXPECT_EQ(customers.find_many({.order_by = {asc("name")}, .limit = 1}).size(), 1u);
  EXPECT_EQ(customers.find_many({.order_by = {asc("name")}, .limit = 3}).size(), 3u);
  EXPECT_EQ(names_of(customers.find_many({.order_by = {asc("name")}, .limit = 1, .offset = 4})),
            std::vector<std::string>{"eve"});
  EXPECT_EQ(counted().renders, renders + 7);
  // find_unique pins its filter and reads two rows: not find_many's statement.
  EXPECT_EQ(customers.find_unique({.where = eq("id", 1)})->at("name").as_text(), "ann");
  EXPECT_EQ(customers.find_unique({.where = eq("id", 2)})->at("name").as_text(), "bob");
  EXPECT_EQ(counted().renders, renders + 8);
}

TEST_F(ReadCache, PagesTypedRowsCountsAndWarningsUseTheKeptStatements) {
  auto customers = db.query(shop::schema, shop::customers);
  // Each page after the first seeks past another cursor: the same shape.
  std::vector<std::string> seen;
  page p = customers.find_page({.order_by = {asc("name")}, .limit = 2});
  const auto renders = counted().renders;
  for (;;) {
    for (const std::string& name : names_of(p.rows)) seen.push_back(name);
    if (!p.next) break;
    p = customers.find_page({.order_by = {asc("name")}, .limit = 2, .after = p.next});
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"ann", "bob", "cy", "dee", "eve"}));
  EXPECT_EQ(counted().renders, renders + 1) << "the pages after the first";
  // Typed rows, their loads by a statement of their own.
  const auto typed = [&](const char* name) {
    return customers.find_many<customer_with_orders>(
        {.where = eq("name", name), .with = {{"orders", {.order_by = {asc("total")}, .strategy = load_strategy::select_in}}}});
  };
  ASSERT_EQ(typed("bob").size(), 1u);
  const auto typed_before = counted();
  const auto dee = typed("dee");
  ASSERT_EQ(dee.size(), 1u);
  EXPECT_EQ(dee[0].orders.size(), 4u);
  EXPECT_EQ(dee[0].orders.back().total, 33);
  EXPECT_EQ(counted().renders, typed_before.renders);
  EXPECT_EQ(counted().typed_hits, typed_before.typed_hits + 1) << "the row type checked and planned again";
  // A row type the read cannot fill is refused on every call, kept plans or not.
  for (int i = 0; i < 2; ++i)
    EXPECT_THROW(customers.find_many<wrong_row>({.where = eq("name", "ann")}), row_mismatch_error);
  // Counts are the read of the same rows, counted: kept as reads of their own.
  EXPECT_EQ(customers.count({.where = gt("score", 0.7)}), 3);
  const auto count_before = counted();
  EXPECT_EQ(customers.count({.where = gt("score", 1.7)}), 1);
  EXPECT_EQ(counted().renders, count_before.renders) << "a count of a shape already counted rendered its SQL again";
  const std::vector<node> read = customers.find_many({.where = gt("score", 1.7)});
  ASSERT_EQ(read.size(), 1u) << "the read of a counted shape ran the count's statement";
  EXPECT_TRUE(read[0].contains("name"));
  EXPECT_EQ(counted().renders, count_before.renders + 1);
}

TEST_F(ReadCache, ASchemaThatCanChangeUnderItsAddressIsRenderedEveryTime) {
  // A model the caller built and owns: changed in place, the next read follows it.
  model::schema mine = db.model_of(shop::schema);
  auto customers = db.query(mine, std::string("customers"));
  const auto renders = counted().renders;
  EXPECT_EQ(customers.find_many({.order_by = {asc("name")}, .with = {{"orders", {}}}})[4]["orders"].size(), 5u);
  mine.settings.default_limit = 2;
  EXPECT_EQ(customers.find_many({.order_by = {asc("name")}, .with = {{"orders", {}}}})[4]["orders"].size(), 2u);
  EXPECT_EQ(counted().renders, renders + 2);
  EXPECT_EQ(db.reads().size(), 0u);
}

TEST_F(ReadCache, AnotherSchemaOfTheSameTablesHasStatementsOfItsOwn) {
  auto v1 = db.query(shop::schema, shop::customers);
  EXPECT_FALSE(v1.find_many({.where = eq("name", "ann")})[0].contains("email"));
  db.migrate(shop_v2::schema);  // the column added under the open database
  db.update(shop_v2::schema, "customers", {{"email", "ann@example.com"}}, eq("name", "ann"));
  auto v2 = db.query(shop_v2::schema, shop_v2::customers);
  EXPECT_EQ(v2.find_many({.where = eq("name", "ann")})[0]["email"].as_text(), "ann@example.com");
  EXPECT_FALSE(v1.find_many({.where = eq("name", "ann")})[0].contains("email"));
}

TEST_F(ReadCache, TheLeastRecentlyUsedShapesAreDroppedPastTheCapacity) {
  auto customers = db.query(shop::schema, shop::customers);
  const std::size_t shapes = runtime::read_cache::capacity + 20;
  for (std::size_t limit = 1; limit <= shapes; ++limit)
    EXPECT_EQ(customers.find_many({.order_by = {asc("name")}, .limit = static_cast<std::int64_t>(limit)}).size(),
              std::min<std::size_t>(limit, 5));
  EXPECT_EQ(db.reads().size(), runtime::read_cache::capacity);
  const auto renders = counted().renders;
  customers.find_many({.order_by = {asc("name")}, .limit = static_cast<std::int64_t>(shapes)});  // kept
  EXPECT_EQ(counted().renders, renders);
  customers.find_many({.order_by = {asc("name")}, .limit = 1});  // dropped: rendered again
  EXPECT_EQ(counted().renders, renders + 1);
}

TEST_F(ReadCache, AListTheStatementCannotBindAsOneValueIsRendered) {
  auto customers = db.query(shop::schema, shop::customers);
  EXPECT_EQ(names_of(customers.find_many({.where = in("score", {0.5, 1.5}), .order_by = {asc("name")}})),
            (std::vector<std::string>{"bob", "dee"}));
  // SQLite's JSON list has no NaN: that call's list is written out one parameter per item.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(names_of(customers.find_many({.where = in("score", {nan, 1.0}), .order_by = {asc("name")}})),
            std::vector<std::string>{"cy"});
  EXPECT_EQ(names_of(customers.find_many({.where = in("score", {0.0, 2.0}), .order_by = {asc("name")}})),
            (std::vector<std::string>{"ann", "eve"}));
}

// A kept read is lent to its call, not copied, and finds its prepared statement by a hint:
// both must hold after the connection's statement cache dropped statements, and an
// explanation (a copy of the kept read, its text changed) must run its own statement.
TEST_F(ReadCache, AKeptReadStaysRightAfterTheStatementCacheStartsAgainAndBesideExplain) {
  auto customers = db.query(shop::schema, shop::customers);
  const find_options by_name{.where = eq("name", "ann"), .with = {{"orders", {.order_by = {asc("total")}}}}};
  EXPECT_EQ(names_of(customers.find_many(by_name)), std::vector<std::string>{"ann"});
  EXPECT_EQ(customers.count({.where = eq("name", "ann")}), 1);
  for (int i = 0; i < 300; ++i) db.exec("SELECT " + std::to_string(i), {});
  const auto hits = counted().hits;
  const auto bob = customers.find_many({.where = eq("name", "bob"), .with = {{"orders", {.order_by = {asc("total")}}}}});
  ASSERT_EQ(names_of(bob), std::vector<std::string>{"bob"});
  EXPECT_EQ(totals_of(bob[0]), (std::vector<std::int64_t>{10, 11}));
  EXPECT_EQ(customers.count({.where = eq("name", "bob")}), 1);
  EXPECT_EQ(customers.count({.where = ne("name", "bob")}), 4);
  EXPECT_EQ(counted().hits, hits + 2) << "not served by the kept reads";
  const explained_read plan = customers.explain(by_name);
  // The plan's lines name the read's alias (SQLite's "SEARCH t0 ...", PostgreSQL's "... on
  // customers t0"); the read's own rows would not.
  EXPECT_TRUE(std::any_of(plan.plan.begin(), plan.plan.end(), [](const std::string& line) { return line.find("t0") != std::string::npos; }))
      << ::testing::PrintToString(plan.plan);
  EXPECT_EQ(plan.statements.front(), customers.sql(by_name).sql);
  EXPECT_EQ(names_of(customers.find_many(by_name)), std::vector<std::string>{"ann"}) << "the explanation disturbed it";
}

TEST_F(ReadCache, TwoThreadsReadingOneShapeEachGetTheirOwnValues) {
  auto customers = db.query(shop::schema, shop::customers);
  const char* names[] = {"ann", "bob", "cy", "dee", "eve"};
  std::atomic<int> wrong{0};
  const auto reader = [&](int offset) {
    for (int i = 0; i < 200; ++i) {
      const int c = (i + offset) % 5;
      const auto rows = customers.find_many({.where = eq("name", names[c]), .with = {{"orders", {.order_by = {asc("total")}}}}});
      if (rows.size() != 1 || rows[0]["name"].as_text() != names[c] || rows[0]["orders"].size() != static_cast<std::size_t>(c + 1))
        ++wrong;
    }
  };
  std::thread a(reader, 0), b(reader, 3);
  a.join();
  b.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
