// A read that loads by join runs exactly one statement; by statements of their own, one
// per level (select_in) or per key (nested), in one transaction. SQLite answers every
// relation subquery of an indexed schema with index searches, not scans.
#include <gtest/gtest.h>

#include <set>

#include "runtime/blog_fixture.hpp"

namespace {
using namespace orm;
using namespace orm::sqlite;
using Plan = orm::testing::blog_database;

int count_statements(sqlite3* db, const std::function<void()>& run) {
  int count = 0;
  sqlite3_trace_v2(db, SQLITE_TRACE_STMT,
                   [](unsigned, void* context, void*, void*) {
                     ++*static_cast<int*>(context);
                     return 0;
                   },
                   &count);
  run();
  sqlite3_trace_v2(db, 0, nullptr, nullptr);
  return count;
}

const find_options three_levels{
    .with = {{"authoredPosts", {.with = {{"comments", {.limit = 5, .with = {{"author", {}}}}}, {"tags", {}}}}},
             {"reports", {}}, {"manager", {}}},
    .strategy = load_strategy::join};

find_options by(load_strategy how) {
  find_options o = three_levels;
  o.strategy = how;
  return o;
}

TEST_F(Plan, EachCallRunsExactlyOneStatement) {
  auto users = db.query(blog::schema, blog::users);
  EXPECT_EQ(count_statements(db.handle(), [&] { EXPECT_EQ(users.find_many(three_levels).size(), 3u); }), 1);
  EXPECT_EQ(count_statements(db.handle(), [&] { users.find_first(three_levels); }), 1);
  EXPECT_EQ(count_statements(db.handle(), [&] {
              users.find_unique({.where = eq("id", ann), .with = {{"reports", {}}}, .strategy = load_strategy::join});
            }),
            1);
}

TEST_F(Plan, SelectInRunsOneStatementPerLevelInOneTransaction) {
  auto users = db.query(blog::schema, blog::users);
  // The top, then authoredPosts, comments, their author, tags, reports and manager: seven,
  // between BEGIN and COMMIT.
  EXPECT_EQ(count_statements(db.handle(), [&] { EXPECT_EQ(users.find_many(by(load_strategy::select_in)).size(), 3u); }), 9);
  // Nested: one run per distinct key (ann's 2 posts and bob's 1; 3 users' reports; ...).
  EXPECT_GT(count_statements(db.handle(), [&] { EXPECT_EQ(users.find_many(by(load_strategy::nested)).size(), 3u); }), 9);
  // Inside the caller's transaction, no BEGIN of its own.
  auto tx = db.transaction();
  EXPECT_EQ(count_statements(db.handle(), [&] { users.find_many(by(load_strategy::select_in)); }), 7);
  tx.commit();
}

// A call of a shape already run reuses its prepared statement: values are bound, so the
// SQL is the same, and the connection keeps one statement per shape.
TEST_F(Plan, CallsOfOneShapeShareAPreparedStatement) {
  auto statements = [&] {
    int n = 0;
    for (sqlite3_stmt* s = sqlite3_next_stmt(db.handle(), nullptr); s; s = sqlite3_next_stmt(db.handle(), s)) ++n;
    return n;
  };
  auto users = db.query(blog::schema, blog::users);
  const int before = statements();
  for (int i = 0; i < 20; ++i) users.find_many({.where = eq("name", "user" + std::to_string(i)), .with = three_levels.with});
  EXPECT_EQ(statements(), before + 1);
  for (int i = 0; i < 20; ++i) db.update(blog::schema, "users", {{"name", "n" + std::to_string(i)}}, eq("id", ann));
  EXPECT_EQ(statements(), before + 2);
}

TEST_F(Plan, RelationSubqueriesSearchIndexes) {
  const compiled_read read = db.query(blog::schema, blog::users).sql(three_levels);
  statement explain(db.handle(), "EXPLAIN QUERY PLAN " + read.sql);
  explain.bind(read.params);
  std::vector<std::string> details;
  while (explain.step()) details.push_back(explain.text(3));
  ASSERT_FALSE(details.empty());
  // The outer loop reads every user (the query has no where), and each many() reads the
  // rows of its own subquery (SCAN (subquery-N)); no relation's table is scanned.
  std::set<std::string> searched;
  for (const std::string& d : details) {
    if (d.rfind("SCAN t", 0) == 0 && d.rfind("SCAN t0", 0) != 0)
      ADD_FAILURE() << "a relation subquery scans a table: " << d << "\n" << read.sql;
    if (d.rfind("SEARCH ", 0) == 0) searched.insert(d.substr(7, d.find(' ', 7) - 7));
  }
  // posts, comments, users (author), tags, post_tags, users (reports), users (manager)
  EXPECT_EQ(searched, (std::set<std::string>{"t1", "t2", "t3", "t4", "t5", "t6", "t7"}));
}

TEST_F(Plan, StatementsOfTheirOwnSearchIndexes) {
  for (const load_strategy how : {load_strategy::select_in, load_strategy::nested}) {
    const explained_read read = db.query(blog::schema, blog::users).explain(by(how));
    EXPECT_EQ(read.statements.size(), 7u);
    std::set<std::string> searched, subqueries;
    for (const std::string& line : read.plan) {
      const std::string d = line.substr(line.find_first_not_of(' '));
      // A bounded load numbers each parent's rows in a subquery under the table's alias
      // (CO-ROUTINE tN), whose rows the statement then scans (SCAN tN): no table scan.
      if (d.rfind("CO-ROUTINE t", 0) == 0) subqueries.insert(d.substr(11));
      if (d.rfind("SCAN t", 0) == 0 && d.rfind("SCAN t0", 0) != 0 && !subqueries.contains(d.substr(5)))
        ADD_FAILURE() << "a load's statement scans a table: " << d << "\n" << ::testing::PrintToString(read.plan);
      if (d.rfind("SEARCH ", 0) == 0) searched.insert(d.substr(7, d.find(' ', 7) - 7));
    }
    EXPECT_GE(searched.size(), 6u) << ::testing::PrintToString(read.plan);
  }
}

TEST_F(Plan, UnindexedLoadsScanWhichTheGuardRefuses) {
  // The counterpart: drop the index and SQLite scans; that is what the missing-index guard prevents.
  db.exec("DROP INDEX \"posts.by_author\"");
  const compiled_read read =
      db.query(blog::schema, blog::users).sql({.with = {{"authoredPosts", {}}}, .strategy = load_strategy::join});
  statement explain(db.handle(), "EXPLAIN QUERY PLAN " + read.sql);
  bool scans_posts = false;
  while (explain.step()) scans_posts |= explain.text(3).rfind("SCAN t1", 0) == 0;
  EXPECT_TRUE(scans_posts);
}

}  // namespace
