// The three-level read (users -> posts -> comments) of bench/relational_reads.cpp on
// PostgreSQL over its Unix socket, at 1, 100 and 5,000 parents: the ORM's one statement
// with each load strategy against N+1 and a batched IN loader written by hand with libpq prepared statements.
// Every variant builds the same node trees. bench/postgres_reads.py starts a server,
// runs this with ORM_BENCH_POSTGRES set, and prints the ratios.
#include <benchmark/benchmark.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <orm/postgres.hpp>

namespace {
using namespace orm;
using namespace orm::postgres;

inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto posts = table("posts", column("title", text().not_null()), column("authorId", id("users").not_null()),
                                    index("by_author").on("authorId"));
inline constexpr auto comments = table("comments", column("body", text().not_null()), column("postId", id("posts").not_null()),
                                       index("by_post").on("postId"));
inline constexpr auto schema =
    define_schema(tables(users, posts, comments), {.defaults = {.default_limit = 100, .relation_fan_out_max_keys = 10000}})
        .relations(many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}),
                   many(posts, "comments", comments), one(comments, "post", posts, {.from = "postId"}));

constexpr int most_parents = 5000;

std::string conninfo() {
  const char* given = std::getenv("ORM_BENCH_POSTGRES");
  if (!given) throw std::runtime_error("ORM_BENCH_POSTGRES is not set: run bench/postgres_reads.py, which starts a server");
  return given;
}

database& shared_db() {
  static database d(conninfo());
  static const bool seeded = [] {
    d.exec("DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench; SET search_path TO bench");
    d.migrate(schema);
    // 5 posts a user, 3 comments a post, in id order.
    d.exec("INSERT INTO users (name) SELECT 'user ' || u FROM generate_series(1, " + std::to_string(most_parents) + ") u;"
           "INSERT INTO posts (title, \"authorId\") SELECT 'post ' || p, u FROM generate_series(1, " +
           std::to_string(most_parents) + ") u, generate_series(0, 4) p ORDER BY u, p;"
           "INSERT INTO comments (body, \"postId\") SELECT 'comment ' || c, p FROM generate_series(1, " +
           std::to_string(most_parents * 5) + ") p, generate_series(0, 2) c ORDER BY p, c; ANALYZE");
    return true;
  }();
  (void)seeded;
  return d;
}

// A connection of its own for the hand-written variants, in the same schema.
PGconn* raw() {
  static PGconn* c = [] {
    shared_db();
    PGconn* conn = PQconnectdb(conninfo().c_str());
    if (PQstatus(conn) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(conn));
    PQclear(PQexec(conn, "SET search_path TO bench"));
    const auto prepare = [&](const char* name, const char* sql) {
      PGresult* r = PQprepare(conn, name, sql, 0, nullptr);
      if (PQresultStatus(r) != PGRES_COMMAND_OK) throw std::runtime_error(PQerrorMessage(conn));
      PQclear(r);
    };
    prepare("top", "SELECT id, name FROM users ORDER BY id LIMIT $1");
    prepare("posts_of", "SELECT id, title FROM posts WHERE \"authorId\" = $1");
    prepare("comments_of", "SELECT id, body FROM comments WHERE \"postId\" = $1");
    prepare("posts_in", "SELECT id, title, \"authorId\" FROM posts WHERE \"authorId\" = ANY($1::int8[]) ORDER BY id");
    prepare("newest_posts_in",
            "SELECT p.id, p.title, k.id FROM unnest($1::int8[]) AS k(id) CROSS JOIN LATERAL (SELECT id, title FROM posts "
            "WHERE \"authorId\" = k.id ORDER BY id DESC LIMIT 2) AS p");
    prepare("comments_in", "SELECT id, body, \"postId\" FROM comments WHERE \"postId\" = ANY($1::int8[]) ORDER BY id");
    return conn;
  }();
  return c;
}

// A prepared statement's rows for one text parameter.
PGresult* exec(const char* name, const std::string& value) {
  const char* values[] = {value.c_str()};
  PGresult* r = PQexecPrepared(raw(), name, 1, values, nullptr, nullptr, 0);
  if (PQresultStatus(r) != PGRES_TUPLES_OK) throw std::runtime_error(PQerrorMessage(raw()));
  return r;
}
std::int64_t integer(PGresult* r, int row, int column) { return std::strtoll(PQgetvalue(r, row, column), nullptr, 10); }

// Rows of one kind share their key list, as the ORM's rows do.
node row(std::int64_t id, const char* key, std::string text) {
  static const auto users = std::make_shared<node::key_list>(node::key_list{"id", "name", "posts"});
  static const auto posts = std::make_shared<node::key_list>(node::key_list{"id", "title", "comments"});
  static const auto comments = std::make_shared<node::key_list>(node::key_list{"id", "body"});
  node n = node::object_with_keys(key[0] == 'n' ? users : key[0] == 't' ? posts : comments);
  n.add("id", node::of_integer(id));
  n.add(key, node::of_text(std::move(text)));
  return n;
}

// The ORM's read with each load strategy (docs/runtime.md, "Load strategies"); `automatic`
// is what a user gets without asking.
// The columns the hand-written loaders read (a user who selects nothing more): the trees
// compared are the same, node for node.
void orm_read(benchmark::State& state, load_strategy how) {
  auto query = shared_db().query(schema, users);
  const find_options options{
      .columns = only("id", "name"), .order_by = {asc("id")}, .limit = state.range(0),
      .with = {{"posts", {.columns = only("id", "title"), .with = {{"comments", {.columns = only("id", "body")}}}}}},
      .strategy = how};
  for (auto _ : state) benchmark::DoNotOptimize(query.find_many(options));
}
void orm_automatic(benchmark::State& state) { orm_read(state, load_strategy::automatic); }
void orm_join(benchmark::State& state) { orm_read(state, load_strategy::join); }
void orm_select_in(benchmark::State& state) { orm_read(state, load_strategy::select_in); }
void orm_nested(benchmark::State& state) { orm_read(state, load_strategy::nested); }

// Each user's newest 2 posts (a limit per parent, where a batched IN must over-read or
// number the rows), 100 users.
void orm_newest_posts(benchmark::State& state, load_strategy how) {
  auto query = shared_db().query(schema, users);
  const find_options options{.columns = only("id", "name"), .order_by = {asc("id")}, .limit = 100,
                             .with = {{"posts", {.columns = only("id", "title"), .order_by = {desc("id")}, .limit = 2}}},
                             .strategy = how};
  for (auto _ : state) benchmark::DoNotOptimize(query.find_many(options));
}
void newest_automatic(benchmark::State& state) { orm_newest_posts(state, load_strategy::automatic); }
void newest_join(benchmark::State& state) { orm_newest_posts(state, load_strategy::join); }
void newest_select_in(benchmark::State& state) { orm_newest_posts(state, load_strategy::select_in); }
std::string array_of(const std::vector<std::int64_t>& ids);
void newest_hand_batched(benchmark::State& state) {
  raw();
  for (auto _ : state) {
    std::vector<node> out;
    std::vector<std::int64_t> ids;
    PGresult* top = exec("top", "100");
    for (int u = 0; u < PQntuples(top); ++u) {
      ids.push_back(integer(top, u, 0));
      out.push_back(row(ids.back(), "name", PQgetvalue(top, u, 1)));
    }
    PQclear(top);
    std::map<std::int64_t, std::vector<node>> posts_of;
    PGresult* ps = exec("newest_posts_in", array_of(ids));
    for (int p = 0; p < PQntuples(ps); ++p) posts_of[integer(ps, p, 2)].push_back(row(integer(ps, p, 0), "title", PQgetvalue(ps, p, 1)));
    PQclear(ps);
    for (node& user : out) {
      node list = node::make(node::kind::array);
      for (node& post : posts_of[user["id"].as_integer()]) list.push_back(std::move(post));
      user.add("posts", std::move(list));
    }
    benchmark::DoNotOptimize(out);
  }
}

void naive_n_plus_one(benchmark::State& state) {
  raw();
  for (auto _ : state) {
    std::vector<node> out;
    PGresult* top = exec("top", std::to_string(state.range(0)));
    for (int u = 0; u < PQntuples(top); ++u) {
      node user = row(integer(top, u, 0), "name", PQgetvalue(top, u, 1));
      node list = node::make(node::kind::array);
      PGresult* ps = exec("posts_of", PQgetvalue(top, u, 0));
      for (int p = 0; p < PQntuples(ps); ++p) {
        node post = row(integer(ps, p, 0), "title", PQgetvalue(ps, p, 1));
        node cs = node::make(node::kind::array);
        PGresult* c = exec("comments_of", PQgetvalue(ps, p, 0));
        for (int i = 0; i < PQntuples(c); ++i) cs.push_back(row(integer(c, i, 0), "body", PQgetvalue(c, i, 1)));
        PQclear(c);
        post.add("comments", std::move(cs));
        list.push_back(std::move(post));
      }
      PQclear(ps);
      user.add("posts", std::move(list));
      out.push_back(std::move(user));
    }
    PQclear(top);
    benchmark::DoNotOptimize(out);
  }
}

std::string array_of(const std::vector<std::int64_t>& ids) {
  std::string out = "{";
  for (auto id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
  return out + "}";
}

void batched_in_loader(benchmark::State& state) {
  raw();
  for (auto _ : state) {
    std::vector<node> out;
    std::vector<std::int64_t> user_ids, post_ids;
    PGresult* top = exec("top", std::to_string(state.range(0)));
    for (int u = 0; u < PQntuples(top); ++u) {
      user_ids.push_back(integer(top, u, 0));
      out.push_back(row(user_ids.back(), "name", PQgetvalue(top, u, 1)));
    }
    PQclear(top);
    std::map<std::int64_t, std::vector<node>> posts_by_user, comments_by_post;
    PGresult* p = exec("posts_in", array_of(user_ids));
    for (int i = 0; i < PQntuples(p); ++i) {
      post_ids.push_back(integer(p, i, 0));
      posts_by_user[integer(p, i, 2)].push_back(row(post_ids.back(), "title", PQgetvalue(p, i, 1)));
    }
    PQclear(p);
    PGresult* c = exec("comments_in", array_of(post_ids));
    for (int i = 0; i < PQntuples(c); ++i) comments_by_post[integer(c, i, 2)].push_back(row(integer(c, i, 0), "body", PQgetvalue(c, i, 1)));
    PQclear(c);
    for (node& user : out) {
      node list = node::make(node::kind::array);
      for (node& post : posts_by_user[user["id"].as_integer()]) {
        node cs = node::make(node::kind::array);
        for (node& comment : comments_by_post[post["id"].as_integer()]) cs.push_back(std::move(comment));
        post.add("comments", std::move(cs));
        list.push_back(std::move(post));
      }
      user.add("posts", std::move(list));
    }
    benchmark::DoNotOptimize(out);
  }
}

void parents(benchmark::internal::Benchmark* b) { b->Arg(1)->Arg(100)->Arg(most_parents)->Unit(benchmark::kMicrosecond); }
BENCHMARK(orm_automatic)->Apply(parents);
BENCHMARK(orm_join)->Apply(parents);
BENCHMARK(orm_select_in)->Apply(parents);
BENCHMARK(orm_nested)->Apply(parents);
BENCHMARK(newest_automatic)->Unit(benchmark::kMicrosecond);
BENCHMARK(newest_join)->Unit(benchmark::kMicrosecond);
BENCHMARK(newest_select_in)->Unit(benchmark::kMicrosecond);
BENCHMARK(newest_hand_batched)->Unit(benchmark::kMicrosecond);
BENCHMARK(naive_n_plus_one)->Apply(parents);
BENCHMARK(batched_in_loader)->Apply(parents);

}  // namespace

BENCHMARK_MAIN();
