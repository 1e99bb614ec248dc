// Keyset pages: find_page and .after / .before, the same rows on both backends, and the
// refusals of orm-cursor-order in the planner's words.
#include <chrono>
#include <functional>

#include <gtest/gtest.h>

#include "runtime/blog_fixture.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::blog_database;
using orm::testing::texts;
using names = std::vector<std::string>;

class Paging : public blog_database {
 protected:
  void SetUp() override {
    blog_database::SetUp();
    // Titles with ties (the id breaks them), published or not, and text past ASCII.
    for (int i = 0; i < 17; ++i)
      db.insert(blog::schema, "posts",
                {{"title", i % 5 == 0 ? std::string("tie") : "p" + std::to_string(i % 7) + (i % 3 ? "é" : "")},
                 {"published", i % 2 == 0},
                 {"authorId", i % 3 == 0 ? ann : bob}});
  }
  // Every id in the order, and the same read page by page, forward then backward.
  std::vector<std::int64_t> ids(const std::vector<node>& rows) {
    std::vector<std::int64_t> out;
    for (const node& r : rows) out.push_back(r["id"].as_integer());
    return out;
  }
};

TEST_F(Paging, ForwardAndBackwardPagesAreTheWholeOrderOnce) {
  auto posts = db.query(blog::schema, blog::posts);
  const std::vector<order> by = {desc("published"), asc("title")};
  const std::vector<std::int64_t> all = ids(posts.find_many({.order_by = by}));
  ASSERT_EQ(all.size(), 20u);
  for (std::int64_t size : {1, 3, 4, 7, 20, 25}) {
    std::vector<std::int64_t> forward;
    page p = posts.find_page({.order_by = by, .limit = size});
    EXPECT_FALSE(p.previous.has_value());
    std::vector<cursor> starts;  // the cursor each page after the first was read with
    for (int guard = 0;; ++guard) {
      ASSERT_LT(guard, 30);
      const auto got = ids(p.rows);
      forward.insert(forward.end(), got.begin(), got.end());
      EXPECT_LE(static_cast<std::int64_t>(got.size()), size);
      if (!p.next) break;
      starts.push_back(*p.next);
      p = posts.find_page({.order_by = by, .limit = size, .after = *p.next});
      EXPECT_TRUE(p.previous.has_value());
    }
    EXPECT_EQ(forward, all) << "page size " << size;
    // Backward from the last page's first row: everything before it, in order.
    if (!p.previous) continue;
    std::vector<std::int64_t> backward = ids(p.rows);
    for (int guard = 0; p.previous; ++guard) {
      ASSERT_LT(guard, 30);
      p = posts.find_page({.order_by = by, .limit = size, .before = *p.previous});
      const auto got = ids(p.rows);
      backward.insert(backward.begin(), got.begin(), got.end());
    }
    EXPECT_EQ(backward, all) << "page size " << size;
  }
}

TEST_F(Paging, ACursorIsAPlaceByValueNotAnOffset) {
  auto posts = db.query(blog::schema, blog::posts);
  const std::vector<order> by = {asc("title")};
  const page first = posts.find_page({.order_by = by, .limit = 5});
  ASSERT_TRUE(first.next.has_value());
  const std::vector<std::int64_t> expected = ids(posts.find_many({.order_by = by, .limit = 5, .offset = 5}));
  // Rows inserted before the cursor's place, and the cursor's own row deleted: the next
  // page is what came after that place (an offset would repeat or skip rows).
  db.insert(blog::schema, "posts", {{"title", "a first"}, {"authorId", ann}});
  db.insert(blog::schema, "posts", {{"title", "a second"}, {"authorId", ann}});
  db.remove(blog::schema, "posts", eq("id", first.rows.back()["id"].as_integer()));
  const page second = posts.find_page({.order_by = by, .limit = 5, .after = *first.next});
  EXPECT_EQ(ids(second.rows), expected);
}

TEST_F(Paging, CursorsWithAFilterTypedRowsAndFindManyAlike) {
  auto posts = db.query(blog::schema, blog::posts);
  const std::vector<order> by = {desc("title")};
  const condition bobs = eq("authorId", bob);
  const page p = posts.find_page({.where = bobs, .order_by = by, .limit = 3});
  ASSERT_TRUE(p.next.has_value());
  const std::vector<std::int64_t> rest = ids(posts.find_many({.where = bobs, .order_by = by, .offset = 3}));
  EXPECT_EQ(ids(posts.find_many({.where = bobs, .order_by = by, .after = *p.next})), rest);
  struct post_row {
    std::int64_t id;
    std::string title;
  };
  const auto typed = posts.find_many<post_row>({.where = bobs, .order_by = by, .limit = 2, .before = *p.next});
  ASSERT_EQ(typed.size(), 2u);
  EXPECT_EQ(typed[0].id, p.rows[0]["id"].as_integer());
  EXPECT_EQ(typed[1].id, p.rows[1]["id"].as_integer());
  // A page of nothing, and a page of 0 rows.
  const page none = posts.find_page({.where = eq("title", "absent"), .order_by = by, .limit = 3});
  EXPECT_TRUE(none.rows.empty());
  EXPECT_FALSE(none.next || none.previous);
  EXPECT_TRUE(posts.find_page({.order_by = by, .limit = 0}).rows.empty());
}

TEST_F(Paging, ByATimestampWithTies) {
  // Timestamps come back as integers and go back into the cursor as such: on PostgreSQL a
  // timestamptz compared with its microseconds.
  for (int i = 0; i < 9; ++i)
    db.insert(blog::schema, "audit_logs",
              {{"at", 1'700'000'000'000'000LL + (i / 3) * 1'000'000LL}, {"action", "security_alert"}, {"severity", "low"},
               {"resolved", i % 2 == 0}});
  auto logs = db.query(blog::schema, blog::audit_logs);
  const std::vector<order> by = {desc("at")};
  const std::vector<std::int64_t> all = ids(logs.find_many({.order_by = by}));
  std::vector<std::int64_t> paged;
  page p = logs.find_page({.order_by = by, .limit = 2});
  for (int guard = 0;; ++guard) {
    ASSERT_LT(guard, 10);
    for (std::int64_t id : ids(p.rows)) paged.push_back(id);
    if (!p.next) break;
    p = logs.find_page({.order_by = by, .limit = 2, .after = *p.next});
  }
  EXPECT_EQ(paged, all);
}

// find_page<T>: the pages and cursors of find_page, with each row a T; the cursors are
// read from T's fields, so a cursor from either reads the same next page.
struct titled_post {
  std::int64_t id;
  bool published;
  std::string title;
};
struct untitled_post {  // no field for the order's 'title', nor the id
  bool published;
};
struct log_row {
  std::int64_t id;
  std::chrono::sys_time<std::chrono::microseconds> at;
};

TEST_F(Paging, TypedPagesAreTheSamePagesWithTheSameCursors) {
  auto posts = db.query(blog::schema, blog::posts);
  const std::vector<order> by = {desc("published"), asc("title")};
  page nodes = posts.find_page({.order_by = by, .limit = 3});
  basic_page<titled_post> typed = posts.find_page<titled_post>({.order_by = by, .limit = 3});
  std::size_t pages = 0;
  for (int guard = 0;; ++guard) {
    ASSERT_LT(guard, 30);
    ++pages;
    ASSERT_EQ(typed.rows.size(), nodes.rows.size());
    for (std::size_t i = 0; i < typed.rows.size(); ++i) {
      EXPECT_EQ(typed.rows[i].id, nodes.rows[i]["id"].as_integer());
      EXPECT_EQ(typed.rows[i].title, nodes.rows[i]["title"].as_text());
    }
    ASSERT_EQ(typed.next.has_value(), nodes.next.has_value());
    EXPECT_EQ(typed.previous.has_value(), nodes.previous.has_value());
    if (!typed.next) break;
    // Each read with the other's cursor: the same place by value.
    const cursor typed_next = *typed.next, node_next = *nodes.next;
    nodes = posts.find_page({.order_by = by, .limit = 3, .after = typed_next});
    typed = posts.find_page<titled_post>({.order_by = by, .limit = 3, .after = node_next});
  }
  EXPECT_EQ(pages, 7u);  // 20 rows, 3 a page
  // Backward from the last page: the page before it, as find_page reads it.
  ASSERT_TRUE(typed.previous.has_value());
  const auto before = posts.find_page<titled_post>({.order_by = by, .limit = 3, .before = *typed.previous});
  const page before_nodes = posts.find_page({.order_by = by, .limit = 3, .before = *typed.previous});
  ASSERT_EQ(before.rows.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(before.rows[i].id, before_nodes.rows[i]["id"].as_integer());
  EXPECT_TRUE(before.next.has_value() && before.previous.has_value());
}

TEST_F(Paging, TypedPagesByATimestampField) {
  for (int i = 0; i < 7; ++i)
    db.insert(blog::schema, "audit_logs",
              {{"at", 1'700'000'000'000'000LL + (i / 2) * 1'000'001LL}, {"action", "security_alert"}, {"severity", "low"},
               {"resolved", false}});
  auto logs = db.query(blog::schema, blog::audit_logs);
  const std::vector<order> by = {desc("at")};
  std::vector<std::int64_t> all = ids(logs.find_many({.order_by = by})), paged;
  auto p = logs.find_page<log_row>({.order_by = by, .limit = 2});
  for (int guard = 0;; ++guard) {
    ASSERT_LT(guard, 10);
    for (const log_row& r : p.rows) paged.push_back(r.id);
    if (!p.next) break;
    p = logs.find_page<log_row>({.order_by = by, .limit = 2, .after = *p.next});
  }
  EXPECT_EQ(paged, all);
}

TEST_F(Paging, ATypedPageNeedsAFieldForEachColumnOfItsCursor) {
  auto posts = db.query(blog::schema, blog::posts);
  try {
    posts.find_page<untitled_post>({.order_by = {asc("title")}, .limit = 3});
    ADD_FAILURE() << "no error";
  } catch (const row_mismatch_error& e) {
    EXPECT_STREQ(e.what(), "find_page makes its cursors from the order's columns, and 'untitled_post' has no field "
                           "'title' to read one from; add the field");
  }
  EXPECT_THROW(posts.find_page<titled_post>({.order_by = {asc("title")}}), schema_error);  // no .limit
}

std::string refusal(const std::function<void()>& call) {
  try {
    call();
  } catch (const schema_error& e) {
    return e.what();
  }
  return "accepted";
}

TEST_F(Paging, RefusedInThePlannersWords) {
  auto posts = db.query(blog::schema, blog::posts);
  const page p = posts.find_page({.order_by = {asc("title")}, .limit = 2});
  ASSERT_TRUE(p.next.has_value());
  EXPECT_EQ(refusal([&] { posts.find_many({.order_by = {asc("reviewerId")}, .after = *p.next}); }),
            "a cursor cannot page 'posts' ordered by 'reviewerId': the column can be NULL, and no row compares as after a "
            "NULL; order by NOT NULL columns (the id is added last), or page with offset");
  EXPECT_EQ(refusal([&] { posts.find_page({.order_by = {asc("author.name")}, .limit = 2, .after = *p.next}); }),
            "a cursor cannot page 'posts' ordered by 'author.name': the value is another table's, which can change under "
            "the cursor; order by this table's own NOT NULL columns, or page with offset");
  EXPECT_EQ(refusal([&] { posts.find_many({.order_by = {asc("title")}, .after = *p.next, .before = *p.next}); }),
            "the read of 'posts' is given both .after and .before; give one: a page runs one way from its cursor");
  EXPECT_EQ(refusal([&] { posts.find_many({.order_by = {desc("published")}, .after = *p.next}); }),
            "this cursor was made for a read of 'posts' ordered by (title, id), and this read is ordered by (published, "
            "id); page with the order the cursor came from, or start again without a cursor");
  EXPECT_EQ(refusal([&] { posts.find_page({.order_by = {asc("title")}}); }),
            "find_page on 'posts' reads one page: give .limit, the page's size (0 or more)");
  EXPECT_EQ(refusal([&] { posts.find_page({.columns = only("published"), .order_by = {asc("title")}, .limit = 2}); }),
            "find_page makes its cursors from the order's columns, and the read of 'posts' does not select 'title'; "
            "select it");
  auto users = db.query(blog::schema, blog::users);
  EXPECT_EQ(refusal([&] {
              users.find_many({.with = {{"authoredPosts", {.order_by = {asc("title")}, .limit = 2, .after = *p.next}}}});
            }),
            "a cursor pages the rows of the read, and this one is given to the load users.authoredPosts; page the top "
            "rows, or bound the load with limit and offset");
  const cursor with_null{{{"title", param()}, {"id", param(1)}}};
  EXPECT_EQ(refusal([&] { posts.find_many({.order_by = {asc("title")}, .after = with_null}); }),
            "this cursor's value for 'posts.title' is NULL, and no row is after a NULL; make cursors with find_page");
}

}  // namespace
