// What the read cache (runtime/read_cache.hpp) saves per call: the same reads through a
// constexpr schema's model (kept per shape: no SQL rendered after the first call) and
// through a copy of that model the caller owns (which can change under its address, so
// it is rendered on every call), side by side in one run, rounds interleaved and their
// order swapped each round; and the same read by hand with SQLite's C API (a prepared
// statement bound and stepped). SQLite in memory. Prints microseconds per call (medians)
// and the ratios.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <orm/sqlite.hpp>

#include "timing.hpp"

namespace {
using namespace orm;
using namespace orm::sqlite;

inline constexpr auto users = table("users", column("name", text().not_null()), column("age", integer()));
inline constexpr auto posts = table("posts", column("title", text().not_null()), column("score", integer().not_null()),
                                    column("authorId", id("users").not_null().references("users")),
                                    index("by_author").on("authorId"));
inline constexpr auto comments =
    table("comments", column("body", text().not_null()), column("postId", id("posts").not_null().references("posts")),
          index("by_post").on("postId"));
inline constexpr auto schema =
    define_schema(tables(users, posts, comments), {.defaults = {.default_limit = 100}})
        .relations(many(users, "posts", posts, {.to = "authorId"}), one(posts, "author", users, {.from = "authorId"}),
                   many(posts, "comments", comments), one(comments, "post", posts, {.from = "postId"}));

constexpr int user_count = 2000;

using bench::median;
using bench::micros_per_call;

struct user_row {
  std::int64_t id;
  std::string name;
  std::optional<std::int64_t> age;
};
}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 5;
  database db(":memory:");
  db.migrate(schema);
  {
    auto tx = db.transaction();
    for (int u = 0; u < user_count; ++u) {
      const auto user = db.insert(schema, "users", {{"name", "user" + std::to_string(u)}, {"age", u % 90}});
      for (int p = 0; p < 3; ++p) {
        const auto post = db.insert(schema, "posts", {{"title", "t"}, {"score", p}, {"authorId", user}});
        for (int c = 0; c < 2; ++c) db.insert(schema, "comments", {{"body", "c"}, {"postId", post}});
      }
    }
    tx.commit();
  }
  const model::schema& kept = db.model_of(schema);
  const model::schema owned = kept;  // the caller's: rendered every call
  auto cached_users = db.query(kept, std::string("users"));
  auto rendered_users = db.query(owned, std::string("users"));
  auto cached_posts = db.query(kept, std::string("posts"));
  auto rendered_posts = db.query(owned, std::string("posts"));

  sqlite3_stmt* by_id = nullptr;
  sqlite3_prepare_v2(db.handle(), "SELECT id, name, age FROM users WHERE id = ?", -1, &by_id, nullptr);
  sqlite3_stmt* counted = nullptr;
  sqlite3_prepare_v2(db.handle(), "SELECT COUNT(*) FROM posts WHERE authorId = ?", -1, &counted, nullptr);

  std::int64_t sink = 0;
  const auto id_of = [](int k) { return 1 + (k * 7919) % user_count; };
  struct workload {
    const char* name;
    int calls;
    std::function<void(int)> cached, rendered, hand;
  };
  const auto three_levels = [&](basic_table_query<database>& q, int k) {
    for (const node& u : q.find_many({.where = ge("id", id_of(k)),
                                      .order_by = {asc("id")},
                                      .limit = 10,
                                      .with = {{"posts", {.order_by = {desc("score")}, .with = {{"comments", {}}}}}},
                                      .strategy = load_strategy::select_in}))
      sink += static_cast<std::int64_t>(u["posts"].size());
  };
  std::vector<workload> work{
      {"find_many by id (nodes)", 20000,
       [&](int k) { sink += static_cast<std::int64_t>(cached_users.find_many({.where = eq("id", id_of(k))}).size()); },
       [&](int k) { sink += static_cast<std::int64_t>(rendered_users.find_many({.where = eq("id", id_of(k))}).size()); },
       [&](int k) {
         sqlite3_bind_int64(by_id, 1, id_of(k));
         while (sqlite3_step(by_id) == SQLITE_ROW) sink += sqlite3_column_int64(by_id, 0);
         sqlite3_reset(by_id);
       }},
      {"find_many<T> by id (typed)", 20000,
       [&](int k) { sink += static_cast<std::int64_t>(cached_users.find_many<user_row>({.where = eq("id", id_of(k))}).size()); },
       [&](int k) {
         sink += static_cast<std::int64_t>(rendered_users.find_many<user_row>({.where = eq("id", id_of(k))}).size());
       },
       [&](int k) {
         sqlite3_bind_int64(by_id, 1, id_of(k));
         while (sqlite3_step(by_id) == SQLITE_ROW) {
           user_row r{sqlite3_column_int64(by_id, 0), reinterpret_cast<const char*>(sqlite3_column_text(by_id, 1)),
                      sqlite3_column_int64(by_id, 2)};
           sink += r.id;
         }
         sqlite3_reset(by_id);
       }},
      {"count by key", 20000, [&](int k) { sink += cached_posts.count({.where = eq("authorId", id_of(k))}); },
       [&](int k) { sink += rendered_posts.count({.where = eq("authorId", id_of(k))}); },
       [&](int k) {
         sqlite3_bind_int64(counted, 1, id_of(k));
         sqlite3_step(counted);
         sink += sqlite3_column_int64(counted, 0);
         sqlite3_reset(counted);
       }},
      {"10 users, posts, comments (select_in)", 2000, [&](int k) { three_levels(cached_users, k); },
       [&](int k) { three_levels(rendered_users, k); }, nullptr},
  };
  std::printf("| read | cached us/call | rendered us/call | hand us/call | cached / rendered | cached / hand |\n");
  std::printf("|---|---:|---:|---:|---:|---:|\n");
  for (const workload& w : work) {
    std::vector<double> cached, rendered, hand;
    for (int r = 0; r < rounds; ++r) {
      if (r % 2) {
        rendered.push_back(micros_per_call(w.rendered, w.calls));
        cached.push_back(micros_per_call(w.cached, w.calls));
      } else {
        cached.push_back(micros_per_call(w.cached, w.calls));
        rendered.push_back(micros_per_call(w.rendered, w.calls));
      }
      if (w.hand) hand.push_back(micros_per_call(w.hand, w.calls));
    }
    const double c = median(cached), rr = median(rendered);
    if (w.hand) {
      const double h = median(hand);
      std::printf("| %s | %.2f | %.2f | %.2f | %.2f | %.2f |\n", w.name, c, rr, h, c / rr, c / h);
    } else {
      std::printf("| %s | %.2f | %.2f | - | %.2f | - |\n", w.name, c, rr, c / rr);
    }
  }
  std::printf("(read cache: %zu hits, %zu renders)\n", db.reads().counted().hits, db.reads().counted().renders);
  sqlite3_finalize(by_id);
  sqlite3_finalize(counted);
  return sink == 42 ? 1 : 0;
}
