// Load strategies (docs/runtime.md, "Load strategies"): a relation loaded by a statement
// of its own (select_in: all parents' keys bound as one list; nested: one statement per
// key) returns the same rows, in the same order, as the join, on both backends, for
// random data and random reads; its statements read one snapshot.
#include <algorithm>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "runtime/backend.hpp"
#include "runtime/read_parity.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;
using orm::testing::text_of;
using orm::testing::with_strategy;

namespace blog {
inline constexpr auto users = table("users", column("name", text().not_null()), column("handle", text().unique()));
inline constexpr auto profiles = table("profiles", column("bio", text()), column("userId", id("users").references("users")),
                                       index("by_user").on("userId"));
inline constexpr auto posts =
    table("posts", column("title", text().not_null()), column("score", integer().not_null()),
          column("authorId", id("users").references("users")), column("authorHandle", text()),
          index("by_author").on("authorId"), index("by_handle").on("authorHandle"));
inline constexpr auto comments = table("comments", column("body", text().not_null()), column("rank", integer().not_null()),
                                       column("postId", id("posts").not_null().references("posts")),
                                       index("by_post").on("postId"));
inline constexpr auto tags = table("tags", column("label", text().not_null()));
inline constexpr auto post_tags = table("post_tags", column("postId", id("posts").not_null().references("posts")),
                                        column("tagId", id("tags").not_null().references("tags")),
                                        index("by_post").on("postId"), index("by_tag").on("tagId"));
inline constexpr auto schema =
    define_schema(tables(users, profiles, posts, comments, tags, post_tags),
                  {.defaults = {.default_limit = 0, .relation_fan_out_max_keys = 0}})
        .relations(many(users, "posts", posts, {.to = "authorId"}), one(posts, "author", users, {.from = "authorId"}),
                   one(users, "profile", profiles, {.to = "userId"}),
                   many(users, "handled", posts, {.from = "handle", .to = "authorHandle"}),
                   many(posts, "comments", comments), one(comments, "post", posts, {.from = "postId"}),
                   many(posts, "tags", tags).through(post_tags, "postId", "tagId"));
}  // namespace blog

class LoadStrategies : public ::testing::Test {
 protected:
  void SetUp() override { db.migrate(blog::schema); }

  // Users with handles or none, posts by author id and by handle (some by nobody),
  // comments with tied ranks, tags through the junction; empty relations on purpose.
  void seed(unsigned seed_value, int user_count) {
    std::mt19937 random(seed_value);
    const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    auto tx = db.transaction();
    std::vector<std::int64_t> users, posts, tags;
    for (int t = 0; t < 5; ++t) tags.push_back(db.insert(blog::schema, "tags", {{"label", "tag" + std::to_string(pick(3))}}));
    for (int u = 0; u < user_count; ++u) {
      fields row{{"name", "user" + std::to_string(pick(4))}};
      if (pick(3) != 0) row.emplace_back("handle", "h" + std::to_string(u));
      users.push_back(db.insert(blog::schema, "users", row));
      if (pick(2) == 0) db.insert(blog::schema, "profiles", {{"bio", "bio" + std::to_string(pick(3))}, {"userId", users.back()}});
      if (pick(4) == 0) db.insert(blog::schema, "profiles", {{"bio", "second"}, {"userId", users.back()}});
    }
    for (int p = 0; p < user_count * 3; ++p) {
      fields row{{"title", "post" + std::to_string(pick(5))}, {"score", pick(4)}};
      if (pick(5) != 0) row.emplace_back("authorId", users[static_cast<std::size_t>(pick(user_count))]);
      if (pick(2) == 0) row.emplace_back("authorHandle", "h" + std::to_string(pick(user_count)));
      posts.push_back(db.insert(blog::schema, "posts", row));
      for (int c = pick(4); c > 0; --c)
        db.insert(blog::schema, "comments", {{"body", "c" + std::to_string(pick(6))}, {"rank", pick(3)}, {"postId", posts.back()}});
      for (int t = pick(3); t > 0; --t)
        db.insert(blog::schema, "post_tags", {{"postId", posts.back()}, {"tagId", tags[static_cast<std::size_t>(pick(5))]}});
    }
    tx.commit();
  }

  // The read by each strategy, as text; the join's is the reference.
  void expect_same_rows(const std::string& table, const find_options& o, const std::string& what) {
    auto query = db.query(db.model_of(blog::schema), table);
    const std::string joined = text_of(query.find_many(with_strategy(o, load_strategy::join)));
    EXPECT_EQ(text_of(query.find_many(with_strategy(o, load_strategy::select_in))), joined) << "select_in, " << what;
    EXPECT_EQ(text_of(query.find_many(with_strategy(o, load_strategy::nested))), joined) << "nested, " << what;
  }

  backend::database db = backend::open();
};

TEST_F(LoadStrategies, EveryRelationKindReadsTheRowsTheJoinReads) {
  seed(7, 12);
  const find_options by_id{.order_by = {asc("id")}};
  // many() by a foreign key, ordered with ties (score), limited and offset per parent.
  expect_same_rows("users", {.order_by = {asc("id")}, .with = {{"posts", {.order_by = {desc("score")}, .limit = 2, .offset = 1}}}},
                   "many() bounded per parent");
  expect_same_rows("users", {.order_by = {asc("id")}, .with = {{"posts", {.order_by = {asc("title"), desc("score")}}}}},
                   "many() ordered");
  // one() that many parents share (belongs-to), and a NULL key that relates to no row.
  expect_same_rows("posts", {.order_by = {asc("id")}, .with = {{"author", {}}}}, "one() belongs-to");
  // one() whose target has several candidates (has-one): the first in the load's order.
  expect_same_rows("users", {.order_by = {asc("id")}, .with = {{"profile", {.order_by = {desc("bio")}}}}}, "one() has-one");
  // A text key, NULL for some parents.
  expect_same_rows("users", {.order_by = {asc("id")}, .with = {{"handled", {.order_by = {asc("id")}}}}}, "text key");
  // Through a junction, with a filter on the load.
  expect_same_rows("posts",
                   {.order_by = {asc("id")}, .with = {{"tags", {.where = {ne("label", "tag2")}, .order_by = {asc("label")}}}}},
                   "through a junction");
  // Three levels, the key columns not selected, counts and filters on each level.
  expect_same_rows("users",
                   {.columns = only("name"),
                    .where = {ne("name", "user3")},
                    .order_by = {desc("name")},
                    .limit = 9,
                    .with = {{"posts",
                              {.columns = only("title"),
                               .order_by = {asc("score")},
                               .limit = 3,
                               .with = {{"comments", {.columns = except("postId"), .order_by = {desc("rank")}, .limit = 2}},
                                        {"author", {.columns = only("name")}}},
                               .count = {"comments"}}},
                             {"profile", {}}}},
                   "three levels");
  (void)by_id;
}

TEST_F(LoadStrategies, RandomReadsOnRandomDataAgree) {
  for (unsigned trial = 0; trial < 12; ++trial) {
    db.exec("DELETE FROM post_tags");
    db.exec("DELETE FROM comments");
    db.exec("DELETE FROM profiles");
    db.exec("DELETE FROM posts");
    db.exec("DELETE FROM tags");
    db.exec("DELETE FROM users");
    seed(trial, 1 + static_cast<int>(trial * 3));
    std::mt19937 random(1000 + trial);
    const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    const auto bounds = [&](find_options o) {
      if (pick(2)) o.limit = pick(4);
      if (pick(3) == 0) o.offset = pick(3);
      return o;
    };
    const auto ordered = [&](std::vector<order> by) {
      std::shuffle(by.begin(), by.end(), random);
      by.resize(static_cast<std::size_t>(1 + pick(static_cast<int>(by.size()))));
      for (order& o : by) o.descending = pick(2) == 0;
      return by;
    };
    for (int read = 0; read < 8; ++read) {
      find_options comments = bounds({.order_by = ordered({asc("rank"), asc("body"), asc("id")})});
      if (pick(2)) comments.where = {gt("rank", pick(3))};
      find_options posts = bounds({.order_by = ordered({asc("score"), asc("title"), asc("id")}), .with = {{"comments", comments}}});
      if (pick(2)) posts.with = {{"comments", comments}, {"tags", {.order_by = {asc("label"), asc("id")}}}, {"author", {}}};
      if (pick(3) == 0) posts.where = {lt("score", 3)};
      const find_options top = bounds({.order_by = ordered({asc("name"), asc("id")}),
                                       .with = {{"posts", posts}, {"profile", {.order_by = {asc("bio")}}},
                                                {"handled", {.order_by = {asc("id")}}}}});
      expect_same_rows("users", top, "trial " + std::to_string(trial) + ", read " + std::to_string(read));
    }
  }
}

TEST_F(LoadStrategies, OneParentWithTenThousandChildrenAndManyParents) {
  auto tx = db.transaction();
  const auto user = db.insert(blog::schema, "users", {{"name", "prolific"}});
  std::vector<fields> rows;
  for (int p = 0; p < 10000; ++p) rows.push_back(fields{{"title", "p" + std::to_string(p % 97)}, {"score", p % 7}, {"authorId", user}});
  db.insert_many(blog::schema, "posts", rows);
  tx.commit();
  expect_same_rows("users", {.with = {{"posts", {.order_by = {asc("score"), desc("title")}}}}}, "10,000 children");
  expect_same_rows("users", {.with = {{"posts", {.order_by = {asc("score")}, .limit = 5, .offset = 9990}}}}, "deep offset");
  // 10,000 parents: one list bound, whatever its length (no parameter per key).
  expect_same_rows("posts", {.order_by = {asc("id")}, .with = {{"author", {}}}}, "10,000 parents");
  const compiled_read read =
      db.query(blog::schema, blog::posts).sql(with_strategy({.with = {{"author", {}}}}, load_strategy::select_in));
  ASSERT_EQ(read.loads.size(), 1u);
  // The keys' list, and the statement's bound (one() keeps one row per key).
  EXPECT_EQ(read.loads[0].read.params.size(), 2u) << read.loads[0].read.sql;
}

// A load's statements read what their rows need once: the parent's key is the row's own
// column when the row selects it, and a statement run once per key does not read back the
// key it was given (each column more is a step of SQLite's program per row).
TEST_F(LoadStrategies, AStatementReadsTheParentsKeyOnceAndNoKeyItWasGiven) {
  const auto occurrences = [](const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
  };
  auto users = db.query(blog::schema, blog::users);
  const find_options read{.with = {{"posts", {.with = {{"comments", {}}}}}}};
  const compiled_read nested = users.sql(with_strategy(read, load_strategy::nested));
  ASSERT_EQ(nested.loads.size(), 1u);
  EXPECT_EQ(occurrences(nested.sql, "\"id\""), 1u) << nested.sql;
  const compiled_read& posts = nested.loads[0].read;
  EXPECT_EQ(occurrences(posts.sql, "orm_load_key"), 0u) << posts.sql;
  EXPECT_EQ(occurrences(posts.sql, ".\"id\""), 1u) << posts.sql;
  EXPECT_EQ(occurrences(posts.loads.at(0).read.sql, "orm_load_key"), 0u) << posts.loads[0].read.sql;
  // All parents' keys at once: each row says whose it is.
  const compiled_read select_in = users.sql(with_strategy(read, load_strategy::select_in));
  EXPECT_EQ(occurrences(select_in.loads.at(0).read.sql, "orm_load_key"), 1u) << select_in.loads[0].read.sql;
  // A row that does not select its key reads it, hidden, and still returns without it.
  seed(5, 6);
  const find_options names{.columns = only("name"), .order_by = {asc("id")}, .with = {{"posts", {.columns = only("title")}}}};
  const compiled_read hidden = users.sql(with_strategy(names, load_strategy::nested));
  EXPECT_EQ(occurrences(hidden.sql, ".\"id\""), 2u) << hidden.sql;  // read, and ordered by
  expect_same_rows("users", names, "keys not selected");
  for (const node& user : users.find_many(with_strategy(names, load_strategy::nested))) EXPECT_FALSE(user.contains("id"));
}

// A load bounded in no order (a limit alone, the schema's default_limit, a one()): any
// `limit` rows of a parent are its rows, so one scan reads every parent's (no subquery or
// numbering per parent) and each keeps its first; a parent with many rows cannot take
// the rows of another (the statement's LIMIT, once reached, runs the bounded one).
struct capped_post {
  std::string title;
  std::optional<std::int64_t> authorId;
};
struct user_with_capped_posts {
  std::int64_t id;
  std::vector<capped_post> posts;
};

TEST_F(LoadStrategies, ALoadBoundedInNoOrderReadsEveryParentsRowsByOneScan) {
  auto users = db.query(blog::schema, blog::users);
  const find_options capped{.order_by = {asc("id")}, .with = {{"posts", {.limit = 3}}}};
  const compiled_read read = users.sql(with_strategy(capped, load_strategy::select_in));
  ASSERT_EQ(read.loads.size(), 1u);
  const std::string& load = read.loads[0].read.sql;
  EXPECT_EQ(load.find("LATERAL"), std::string::npos) << load;
  EXPECT_EQ(load.find("ROW_NUMBER"), std::string::npos) << load;
  const std::string author = db.query(blog::schema, blog::posts).sql(with_strategy({.with = {{"author", {}}}}, load_strategy::select_in)).loads.at(0).read.sql;
  EXPECT_EQ(author.find("LATERAL"), std::string::npos) << author;
  EXPECT_EQ(author.find("ROW_NUMBER"), std::string::npos) << author;
  // An order decides which rows a bound keeps: that load stays bounded per parent.
  const find_options ordered{.with = {{"posts", {.order_by = {asc("id")}, .limit = 3}}}};
  EXPECT_EQ(users.sql(with_strategy(ordered, load_strategy::select_in)).loads.at(0).read.per_key_cap, 0);

  // Users 1-4 with 10, 1, 4 and 0 posts, written in that order (the first parent's rows
  // come first in the scan, and could fill a LIMIT of 2 keys' worth on their own).
  const std::vector<int> counts{10, 1, 4, 0};
  std::vector<std::int64_t> ids;
  for (std::size_t u = 0; u < counts.size(); ++u) {
    ids.push_back(db.insert(blog::schema, "users", {{"name", "u" + std::to_string(u)}}));
    for (int p = 0; p < counts[u]; ++p)
      db.insert(blog::schema, "posts", {{"title", "p" + std::to_string(u) + "." + std::to_string(p)}, {"score", p}, {"authorId", ids.back()}});
  }
  // Each of `users` (indices into counts) keeps its first 3 posts, by each strategy.
  const auto expect_capped = [&](const find_options& o, const std::vector<std::size_t>& users_read, const std::string& what) {
    for (const load_strategy how : {load_strategy::join, load_strategy::select_in, load_strategy::nested}) {
      const auto rows = users.find_many(with_strategy(o, how));
      ASSERT_EQ(rows.size(), users_read.size()) << what;
      const auto typed = users.find_many<user_with_capped_posts>(with_strategy(o, how));
      ASSERT_EQ(typed.size(), users_read.size()) << what;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::size_t u = users_read[i];
        const std::size_t kept = std::min<std::size_t>(static_cast<std::size_t>(counts[u]), 3);
        const std::string label = what + ", strategy " + std::to_string(static_cast<int>(how)) + ", user " + std::to_string(u);
        ASSERT_EQ(rows[i]["posts"].size(), kept) << label << ": " << text_of(rows);
        ASSERT_EQ(typed[i].posts.size(), kept) << label;
        std::vector<std::string> titles;
        for (std::size_t p = 0; p < kept; ++p) {
          EXPECT_EQ(rows[i]["posts"][p]["authorId"].as_integer(), ids[u]) << label;
          EXPECT_EQ(typed[i].posts[p].authorId, ids[u]) << label;
          titles.push_back(rows[i]["posts"][p]["title"].as_text());
        }
        std::sort(titles.begin(), titles.end());
        EXPECT_EQ(std::unique(titles.begin(), titles.end()), titles.end()) << label << ": a row given twice";
      }
    }
  };
  // Every key's rows (15) reach the LIMIT (4 keys x 3 + 1): the bounded statement runs.
  expect_capped(capped, {0, 1, 2, 3}, "all users");
  // Users 1 and 2: 11 rows against a LIMIT of 7, the first user's first (the bounded
  // statement runs); users 2 and 3: 5 rows, the third user's capped by the reader.
  const auto of = [&](std::size_t a, std::size_t b) {
    return find_options{.where = in("id", {ids[a], ids[b]}), .order_by = {asc("id")}, .with = {{"posts", {.limit = 3}}}};
  };
  expect_capped(of(0, 1), {0, 1}, "users 1-2");
  expect_capped(of(1, 2), {1, 2}, "users 2-3");
  // A filter on the load: its parameters bind before the keys' and the bound, in both statements.
  for (const load_strategy how : {load_strategy::select_in, load_strategy::nested}) {
    for (const std::size_t last : {std::size_t{1}, std::size_t{3}}) {  // 9 rows for 2 keys (bound reached); 12 for 4
      const auto rows = users.find_many(with_strategy(
          {.where = le("id", ids[last]), .order_by = {asc("id")}, .with = {{"posts", {.where = {gt("score", 0)}, .limit = 3}}}}, how));
      ASSERT_EQ(rows.size(), last + 1);
      for (std::size_t u = 0; u <= last; ++u) {
        ASSERT_EQ(rows[u]["posts"].size(), std::min(counts[u] > 0 ? static_cast<std::size_t>(counts[u] - 1) : 0, std::size_t{3}))
            << text_of(rows);
        for (const node& post : rows[u]["posts"]) EXPECT_GT(post["score"].as_integer(), 0);
      }
    }
  }
  // The capped rows' own loads, joined to them, and through a junction.
  const auto post = db.insert(blog::schema, "posts", {{"title", "tagged"}, {"score", 1}, {"authorId", ids[3]}});
  db.insert(blog::schema, "comments", {{"body", "first"}, {"rank", 1}, {"postId", post}});
  const auto tag = db.insert(blog::schema, "tags", {{"label", "t"}});
  for (int i = 0; i < 2; ++i) db.insert(blog::schema, "post_tags", {{"postId", post}, {"tagId", tag}});
  for (const load_strategy how : {load_strategy::select_in, load_strategy::nested}) {
    const find_options deeper{
        .where = eq("id", ids[3]),
        .with = {{"posts", {.limit = 3,
                            .with = {{"comments", {.strategy = load_strategy::join}}, {"tags", {.limit = 1, .strategy = how}}},
                            .strategy = how}}},
        .allow_full_scan = true};
    const auto rows = users.find_many(deeper);
    ASSERT_EQ(rows.size(), 1u);
    ASSERT_EQ(rows[0]["posts"].size(), 1u) << text_of(rows);
    EXPECT_EQ(rows[0]["posts"][0]["comments"].size(), 1u) << text_of(rows);
    EXPECT_EQ(rows[0]["posts"][0]["tags"].size(), 1u) << text_of(rows);  // tagged twice, bound to one
  }
}

// The edges of a bound in no order: 0 (no row), 1, the largest integer (no LIMIT a key
// could reach), and a text key, NULL for a parent without a handle.
TEST_F(LoadStrategies, ALoadBoundedInNoOrderAtItsEdgeValues) {
  const auto five = db.insert(blog::schema, "users", {{"name", "five"}, {"handle", "h5"}});
  db.insert(blog::schema, "users", {{"name", "none"}});
  for (int p = 0; p < 5; ++p)
    db.insert(blog::schema, "posts", {{"title", "p" + std::to_string(p)}, {"score", p}, {"authorId", five}, {"authorHandle", "h5"}});
  auto users = db.query(blog::schema, blog::users);
  const auto sizes = [&](const std::string& relation, std::int64_t limit, load_strategy how) {
    std::vector<std::size_t> out;
    for (const node& user :
         users.find_many(with_strategy({.order_by = {asc("id")}, .with = {{relation, {.limit = limit}}}}, how)))
      out.push_back(user[relation].size());
    return out;
  };
  for (const load_strategy how : {load_strategy::join, load_strategy::select_in, load_strategy::nested}) {
    const std::string label = "strategy " + std::to_string(static_cast<int>(how));
    EXPECT_EQ(sizes("posts", 0, how), (std::vector<std::size_t>{0, 0})) << label;
    EXPECT_EQ(sizes("posts", 1, how), (std::vector<std::size_t>{1, 0})) << label;
    EXPECT_EQ(sizes("posts", INT64_MAX, how), (std::vector<std::size_t>{5, 0})) << label;
    EXPECT_EQ(sizes("handled", 2, how), (std::vector<std::size_t>{2, 0})) << label;
  }
}

TEST_F(LoadStrategies, AReadOfNoParentsRunsNoLoad) {
  int statements = 0;
  db.between_read_statements([&] { ++statements; });
  const auto rows = db.query(blog::schema, blog::users)
                        .find_many(with_strategy({.with = {{"posts", {.with = {{"comments", {}}}}}}}, load_strategy::select_in));
  EXPECT_TRUE(rows.empty());
  EXPECT_EQ(statements, 0);
  seed(3, 4);
  db.query(blog::schema, blog::users).find_many(with_strategy({.with = {{"posts", {.with = {{"comments", {}}}}}}}, load_strategy::select_in));
  EXPECT_EQ(statements, 2);  // one per level, whatever the number of parents
}

// Two connections to one database: SQLite's in write-ahead-log mode, where a writer
// commits while a reader keeps its snapshot.
backend::database connect(const std::string& name) {
#ifdef ORM_TEST_POSTGRES
  return backend::open_at(name);
#else
  return backend::database(backend::path_of(name), {.wal = true});
#endif
}

TEST(LoadStrategySnapshot, TheStatementsOfOneReadSeeOneSnapshot) {
  const std::string name = "snapshot_" + std::to_string(::getpid());
  backend::forget(name);
  {
    backend::database db = connect(name), writer = connect(name);
    db.migrate(blog::schema);
    const auto ann = db.insert(blog::schema, "users", {{"name", "ann"}});
    db.insert(blog::schema, "posts", {{"title", "first"}, {"score", 1}, {"authorId", ann}});
    // A writer on another connection adds a post between the read's two statements.
    std::string failed;
    db.between_read_statements([&] {
      std::thread([&] {
        try {
          writer.insert(blog::schema, "posts", {{"title", "late"}, {"score", 2}, {"authorId", ann}});
        } catch (const std::exception& e) {
          failed = e.what();
        }
      }).join();
    });
    const auto rows =
        db.query(blog::schema, blog::users).find_many(with_strategy({.with = {{"posts", {}}}}, load_strategy::select_in));
    db.between_read_statements({});
    EXPECT_EQ(failed, "");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0]["posts"].size(), 1u) << text_of(rows);  // the late post is not in this read's snapshot
    EXPECT_EQ(db.query(blog::schema, blog::posts).count(), 2);    // it was written
    // Without a statement of its own, the read is one statement and calls no hook.
    EXPECT_EQ(db.query(blog::schema, blog::users)
                  .find_many(with_strategy({.with = {{"posts", {}}}}, load_strategy::join))[0]["posts"]
                  .size(),
              2u);
  }
  backend::forget(name);
}

#ifndef ORM_TEST_POSTGRES
// The bounded statement runs only when the capped one's LIMIT is reached, and the capped
// one runs again at the next call (the two swap texts and prepared statements in place:
// SQLite's own trace says which text each run was).
TEST_F(LoadStrategies, ACappedLoadRunsItsBoundedStatementOnlyWhenItsLimitIsReached) {
  const auto one_post = db.insert(blog::schema, "users", {{"name", "one"}});
  const auto ten_posts = db.insert(blog::schema, "users", {{"name", "ten"}});
  db.insert(blog::schema, "posts", {{"title", "only"}, {"score", 0}, {"authorId", one_post}});
  for (int p = 0; p < 10; ++p) db.insert(blog::schema, "posts", {{"title", "p" + std::to_string(p)}, {"score", p}, {"authorId", ten_posts}});
  std::vector<std::string> ran;
  sqlite3_trace_v2(
      db.handle(), SQLITE_TRACE_STMT,
      [](unsigned, void* context, void* statement, void*) -> int {
        const std::string text = sqlite3_sql(static_cast<sqlite3_stmt*>(statement));
        if (text.find("FROM \"posts\"") != std::string::npos)
          static_cast<std::vector<std::string>*>(context)->push_back(text.find("ROW_NUMBER") != std::string::npos ? "bounded" : "capped");
        return 0;
      },
      &ran);
  auto users = db.query(blog::schema, blog::users);
  const auto read = [&](std::int64_t last) {
    const auto rows = users.find_many(with_strategy(
        {.where = le("id", last), .order_by = {asc("id")}, .with = {{"posts", {.limit = 3}}}}, load_strategy::select_in));
    return rows.back()["posts"].size();
  };
  EXPECT_EQ(read(ten_posts), 3u);  // 11 rows for 2 keys: the LIMIT of 7 reached
  EXPECT_EQ(read(one_post), 1u);   // 1 row for 1 key
  EXPECT_EQ(read(ten_posts), 3u);
  EXPECT_EQ(read(one_post), 1u);
  sqlite3_trace_v2(db.handle(), 0, nullptr, nullptr);
  EXPECT_EQ(ran, (std::vector<std::string>{"capped", "bounded", "capped", "capped", "bounded", "capped"}));
}

TEST(LoadStrategyFiles, AReadOnlyDatabaseReadsByStatementsOfTheirOwn) {
  const std::string name = "read_only_loads_" + std::to_string(::getpid());
  backend::forget(name);
  {
    backend::database writer = backend::open_at(name);
    writer.migrate(blog::schema);
    const auto ann = writer.insert(blog::schema, "users", {{"name", "ann"}});
    writer.insert(blog::schema, "posts", {{"title", "first"}, {"score", 1}, {"authorId", ann}});
  }
  backend::database db(backend::path_of(name), {.read_only = true});
  for (const load_strategy how : {load_strategy::select_in, load_strategy::nested}) {
    const auto rows = db.query(blog::schema, blog::users).find_many(with_strategy({.with = {{"posts", {}}}}, how));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0]["posts"].size(), 1u);
  }
  backend::forget(name);
}
#endif

TEST_F(LoadStrategies, AStrategyThatIsNoneOfTheFourIsRefused) {
  const find_options odd{.with = {{"posts", {}}}, .allow_full_scan = true, .strategy = static_cast<load_strategy>(9)};
  try {
    db.query(blog::schema, blog::users).find_many(odd);
    FAIL() << "an unknown strategy was read";
  } catch (const schema_error& e) {
    EXPECT_NE(std::string(e.what()).find("load strategy 9"), std::string::npos) << e.what();
  }
}

// Typed rows load their relation fields the same way: each strategy, the same structs.
struct comment_row {
  std::string body;
  std::int64_t rank;
};
struct post_row {
  std::string title;
  std::vector<comment_row> comments;
};
struct author_row {
  std::string name;
};
struct post_with_author {
  std::int64_t id;
  std::optional<author_row> author;
};
struct user_row {
  std::int64_t id;
  std::vector<post_row> posts;
  std::optional<std::string> handle;
};

std::string text_of(const std::vector<user_row>& users) {
  std::string out;
  for (const user_row& u : users) {
    out += std::to_string(u.id) + (u.handle ? *u.handle : "-") + "[";
    for (const post_row& p : u.posts) {
      out += p.title + "(";
      for (const comment_row& c : p.comments) out += c.body + std::to_string(c.rank) + ",";
      out += ")";
    }
    out += "]\n";
  }
  return out;
}

TEST_F(LoadStrategies, TypedRowsReadTheSameStructsByEachStrategy) {
  seed(11, 15);
  const find_options o{.order_by = {asc("id")},
                       .with = {{"posts", {.order_by = {desc("score"), asc("id")}, .limit = 2,
                                           .with = {{"comments", {.order_by = {asc("rank"), asc("id")}}}}}}}};
  auto users = db.query(blog::schema, blog::users);
  const std::string joined = text_of(users.find_many<user_row>(with_strategy(o, load_strategy::join)));
  EXPECT_NE(joined.find("("), std::string::npos) << joined;  // some posts were read
  for (const load_strategy how : {load_strategy::select_in, load_strategy::nested})
    EXPECT_EQ(text_of(users.find_many<user_row>(with_strategy(o, how))), joined) << static_cast<int>(how);
  // A one() field: the author of each post, shared by several posts, or none.
  auto posts = db.query(blog::schema, blog::posts);
  const auto by_join = posts.find_many<post_with_author>(with_strategy({.order_by = {asc("id")}}, load_strategy::join));
  const auto by_list = posts.find_many<post_with_author>(with_strategy({.order_by = {asc("id")}}, load_strategy::select_in));
  ASSERT_EQ(by_join.size(), by_list.size());
  for (std::size_t i = 0; i < by_join.size(); ++i) {
    EXPECT_EQ(by_join[i].id, by_list[i].id);
    EXPECT_EQ(by_join[i].author.has_value(), by_list[i].author.has_value()) << i;
    if (by_join[i].author && by_list[i].author) {
      EXPECT_EQ(by_join[i].author->name, by_list[i].author->name);
    }
  }
}

struct post_requiring_author {
  std::int64_t id;
  author_row author;  // not optional: a post by nobody cannot be read into it
};

TEST_F(LoadStrategies, ARequiredOneFieldIsRefusedTheSameWayByEachStrategy) {
  db.insert(blog::schema, "posts", {{"title", "orphan"}, {"score", 1}});
  for (const load_strategy how : {load_strategy::join, load_strategy::select_in, load_strategy::nested}) {
    try {
      db.query(blog::schema, blog::posts).find_many<post_requiring_author>(with_strategy({}, how));
      ADD_FAILURE() << "a post without an author was read, strategy " << static_cast<int>(how);
    } catch (const row_mismatch_error& e) {
      EXPECT_NE(std::string(e.what()).find("one() relation 'posts.author' may find no row"), std::string::npos) << e.what();
    }
  }
}

namespace edges {
// A relation keyed by two columns (loads by join whatever is asked), and a self-reference.
inline constexpr auto regions = table("regions", column("country", text().not_null()), column("code", text().not_null()));
inline constexpr auto stores = table("stores", column("country", text()), column("code", text()), column("name", text()),
                                     index("by_country_code").on("country", "code"));
inline constexpr auto people = table("people", column("name", text().not_null()),
                                     column("bossId", id("people").references("people")), index("by_boss").on("bossId"));
inline constexpr auto schema =
    define_schema(tables(regions, stores, people), {.defaults = {.default_limit = 0, .relation_fan_out_max_keys = 0}})
        .relations(many(regions, "stores", stores, {.from = cols("country", "code"), .to = cols("country", "code")}),
                   many(people, "reports", people, {.to = "bossId"}), one(people, "boss", people, {.from = "bossId"}));
}  // namespace edges

class LoadStrategyEdges : public LoadStrategies {
 protected:
  void SetUp() override { db.migrate(edges::schema); }
  std::string read(const std::string& table, const find_options& o, load_strategy how) {
    return text_of(db.query(db.model_of(edges::schema), table).find_many(with_strategy(o, how)));
  }
  void expect_same(const std::string& table, const find_options& o, const std::string& what) {
    const std::string joined = read(table, o, load_strategy::join);
    EXPECT_EQ(read(table, o, load_strategy::select_in), joined) << what;
    EXPECT_EQ(read(table, o, load_strategy::nested), joined) << what;
  }
};

TEST_F(LoadStrategyEdges, CompositeKeysLoadByJoinWhateverIsAsked) {
  db.insert(edges::schema, "regions", {{"country", "fr"}, {"code", "75"}});
  db.insert(edges::schema, "stores", {{"country", "fr"}, {"code", "75"}, {"name", "paris"}});
  db.insert(edges::schema, "stores", {{"country", "fr"}, {"code", "13"}, {"name", "marseille"}});
  const find_options o{.with = {{"stores", {.order_by = {asc("name")}}}}};
  expect_same("regions", o, "two key columns");
  EXPECT_TRUE(db.query(db.model_of(edges::schema), std::string("regions")).sql(with_strategy(o, load_strategy::select_in)).loads.empty());
  EXPECT_NE(read("regions", o, load_strategy::nested).find("paris"), std::string::npos);
}

TEST_F(LoadStrategyEdges, ASelfReferenceThreeDeepAndAnEmptyTarget) {
  const auto top = db.insert(edges::schema, "people", {{"name", "ceo"}});
  const auto mid = db.insert(edges::schema, "people", {{"name", "vp"}, {"bossId", top}});
  db.insert(edges::schema, "people", {{"name", "dev"}, {"bossId", mid}});
  db.insert(edges::schema, "people", {{"name", "ops"}, {"bossId", mid}});
  expect_same("people",
              {.order_by = {asc("id")},
               .with = {{"reports", {.order_by = {desc("name")}, .with = {{"reports", {.with = {{"boss", {}}}}}}}}, {"boss", {}}}},
              "self-reference, three deep");
  // A load whose table has no row at all: every parent gets an empty list.
  db.insert(edges::schema, "regions", {{"country", "de"}, {"code", "10"}});
  const std::string none = read("regions", {.with = {{"stores", {}}}}, load_strategy::select_in);
  EXPECT_NE(none.find("stores:[]"), std::string::npos) << none;
  expect_same("people", {.where = eq("name", "dev"), .with = {{"reports", {}}}}, "no child rows");
}

TEST_F(LoadStrategies, AHundredThousandParents) {
  auto tx = db.transaction();
  const auto ann = db.insert(blog::schema, "users", {{"name", "ann"}});
  std::vector<fields> rows;
  for (int p = 0; p < 100000; ++p) rows.push_back(fields{{"title", "p"}, {"score", p % 3}, {"authorId", ann}});
  db.insert_many(blog::schema, "posts", rows);
  tx.commit();
  // 100,000 parents whose one() shares one row: one list bound (one distinct key), each
  // parent given the row.
  for (const load_strategy how : {load_strategy::select_in, load_strategy::nested}) {
    const auto posts = db.query(blog::schema, blog::posts).find_many(with_strategy({.with = {{"author", {}}}}, how));
    ASSERT_EQ(posts.size(), 100000u);
    EXPECT_EQ(posts.front()["author"]["name"].as_text(), "ann");
    EXPECT_EQ(posts.back()["author"]["name"].as_text(), "ann");
  }
}

TEST_F(LoadStrategies, InsideTheCallersTransactionTheLoadsSeeItsWrites) {
  auto tx = db.transaction();
  const auto ann = db.insert(blog::schema, "users", {{"name", "ann"}});
  db.insert(blog::schema, "posts", {{"title", "draft"}, {"score", 1}, {"authorId", ann}});
  {
    auto inner = db.transaction();  // a savepoint
    const auto rows =
        db.query(blog::schema, blog::users).find_many(with_strategy({.with = {{"posts", {}}}}, load_strategy::select_in));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0]["posts"].size(), 1u);
    inner.commit();
  }
  tx.rollback();
  EXPECT_EQ(db.query(blog::schema, blog::users).count(), 0);
}

}  // namespace
