// A three-level read (users -> posts -> comments) at 1, 100 and 5,000 parents: the ORM's
// one statement against naive N+1 queries, a batched IN loader, and the same
// json_group_array SQL written by hand. Every variant builds the same node trees, so
// the comparison includes decoding. bench/relational_reads.py prints the ratios.
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include <orm/sqlite.hpp>

namespace {
using namespace orm;
using namespace orm::sqlite;

inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto posts = table("posts", column("title", text().not_null()), column("authorId", id("users").not_null()),
                                    index("by_author").on("authorId"));
inline constexpr auto comments = table("comments", column("body", text().not_null()), column("postId", id("posts").not_null()),
                                       index("by_post").on("postId"));
inline constexpr auto schema =
    define_schema(tables(users, posts, comments), {.defaults = {.default_limit = 100, .relation_fan_out_max_keys = 10000}})
        .relations(many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}),
                   many(posts, "comments", comments), one(comments, "post", posts, {.from = "postId"}));

constexpr int posts_per_user = 5, comments_per_post = 3, most_parents = 5000;

database& shared_db() {
  static database d(":memory:");
  static const bool seeded = [] {
    d.migrate(schema);
    d.exec("BEGIN");
    for (int u = 1; u <= most_parents; ++u) {
      d.insert(schema, "users", {{"name", "user " + std::to_string(u)}});
      for (int p = 0; p < posts_per_user; ++p) {
        const auto post = d.insert(schema, "posts", {{"title", "post " + std::to_string(p)}, {"authorId", u}});
        for (int c = 0; c < comments_per_post; ++c) d.insert(schema, "comments", {{"body", "comment " + std::to_string(c)}, {"postId", post}});
      }
    }
    d.exec("COMMIT");
    return true;
  }();
  (void)seeded;
  return d;
}

// Rows of one kind share their key list, as the ORM's rows do: the hand-written variants
// pay no allocation the ORM does not.
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
void newest_nested(benchmark::State& state) { orm_newest_posts(state, load_strategy::nested); }
void newest_hand_n_plus_one(benchmark::State& state) {
  database& db = shared_db();
  for (auto _ : state) {
    std::vector<node> out;
    statement top(db.handle(), "SELECT id, name FROM users ORDER BY id LIMIT 100");
    statement posts_of(db.handle(), "SELECT id, title FROM posts WHERE authorId = ? ORDER BY id DESC LIMIT 2");
    while (top.step()) {
      node user = row(top.integer(0), "name", top.text(1));
      node list = node::make(node::kind::array);
      posts_of.reset();
      posts_of.bind({param(static_cast<long long>(top.integer(0)))});
      while (posts_of.step()) list.push_back(row(posts_of.integer(0), "title", posts_of.text(1)));
      user.add("posts", std::move(list));
      out.push_back(std::move(user));
    }
    benchmark::DoNotOptimize(out);
  }
}

void naive_n_plus_one(benchmark::State& state) {
  database& db = shared_db();
  for (auto _ : state) {
    // Naive in its round trips, not in its code: the statements are prepared once and reused.
    std::vector<node> out;
    statement top(db.handle(), "SELECT id, name FROM users ORDER BY id LIMIT ?");
    statement posts_of(db.handle(), "SELECT id, title FROM posts WHERE authorId = ?");
    statement comments_of(db.handle(), "SELECT id, body FROM comments WHERE postId = ?");
    top.bind({param(static_cast<long long>(state.range(0)))});
    while (top.step()) {
      node user = row(top.integer(0), "name", top.text(1));
      node list = node::make(node::kind::array);
      posts_of.reset();
      posts_of.bind({param(static_cast<long long>(top.integer(0)))});
      while (posts_of.step()) {
        node post = row(posts_of.integer(0), "title", posts_of.text(1));
        node cs = node::make(node::kind::array);
        comments_of.reset();
        comments_of.bind({param(static_cast<long long>(posts_of.integer(0)))});
        while (comments_of.step()) cs.push_back(row(comments_of.integer(0), "body", comments_of.text(1)));
        post.add("comments", std::move(cs));
        list.push_back(std::move(post));
      }
      user.add("posts", std::move(list));
      out.push_back(std::move(user));
    }
    benchmark::DoNotOptimize(out);
  }
}

std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

void batched_in_loader(benchmark::State& state) {
  database& db = shared_db();
  for (auto _ : state) {
    std::vector<node> out;
    std::vector<std::int64_t> user_ids;
    statement top(db.handle(), "SELECT id, name FROM users ORDER BY id LIMIT ?");
    top.bind({param(static_cast<long long>(state.range(0)))});
    while (top.step()) {
      user_ids.push_back(top.integer(0));
      out.push_back(row(top.integer(0), "name", top.text(1)));
    }
    std::map<std::int64_t, std::vector<node>> posts_by_user, comments_by_post;
    std::vector<std::pair<std::int64_t, std::int64_t>> post_owner;  // (post, user)
    statement p(db.handle(), "SELECT id, title, authorId FROM posts WHERE authorId IN (" + id_list(user_ids) + ") ORDER BY id");
    std::vector<std::int64_t> post_ids;
    while (p.step()) {
      post_ids.push_back(p.integer(0));
      post_owner.emplace_back(p.integer(0), p.integer(2));
      posts_by_user[p.integer(2)].push_back(row(p.integer(0), "title", p.text(1)));
    }
    statement c(db.handle(), "SELECT id, body, postId FROM comments WHERE postId IN (" + id_list(post_ids) + ") ORDER BY id");
    while (c.step()) comments_by_post[c.integer(2)].push_back(row(c.integer(0), "body", c.text(1)));
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

void hand_written_json(benchmark::State& state) {
  database& db = shared_db();
  const std::string sql =
      "SELECT json_object('id', u.id, 'name', u.name, 'posts', (SELECT json_group_array(json(o)) FROM (SELECT "
      "json_object('id', p.id, 'title', p.title, 'comments', (SELECT json_group_array(json_object('id', c.id, 'body', "
      "c.body)) FROM comments c WHERE c.postId = p.id)) AS o FROM posts p WHERE p.authorId = u.id))) FROM users u ORDER "
      "BY u.id LIMIT ?";
  const shape any;
  for (auto _ : state) {
    std::vector<node> out;
    statement s(db.handle(), sql);
    s.bind({param(static_cast<long long>(state.range(0)))});
    while (s.step()) out.push_back(db.decoder().decode(s.text(0), any));
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
BENCHMARK(newest_nested)->Unit(benchmark::kMicrosecond);
BENCHMARK(newest_hand_n_plus_one)->Unit(benchmark::kMicrosecond);
BENCHMARK(naive_n_plus_one)->Apply(parents);
BENCHMARK(batched_in_loader)->Apply(parents);
BENCHMARK(hand_written_json)->Apply(parents);

}  // namespace

BENCHMARK_MAIN();
