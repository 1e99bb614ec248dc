// The connection's prepared statements (sqlite/statement.hpp): a kept statement is lent to
// one use at a time and serves the next use of its text; a use of a text whose statement
// is lent already (a statement run inside another's rows) gets one of its own; the cache
// starting again never finalizes a statement that is lent.
#include <gtest/gtest.h>

#include <string>

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

}  // namespace
