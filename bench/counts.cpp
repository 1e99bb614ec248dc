// count() against the same COUNT(*) written by hand with SQLite's C API (a prepared
// statement, bound and stepped), side by side in one run, rounds interleaved: a count by
// an indexed key (a post's comments: 20 of 200,000 rows), a count of a filtered range
// (about half the table) and the whole table. Prints microseconds per call (medians) and
// orm / hand for each (the median of many short slices' ratios, bench::paired); the target
// is at most 1.2 (docs/performance.md).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <orm/sqlite.hpp>

#include "timing.hpp"

namespace {
using namespace orm;
using namespace orm::sqlite;

inline constexpr auto posts = table("posts", column("title", text().not_null()));
inline constexpr auto comments = table("comments", column("postId", id("posts").not_null()),
                                       column("score", integer().not_null()), index("by_post").on("postId"));
inline constexpr auto schema = define_schema(tables(posts, comments))
    .relations(many(posts, "comments", comments, {.to = "postId"}), one(comments, "post", posts, {.from = "postId"}));

constexpr int post_count = 10000, per_post = 20;


std::int64_t hand_count(sqlite3* db, const char* sql, const std::vector<std::int64_t>& values) {
  static std::vector<std::pair<std::string, sqlite3_stmt*>> prepared;
  sqlite3_stmt* s = nullptr;
  for (auto& [text, stmt] : prepared)
    if (text == sql) s = stmt;
  if (!s) {
    sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
    prepared.emplace_back(sql, s);
  }
  for (std::size_t i = 0; i < values.size(); ++i) sqlite3_bind_int64(s, static_cast<int>(i + 1), values[i]);
  sqlite3_step(s);
  const std::int64_t n = sqlite3_column_int64(s, 0);
  sqlite3_reset(s);
  return n;
}

// Steps every row of a prepared statement, summing its columns' integers (as a loader
// reading ids and counts would).
std::int64_t hand_rows(sqlite3* db, const char* sql, std::int64_t offset) {
  static sqlite3_stmt* s = nullptr;
  if (!s) sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
  sqlite3_bind_int64(s, 1, offset);
  std::int64_t sum = 0;
  while (sqlite3_step(s) == SQLITE_ROW) sum += sqlite3_column_int64(s, 0) + sqlite3_column_int64(s, 1);
  sqlite3_reset(s);
  return sum;
}

struct post_with_count {
  std::int64_t id;
  std::int64_t comments_count;
};
}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 5;
  database db(":memory:");
  db.migrate(schema);
  {
    auto tx = db.transaction();
    for (int p = 0; p < post_count; ++p) db.insert(schema, "posts", {{"title", "p"}});
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db.handle(), "INSERT INTO comments (postId, score) VALUES (?, ?)", -1, &s, nullptr);
    for (int p = 1; p <= post_count; ++p)
      for (int c = 0; c < per_post; ++c) {
        sqlite3_bind_int64(s, 1, p);
        sqlite3_bind_int64(s, 2, (p * 7 + c) % 100);
        sqlite3_step(s);
        sqlite3_reset(s);
      }
    sqlite3_finalize(s);
    tx.commit();
  }
  auto q = db.query(schema, comments);
  auto pq = db.query(schema, posts);
  struct workload {
    const char* name;
    int calls;
    std::function<void(int)> orm, hand;
  };
  std::int64_t sink = 0;
  std::vector<workload> work{
      {"by key (20 rows)", 20000, [&](int k) { sink += q.count({.where = eq("postId", 1 + k % post_count)}); },
       [&](int k) {
         sink += hand_count(db.handle(), "SELECT COUNT(*) FROM comments WHERE postId = ?", {1 + k % post_count});
       }},
      {"by range (~100,000 rows)", 40, [&](int k) { sink += q.count({.where = ge("score", 50 - k % 2)}); },
       [&](int k) { sink += hand_count(db.handle(), "SELECT COUNT(*) FROM comments WHERE score >= ?", {50 - k % 2}); }},
      {"whole table (200,000 rows)", 200, [&](int) { sink += q.count(); },
       [&](int) { sink += hand_count(db.handle(), "SELECT COUNT(*) FROM comments", {}); }},
      // Relation counts: 100 posts, each with its number of comments.
      {"relation count, 100 rows (nodes)", 400,
       [&](int k) {
         for (const node& row : pq.find_many({.columns = only("id"), .order_by = {asc("id")}, .limit = 100,
                                              .offset = (k % 90) * 100, .count = {"comments"}}))
           sink += row["id"].as_integer() + row["comments_count"].as_integer();
       },
       [&](int k) {
         sink += hand_rows(db.handle(),
                           "SELECT p.id, (SELECT COUNT(*) FROM comments AS c WHERE c.postId = p.id) FROM posts AS p "
                           "ORDER BY p.id LIMIT 100 OFFSET ?",
                           (k % 90) * 100);
       }},
      {"relation count, 100 rows (typed)", 400,
       [&](int k) {
         for (const post_with_count& row :
              pq.find_many<post_with_count>({.order_by = {asc("id")}, .limit = 100, .offset = (k % 90) * 100}))
           sink += row.id + row.comments_count;
       },
       [&](int k) {
         sink += hand_rows(db.handle(),
                           "SELECT p.id, (SELECT COUNT(*) FROM comments AS c WHERE c.postId = p.id) FROM posts AS p "
                           "ORDER BY p.id LIMIT 100 OFFSET ?",
                           (k % 90) * 100);
       }},
  };
  std::printf("| count | orm us/call | hand us/call | orm / hand |\n|---|---:|---:|---:|\n");
  for (workload& w : work) {
    // Each round's calls in 20 slices, the orm's and the hand loop's in turn.
    const bench::paired_times t = bench::paired(w.orm, w.hand, w.calls * rounds, 20 * rounds);
    std::printf("| %s | %.2f | %.2f | %.2f |\n", w.name, t.a_micros, t.b_micros, t.a_over_b);
  }
  return sink == 0;  // the counts are used, so that nothing is optimized away
}
