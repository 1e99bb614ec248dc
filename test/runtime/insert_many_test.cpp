// insert_many on both backends: every row planned before any is written, rows that set
// the same columns sharing a statement, one transaction for all.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "runtime/blog_fixture.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;

namespace stock {
inline constexpr auto items = table("items", column("sku", text().not_null().unique()), column("name", text()),
                                    column("price", real()), column("count", integer()));
inline constexpr auto notes = table("notes", column("body", text()));
inline constexpr auto schema = define_schema(tables(items, notes));
}  // namespace stock

struct item_row {
  std::int64_t id;
  std::string sku;
  std::optional<std::string> name;
  std::optional<double> price;
};

class InsertMany : public ::testing::Test {
 protected:
  void SetUp() override { db.migrate(stock::schema); }
  std::vector<item_row> items() { return db.query(stock::schema, stock::items).find_many<item_row>({.order_by = {asc("id")}}); }
  std::int64_t count() { return db.query(stock::schema, stock::items).count(); }

  backend::database db = backend::open();
};

std::vector<fields> numbered(int n) {
  std::vector<fields> rows;
  for (int i = 0; i < n; ++i)
    rows.push_back({{"sku", "s" + std::to_string(i)}, {"name", "item " + std::to_string(i)}, {"price", i * 0.5}});
  return rows;
}

TEST_F(InsertMany, EveryRowInItsOrderAcrossSeveralStatements) {
  // 1,234 rows: more than one statement's worth (writes::rows_per_statement).
  EXPECT_EQ(db.insert_many(stock::schema, "items", numbered(1234)), 1234);
  const auto rows = items();
  ASSERT_EQ(rows.size(), 1234u);
  for (std::size_t i = 0; i < rows.size(); i += 101) {
    EXPECT_EQ(rows[i].sku, "s" + std::to_string(i));
    EXPECT_EQ(rows[i].price, static_cast<double>(i) * 0.5);
  }
  EXPECT_EQ(rows.back().name, "item 1233");
  EXPECT_EQ(db.insert_many(stock::schema, "items", std::vector<fields>{}), 0);
}

TEST_F(InsertMany, RowsThatSetOtherColumnsEachGetTheirOwn) {
  const std::vector<fields> rows = {{{"sku", "a"}, {"name", "A"}},
                                    {{"sku", "b"}},
                                    {{"name", "C"}, {"sku", "c"}},  // the same columns in another order
                                    {{"sku", "d"}, {"name", nullptr}, {"price", 2}}};
  EXPECT_EQ(db.insert_many(stock::schema, "items", rows), 4);
  const auto read = items();
  ASSERT_EQ(read.size(), 4u);
  EXPECT_EQ(read[0].name, "A");
  EXPECT_EQ(read[1].name, std::nullopt);
  EXPECT_EQ(read[2].name, "C");
  EXPECT_EQ(read[2].sku, "c");
  EXPECT_EQ(read[3].price, 2.0);
  // Rows that set nothing take every default.
  EXPECT_EQ(db.insert_many(stock::schema, "notes", std::vector<fields>{{}, {}, {{"body", "x"}}}), 3);
  EXPECT_EQ(db.query(stock::schema, stock::notes).count({.where = is_null("body")}), 2);
}

TEST_F(InsertMany, ABadRowAnywhereWritesNothing) {
  auto rows = numbered(900);
  // Refused by the planner, before any statement runs.
  rows[700] = {{"sku", "x"}, {"nmae", "typo"}};
  EXPECT_THROW(db.insert_many(stock::schema, "items", rows), schema_error);
  // Refused by the value checks, after earlier statements ran: rolled back.
  rows[700] = {{"sku", "x"}, {"name", "nan"}, {"price", std::nan("")}};
  EXPECT_THROW(db.insert_many(stock::schema, "items", rows), schema_error);
  // Refused by the database (a duplicate key in the second statement): rolled back.
  rows[700] = {{"sku", "s3"}, {"name", "dup"}, {"price", 1.0}};
  EXPECT_THROW(db.insert_many(stock::schema, "items", rows), backend::driver_error);
  EXPECT_EQ(count(), 0);
  // The connection is usable afterwards.
  EXPECT_EQ(db.insert_many(stock::schema, "items", numbered(3)), 3);
}

TEST_F(InsertMany, InsideATransactionItIsPartOfIt) {
  {
    auto tx = db.transaction();
    db.insert_many(stock::schema, "items", numbered(10));
    EXPECT_EQ(count(), 10);
    tx.rollback();
  }
  EXPECT_EQ(count(), 0);
  auto tx = db.transaction();
  db.insert_many(stock::schema, "items", numbered(10));
  tx.commit();
  EXPECT_EQ(count(), 10);
}

TEST_F(InsertMany, StructsAndRowsWithTheirOwnIds) {
  struct new_item {
    std::string sku;
    std::optional<std::string> name;
  };
  std::vector<new_item> rows;
  for (int i = 0; i < 600; ++i) rows.push_back({"k" + std::to_string(i), i % 2 ? std::optional<std::string>("odd") : std::nullopt});
  EXPECT_EQ(db.insert_many(stock::schema, "items", rows), 600);
  EXPECT_EQ(db.query(stock::schema, stock::items).count({.where = eq("name", "odd")}), 300);
  // Rows with ids: written as given; a plain insert afterwards gets a fresh one
  // (PostgreSQL's sequence follows the ids written).
  EXPECT_EQ(db.insert_many(stock::schema, "items",
                           std::vector<fields>{{{"id", 5000}, {"sku", "i1"}}, {{"id", 5001}, {"sku", "i2"}}}),
            2);
  EXPECT_GT(db.insert(stock::schema, "items", {{"sku", "after"}}), 5001);
  // A struct's plain id of 0 is refused, as insert refuses it.
  EXPECT_THROW(db.insert_many(stock::schema, "items", std::vector<item_row>{{0, "z", std::nullopt, std::nullopt}}),
               schema_error);
}

TEST(InsertManyVariants, EachRowKeepsItsVariantsRulesThoughRowsAlikeArePlannedOnce) {
  auto db = backend::open();
  db.migrate(blog::schema);
  auto role = [](const char* old_role, param new_role) {
    return fields{{"at", 1}, {"action", "role_change"}, {"oldRole", old_role}, {"newRole", new_role}};
  };
  // The third row differs from the second in a value's kind only: a null for a required field.
  EXPECT_THROW(db.insert_many(blog::schema, "audit_logs", {role("a", "b"), role("b", "c"), role("c", nullptr)}),
               discriminator_write_error);
  // The same columns, another variant named: its own rules.
  const fields alert = {{"at", 1}, {"action", "security_alert"}, {"oldRole", "x"}, {"newRole", "y"}};
  EXPECT_THROW(db.insert_many(blog::schema, "audit_logs", {role("a", "b"), alert}), discriminator_write_error);
  EXPECT_EQ(db.query(blog::schema, blog::audit_logs).count(), 0);
  EXPECT_EQ(db.insert_many(blog::schema, "audit_logs", {role("a", "b"), role("b", "c")}), 2);
}

#ifndef ORM_TEST_POSTGRES
TEST(InsertManyForeignKeys, TheRowWhoseParentIsMissingIsNamed) {
  auto db = backend::open();
  db.migrate(blog::schema);
  const auto ann = db.insert(blog::schema, "users", {{"name", "ann"}, {"email", "a@x"}});
  const std::vector<fields> posts = {{{"title", "a"}, {"authorId", ann}},
                                     {{"title", "b"}, {"authorId", ann}},
                                     {{"title", "c"}, {"authorId", 999}}};
  try {
    db.insert_many(blog::schema, "posts", posts);
    FAIL() << "a missing parent was accepted";
  } catch (const sqlite_error& e) {
    EXPECT_NE(std::string(e.what()).find("row 3 of the batch:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("999"), std::string::npos) << e.what();
  }
  EXPECT_EQ(db.query(blog::schema, blog::posts).count(), 0);
}
#endif

}  // namespace
