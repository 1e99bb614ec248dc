// The connection's prepared statements (sqlite/statement.hpp): a kept statement is lent to
// one use at a time and serves the next use of its text; a use of a text whose statement
// is lent already (a statement run inside another's rows) gets one of its own; the cache
// starting again never finalizes a statement that is lent; a kept read's hint finds its
// statement without a lookup only while the cache has dropped nothing; a statement bound
// with fewer values than it takes has NULL for the rest, not an earlier use's values; a
// loop over a statement's rows holds the connection's mutex, under which its columns are
// read as values (sqlite/statement.hpp, column_value).
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include <orm/sqlite.hpp>

namespace {
using orm::sqlite::statement;
using orm::sqlite::statement_cache;

struct StatementCache : ::testing::Test {
  orm::sqlite::database db{":memory:"};
  statement_cache cache;
  ~StatementCache() override { cache.clear(); }  // before the connection closes

  std::int64_t value_of(statement& s, std::int64_t bound) {
    s.bind(1, orm::runtime::param(static_cast<long long>(bound)));
    EXPECT_TRUE(s.step());
    return s.integer(0);
  }
};

TEST_F(StatementCache, AKeptStatementServesTheNextUseOfItsText) {
  const statement* first = nullptr;
  {
    auto s = cache.take(db.handle(), "SELECT ? + 1");
    first = &*s;
    EXPECT_EQ(value_of(*s, 1), 2);
  }
  auto again = cache.take(db.handle(), "SELECT ? + 1");
  EXPECT_EQ(&*again, first) << "prepared again";
  EXPECT_EQ(value_of(*again, 41), 42) << "given back without its bindings cleared or its rows reset";
}

TEST_F(StatementCache, ATextInUseGetsAStatementOfItsOwn) {
  auto outer = cache.take(db.handle(), "SELECT ? * 2");
  const statement* kept = &*outer;
  ASSERT_EQ(value_of(*outer, 5), 10);
  {
    auto inner = cache.take(db.handle(), "SELECT ? * 2");
    EXPECT_NE(&*inner, kept);
    EXPECT_EQ(value_of(*inner, 7), 14);
  }
  EXPECT_EQ(outer->integer(0), 10) << "the inner use disturbed the outer statement's row";
}

TEST_F(StatementCache, StartingAgainKeepsALentStatement) {
  auto lent = cache.take(db.handle(), "SELECT ? - 1");
  for (int i = 0; i < 600; ++i) {  // past the cache's size, twice
    auto s = cache.take(db.handle(), "SELECT " + std::to_string(i) + " + ?");
    EXPECT_EQ(value_of(*s, 1), i + 1);
  }
  EXPECT_EQ(value_of(*lent, 10), 9);
}

TEST_F(StatementCache, AStatementBoundWithFewerValuesHasNullForTheRest) {
  using orm::runtime::param;
  {
    auto s = cache.take(db.handle(), "SELECT ?1, ?2");
    s->bind({param(1LL), param(2LL)});
    ASSERT_TRUE(s->step());
    EXPECT_EQ(s->integer(1), 2);
  }
  auto again = cache.take(db.handle(), "SELECT ?1, ?2");
  again->bind({param(5LL)});
  ASSERT_TRUE(again->step());
  EXPECT_EQ(again->integer(0), 5);
  EXPECT_TRUE(again->is_null(1)) << "the earlier use's second value was bound still";
}

TEST_F(StatementCache, AHintFindsItsStatementUntilTheCacheDropsStatements) {
  orm::runtime::statement_hint hint;
  const statement* first = nullptr;
  {
    auto s = cache.take(db.handle(), "SELECT ? + 100", hint);
    first = &*s;
    EXPECT_EQ(value_of(*s, 1), 101);
  }
  ASSERT_NE(hint.entry, nullptr);
  {
    auto s = cache.take(db.handle(), "SELECT ? + 100", hint);
    EXPECT_EQ(&*s, first);
    EXPECT_EQ(value_of(*s, 2), 102);
  }
  {
    auto lent = cache.take(db.handle(), "SELECT ? + 100", hint);  // lent: a use inside it gets its own
    auto inner = cache.take(db.handle(), "SELECT ? + 100", hint);
    EXPECT_NE(&*inner, &*lent);
    EXPECT_EQ(value_of(*inner, 3), 103);
  }
  for (int i = 0; i < 600; ++i) cache.take(db.handle(), "SELECT " + std::to_string(i) + " + ?");  // drops statements
  auto s = cache.take(db.handle(), "SELECT ? + 100", hint);
  EXPECT_EQ(value_of(*s, 4), 104);
}

TEST_F(StatementCache, AHintOfAnotherCacheOrACopyIsNotFollowed) {
  orm::runtime::statement_hint hint;
  statement_cache other;
  {
    auto s = other.take(db.handle(), "SELECT ? * 10", hint);
    EXPECT_EQ(value_of(*s, 1), 10);
  }
  {
    auto s = cache.take(db.handle(), "SELECT ? - 10", hint);  // the hint is other's: looked up
    EXPECT_EQ(value_of(*s, 11), 1);
  }
  const orm::runtime::statement_hint copy = hint;  // a copy's text may be another (explain's)
  EXPECT_EQ(copy.entry, nullptr);
  other.clear();
}

// Another thread using the connection (db.handle()) waits while rows are read: the
// columns' values are read without SQLite taking its mutex per call, which is safe only
// while the loop holds it.
TEST(ConnectionLock, ALoopOverRowsHoldsTheConnectionsMutex) {
  orm::sqlite::database db(":memory:");
  std::vector<int> tried;
  db.run_statement("SELECT 1 UNION ALL SELECT 2", {}, [&](const statement& row) {
    std::thread([&] {
      sqlite3_mutex* mutex = sqlite3_db_mutex(db.handle());
      const int rc = sqlite3_mutex_try(mutex);
      if (rc == SQLITE_OK) sqlite3_mutex_leave(mutex);
      tried.push_back(rc);
    }).join();
    EXPECT_EQ(row.integer(0), static_cast<std::int64_t>(tried.size()));
  });
  EXPECT_EQ(tried, (std::vector<int>{SQLITE_BUSY, SQLITE_BUSY}));
  sqlite3_mutex* mutex = sqlite3_db_mutex(db.handle());
  std::thread([&] {
    const int rc = sqlite3_mutex_try(mutex);
    if (rc == SQLITE_OK) sqlite3_mutex_leave(mutex);
    EXPECT_EQ(rc, SQLITE_OK) << "still held after the loop";
  }).join();
}

}  // namespace
