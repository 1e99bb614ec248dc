// warn_unindexed_reads(): SQLite's plan of each read judged by orm-unindexed-query's rule
// as the read runs, once per statement, in warnings().
#include <gtest/gtest.h>

#include "runtime/blog_fixture.hpp"

namespace {
using namespace orm;
using namespace orm::sqlite;
using UnindexedReads = orm::testing::blog_database;

// A filter built away from the call, as ormlint cannot see it at the call site.
condition titled(const std::string& title) { return eq("title", title); }

TEST_F(UnindexedReads, OffUnlessAskedFor) {
  const std::size_t before = db.warnings().size();
  db.query(blog::schema, blog::posts).find_many({.where = eq("title", "first")});
  EXPECT_EQ(db.warnings().size(), before);
}

TEST_F(UnindexedReads, AFilterReadByAFullScanIsWarnedOncePerStatement) {
  db.warn_unindexed_reads();
  const std::size_t before = db.warnings().size();
  auto posts = db.query(blog::schema, blog::posts);
  for (const char* title : {"first", "second", "third"}) EXPECT_EQ(posts.find_many({.where = titled(title)}).size(), 1u);
  ASSERT_EQ(db.warnings().size(), before + 1);
  EXPECT_EQ(db.warnings().back(),
            "this read filters 'posts' by (title), and no index serves it: SQLite reads every row of 'posts' (SCAN) on "
            "every call; an index on (\"title\") of 'posts' would serve it (ormlint's orm-unindexed-query offers it as a "
            "fix), or mark the table small_table()");
}

TEST_F(UnindexedReads, ServedReadsAndExplainAloneWarnNothing) {
  db.warn_unindexed_reads();
  const std::size_t before = db.warnings().size();
  auto posts = db.query(blog::schema, blog::posts);
  posts.find_many({.where = eq("authorId", ann)});                      // by_author
  posts.find_many({.where = eq("id", first)});                          // the primary key
  posts.find_many({.order_by = {asc("title")}});                        // the whole table asked for
  db.query(blog::schema, blog::users).find_unique({.where = eq("email", "ann@example.com")});
  const auto plan = posts.explain({.where = eq("title", "x")});         // inspecting is not reading
  EXPECT_FALSE(plan.plan.empty());
  EXPECT_EQ(db.warnings().size(), before);
}

TEST_F(UnindexedReads, LoadsTypedRowsAndAnOrderUnderALimit) {
  db.warn_unindexed_reads();
  const std::size_t before = db.warnings().size();
  struct post_title {
    std::string title;
  };
  db.query(blog::schema, blog::posts).find_many<post_title>({.order_by = {desc("title")}, .limit = 2});
  db.query(blog::schema, blog::users).find_many({.where = eq("id", ann), .with = {{"authoredPosts", {.order_by = {asc("title")}, .limit = 1}}}});
  ASSERT_EQ(db.warnings().size(), before + 2);
  EXPECT_TRUE(db.warnings()[before].starts_with("this read orders 'posts' by (title) under a limit, and no index serves it"))
      << db.warnings()[before];
  EXPECT_TRUE(db.warnings()[before + 1].starts_with("this read loads 'users.authoredPosts' ordered by (title) under a limit"))
      << db.warnings()[before + 1];
  EXPECT_NE(db.warnings()[before + 1].find("an index on (\"authorId\", \"title\") of 'posts'"), std::string::npos);
}

TEST_F(UnindexedReads, TurnedOffStopsJudging) {
  db.warn_unindexed_reads();
  db.warn_unindexed_reads(false);
  const std::size_t before = db.warnings().size();
  db.query(blog::schema, blog::posts).find_many({.where = eq("title", "first")});
  EXPECT_EQ(db.warnings().size(), before);
}

}  // namespace
