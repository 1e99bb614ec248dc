// run<T>(sql, params): typed rows from SQL of your own on both backends, parameters bound,
// each field from the column of its name, every value checked against the field's type.
#include <chrono>
#include <functional>

#include <gtest/gtest.h>

#include "runtime/backend.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;

namespace ledger {
inline constexpr auto entries = table("entries", column("account", text().not_null()), column("amount", integer().not_null()),
                                      column("rate", real()), column("cleared", boolean().not_null()), column("memo", text()));
inline constexpr auto schema = define_schema(tables(entries));
}  // namespace ledger

struct per_account {
  std::string account;
  std::int64_t total;
  std::optional<double> rate;
  bool cleared;
};
struct memo_only {
  std::optional<std::string> memo;
};
struct memo_required {
  std::string memo;
};
struct amount_as_integer {
  std::int64_t amount;
};
struct misspelt {
  std::int64_t totl;
};
struct narrow {
  int total;
};
struct nested {
  std::vector<memo_only> memos;
};

class StatementRows : public ::testing::Test {
 protected:
  void SetUp() override {
    db.migrate(ledger::schema);
    db.insert(ledger::schema, "entries", {{"account", "a"}, {"amount", 10}, {"rate", 0.5}, {"cleared", true}});
    db.insert(ledger::schema, "entries", {{"account", "a"}, {"amount", 5}, {"cleared", true}, {"memo", "x'; --"}});
    db.insert(ledger::schema, "entries", {{"account", "b"}, {"amount", -7}, {"cleared", false}});
  }
  template <class T>
  std::string refusal(const std::string& sql, const std::vector<param>& params = {}) {
    try {
      db.run<T>(sql, params);
    } catch (const error& e) {
      return e.what();
    }
    return "(ran)";
  }
  backend::database db = backend::open();
};

TEST_F(StatementRows, FieldsReadTheColumnsOfTheirNamesWithParametersBound) {
  const auto rows = db.run<per_account>(
      "SELECT account, SUM(amount) AS total, MAX(rate) AS rate, " +
          std::string(backend::is_postgres ? "bool_and(cleared)" : "MIN(cleared)") +
          " AS cleared FROM entries WHERE amount > $1 GROUP BY account ORDER BY account",
      {param(-100)});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].account, "a");
  EXPECT_EQ(rows[0].total, 15);
  EXPECT_EQ(rows[0].rate, 0.5);
  EXPECT_TRUE(rows[0].cleared);
  EXPECT_EQ(rows[1].account, "b");
  EXPECT_EQ(rows[1].total, -7);
  EXPECT_FALSE(rows[1].rate.has_value());
  EXPECT_FALSE(rows[1].cleared);
  // A value is a parameter, never SQL: the memo with a quote in it is found by value.
  const auto memos = db.run<memo_only>("SELECT memo FROM entries WHERE memo = $1", {param(std::string("x'; --"))});
  ASSERT_EQ(memos.size(), 1u);
  EXPECT_EQ(memos[0].memo, "x'; --");
  EXPECT_TRUE(db.run<memo_only>("SELECT memo FROM entries WHERE amount > $1", {param(1000)}).empty());
}

TEST_F(StatementRows, AWriteReturningRowsRunsAndReturnsThem) {
  const auto written = db.run<amount_as_integer>(
      "INSERT INTO entries (account, amount, cleared) VALUES ($1, $2, $3) RETURNING amount",
      {param(std::string("c")), param(42), param(true)});
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].amount, 42);
  EXPECT_EQ(db.query(ledger::schema, ledger::entries).count({.where = eq("account", "c")}), 1);
}

TEST_F(StatementRows, FieldsNoColumnCanHoldAreRefused) {
  EXPECT_EQ(refusal<misspelt>("SELECT SUM(amount) AS total, COUNT(*) AS n FROM entries"),
            "field 'totl' of 'misspelt' names no column of the statement's result (its columns: 'total', 'n'); name a "
            "column so in the SQL (AS totl), or rename the field\n  SELECT SUM(amount) AS total, COUNT(*) AS n FROM entries");
  EXPECT_EQ(refusal<narrow>("SELECT 1 AS total"),
            "field 'total' of 'narrow' is std::int32_t, which cannot hold every value of integer column 'result.total'; make it "
            "std::int64_t");
  EXPECT_NE(refusal<nested>("SELECT 1 AS memos").find("a statement's result has columns of values only"), std::string::npos);
}

TEST_F(StatementRows, ValuesOfAnotherTypeAndNullsAreRefusedNotConverted) {
  EXPECT_NE(refusal<amount_as_integer>("SELECT account AS amount FROM entries").find("holds text 'a', which is not an integer"),
            std::string::npos);
  EXPECT_EQ(refusal<memo_required>("SELECT memo FROM entries ORDER BY id"),
            "'result.memo' is NULL, and field 'memo' of 'memo_required' is not std::optional");
}

// A table written before its schema said NOT NULL (or by other code): find_many<T> refuses
// the stored NULL naming the column and the field, as run<T> does, rather than read it as
// an empty string.
namespace legacy {
inline constexpr auto notes = table("notes", column("body", text().not_null()));
inline constexpr auto schema = define_schema(tables(notes));
}  // namespace legacy
struct note_row {
  std::int64_t id;
  std::string body;
};

TEST_F(StatementRows, ANullWhereTheSchemaSaysNotNullIsRefusedNamingTheField) {
  db.exec("CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT)");
  db.exec("INSERT INTO notes (id, body) VALUES (1, 'kept'), (2, NULL)");
  try {
    db.query(legacy::schema, legacy::notes).find_many<note_row>({.order_by = {asc("id")}});
    FAIL() << "the NULL was read";
  } catch (const error& e) {
    EXPECT_EQ(std::string(e.what()), "'notes.body' is NULL, and field 'body' of 'note_row' is not std::optional");
  }
}

TEST_F(StatementRows, TheStatementIsRunAloneWithEveryParameter) {
  EXPECT_NE(refusal<amount_as_integer>("SELECT amount FROM entries WHERE amount > $1").find("parameter"), std::string::npos);
  EXPECT_NE(refusal<amount_as_integer>("SELECT amount FROM entries WHERE amount > $1", {param(1), param(2)}).find("parameter"),
            std::string::npos);
  EXPECT_NE(refusal<amount_as_integer>("SELECT 1 AS amount; DELETE FROM entries", {}), "(ran)");
  EXPECT_EQ(db.query(ledger::schema, ledger::entries).count(), 3);
}

}  // namespace
