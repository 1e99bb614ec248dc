// Parity at call sites: each call below is run by the runtime and read by ormlint. Where
// the runtime refuses a call, ormlint reports it at that call with the same words (the
// CHECK lines are shared by all runs); where the runtime accepts one, ormlint is silent.
// The runtime runs twice: on SQLite, and on PostgreSQL (the tests' server, whose
// connection string ctest passes in ORM_TEST_POSTGRES).
// Index use: on SQLite the runtime judges each read's plan as it runs
// (warn_unindexed_reads) by orm-unindexed-query's rule; ormlint judges each call site over
// the schema's empty tables. The INDEX lines are shared: every read of this corpus that
// the runtime's plan says no index serves, and only those, is reported by ormlint, in
// the same words (each adds its own way out: the runtime the columns, ormlint the fix).
// RUN: %clangxx -I%S/../checks/Inputs %s -o %t %orm_sqlite_libs
// RUN: %t | FileCheck %s -check-prefixes=CHECK,RUNTIME,SQLITE,INDEX -implicit-check-not='warning:'
// RUN: %clangxx -DPARITY_POSTGRES %orm_postgres_flags -I%S/../checks/Inputs %s -o %t.pg %orm_postgres_libs
// RUN: %t.pg "%orm_test_postgres" | FileCheck %s -check-prefixes=CHECK,RUNTIME
// RUN: %exit1 %ormlint %s -- %cxxflags -I%S/../checks/Inputs | FileCheck %s -check-prefixes=CHECK,LINT,INDEX -implicit-check-not='{{warning|error}}:'
#include <chrono>
#include <cstdio>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "query_schema.hpp"
#include "write_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

#ifdef PARITY_POSTGRES
#include <orm/postgres.hpp>
using parity_database = orm::postgres::database;
#else
using parity_database = orm::sqlite::database;
#endif

namespace {
const char* conninfo = "";
// A database of its own: in memory, or a fresh schema on the server.
parity_database open_db() {
#ifdef PARITY_POSTGRES
  static int opened = 0;
  parity_database db(conninfo);
  const std::string schema = "parity_" + std::to_string(opened++);
  db.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema + "; SET search_path TO " + schema);
  return db;
#else
  return parity_database(":memory:");
#endif
}

#ifndef PARITY_POSTGRES
// The databases whose reads are judged as they run, and how many of each one's warnings
// are printed already.
std::vector<std::pair<parity_database*, std::size_t>> watched;
void watch(parity_database& db) {
  db.warn_unindexed_reads();
  watched.emplace_back(&db, db.warnings().size());
}
#endif

// The warnings the call left (SQLite: its read's plan judged).
void print_warnings(const char* label) {
#ifndef PARITY_POSTGRES
  for (auto& [db, printed] : watched)
    for (; printed < db->warnings().size(); ++printed) std::printf("%s: warning: %s\n", label, db->warnings()[printed].c_str());
#else
  (void)label;
#endif
}

// Runs one call and prints how the runtime answered: the error's type and message.
void attempt(const char* label, const std::function<void()>& call) {
  try {
    call();
    std::printf("%s: accepted\n", label);
    print_warnings(label);
  } catch (const unknown_relation_error& e) {
    std::printf("%s: unknown_relation_error: %s\n", label, e.what());
  } catch (const depth_error& e) {
    std::printf("%s: depth_error: %s\n", label, e.what());
  } catch (const full_scan_error& e) {
    std::printf("%s: full_scan_error: %s\n", label, e.what());
  } catch (const discriminator_write_error& e) {
    std::printf("%s: discriminator_write_error: %s\n", label, e.what());
  } catch (const row_mismatch_error& e) {
    std::printf("%s: row_mismatch_error: %s\n", label, e.what());
  } catch (const schema_error& e) {
    std::printf("%s: schema_error: %s\n", label, e.what());
  }
}
}  // namespace

// Typed rows: ormlint reports at the struct's field, the runtime refuses the call that
// reads into it; the structs come in the order main() reads into them.
struct misspelt_user {
  std::optional<std::string> nam;
};
struct nullable_title {
  std::string title;
};
struct fitting_post {
  std::optional<std::string> title;
  std::optional<std::int64_t> authorId;
};
struct narrow_id {
  std::optional<int> authorId;
};
struct comments_as_one {
  std::optional<std::string> title;
  std::optional<narrow_id> comments;
};
struct author_always {
  std::optional<std::string> name;
};
struct post_author_always {
  author_always author;
};
struct only_title {
  std::optional<std::string> title;
};
struct deep_author {
  std::optional<std::string> name;
};
struct deep_post {
  std::optional<deep_author> author;
};
struct deep_comment {
  std::optional<deep_post> post;
};
struct deep_users_post {
  std::vector<deep_comment> comments;
};
struct deep_user {
  std::vector<deep_users_post> posts;
};
// A struct written: each field is the column of its name, checked as any written value.
struct stock_as_text {
  std::string name;
  std::string stock;
};
struct fitting_item {
  std::string name;
  std::optional<std::int64_t> stock;
};
struct stock_counted_as_text {  // a batch's rows
  std::string name;
  std::string stock;
};

// Relation counts in typed rows.
struct counted_as_real {
  std::optional<std::string> name;
  double posts_count;
};
struct misspelt_count {
  std::optional<std::string> name;
  std::int64_t post_count;
};
struct uncounted_user {
  std::optional<std::string> name;
};
struct counted_posts {
  std::optional<std::string> name;
  std::int64_t posts_count;
};

// Aggregates into typed rows: the result is read as a table of its own.
struct stock_sum_as_text {
  std::string stock_sum;
};
struct price_avg_always {
  double price_avg;
};
// Rows a write returns (db.returning<T>()): the table's columns only.
struct returned_with_posts {
  std::optional<std::string> name;
  std::vector<uncounted_user> posts;
};
struct returned_misspelt {
  std::optional<std::string> emial;
};
// find_page<T>: the cursors are read from T's fields.
struct paged_user {
  std::optional<std::string> email;
};
struct items_by_activity {
  std::optional<bool> active;
  std::int64_t count;
  std::int64_t stock_sum;
  std::optional<double> price_avg;
  std::optional<std::int64_t> addedAt_min;
};

int main(int argc, char** argv) {
  if (argc > 1) conninfo = argv[1];
#ifdef PARITY_POSTGRES
  if (!*conninfo) {  // never skipped: without the tests' server, this run fails
    std::fprintf(stderr, "no PostgreSQL connection string: run lit through ctest, whose fixture starts the server and "
                         "sets ORM_TEST_POSTGRES\n");
    return 1;
  }
#endif
  auto db = open_db();
  db.migrate(app::schema);
  db.insert(app::schema, "users", {{"name", "Ann"}, {"email", "ann@example.com"}});
#ifndef PARITY_POSTGRES
  watch(db);
#endif

  attempt("row field", [&] { db.query(app::schema, app::users).find_many<misspelt_user>(); });
// RUNTIME: row field: row_mismatch_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: field 'nam' of 'misspelt_user' names no column, relation or variant alias of table 'users'; did you mean 'name'?
// LINT-SAME: [orm-row-mismatch]
  attempt("row nullable", [&] { db.query(app::schema, app::posts).find_many<nullable_title>(); });
// RUNTIME: row nullable: row_mismatch_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: field 'title' of 'nullable_title' is std::string, and column 'posts.title' can be NULL; make it std::optional<std::string>
// LINT-SAME: [orm-row-mismatch]
  attempt("row ok", [&] { db.query(app::schema, app::posts).find_many<fitting_post>({.limit = 5}); });
// RUNTIME: row ok: accepted
  attempt("row narrow", [&] { db.query(app::schema, app::posts).find_many<narrow_id>(); });
// RUNTIME: row narrow: row_mismatch_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: field 'authorId' of 'narrow_id' is std::optional<std::int32_t>, which cannot hold every value of id column 'posts.authorId'; make it std::optional<std::int64_t>
// LINT-SAME: [orm-row-mismatch]
  attempt("row many as one", [&] { db.query(app::schema, app::posts).find_many<comments_as_one>(); });
// RUNTIME: row many as one: row_mismatch_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: field 'comments' of 'comments_as_one' is std::optional<narrow_id>, and many() relation 'posts.comments' loads any number of rows; make it std::vector<narrow_id>
// LINT-SAME: [orm-row-mismatch]
  attempt("row missing one", [&] { db.query(app::schema, app::posts).find_many<post_author_always>(); });
// RUNTIME: row missing one: row_mismatch_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: field 'author' of 'post_author_always' is author_always, and one() relation 'posts.author' may find no row; make it std::optional<author_always>
// LINT-SAME: [orm-row-mismatch]
  attempt("row depth", [&] { db.query(app::schema, app::users).find_many<deep_user>(); });
// RUNTIME: row depth: row_mismatch_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: field 'author' of 'deep_post' loads relation 'posts.author' 4 deep, deeper than max_depth 3; raise max_depth or read it in another query
// LINT-SAME: [orm-row-mismatch]
  auto shop_first = open_db();
  shop_first.migrate(shop::schema);
  attempt("struct write", [&] { shop_first.insert(shop::schema, "items", stock_as_text{"pen", "12"}); });
// RUNTIME: struct write: schema_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: 'items.stock' holds integers, and this value is text
// LINT-SAME: [orm-value-type]
  attempt("struct write ok", [&] { shop_first.insert(shop::schema, "items", fitting_item{"pen", std::nullopt}); });
// RUNTIME: struct write ok: accepted
  attempt("struct batch", [&] {
    const std::vector<stock_counted_as_text> batch = {{"pen", "12"}, {"cup", "3"}};
    shop_first.insert_many(shop::schema, "items", batch);
  });
// RUNTIME: struct batch: schema_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: 'items.stock' holds integers, and this value is text
// LINT-SAME: [orm-value-type]
  attempt("count field", [&] { db.query(app::schema, app::users).find_many<counted_as_real>({.limit = 5}); });
// RUNTIME: count field: row_mismatch_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: field 'posts_count' of 'counted_as_real' is double, and it reads the count of relation 'users.posts'; make it std::int64_t
// LINT-SAME: [orm-row-mismatch]
  attempt("count misspelt", [&] { db.query(app::schema, app::users).find_many<misspelt_count>({.limit = 5}); });
// RUNTIME: count misspelt: row_mismatch_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: field 'post_count' of 'misspelt_count' names no column, relation or variant alias of table 'users'; did you mean 'posts_count'?
// LINT-SAME: [orm-row-mismatch]
  attempt("aggregate field", [&] { shop_first.query(shop::schema, shop::items).aggregate<stock_sum_as_text>({.sum = "stock"}); });
// RUNTIME: aggregate field: row_mismatch_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: field 'stock_sum' of 'stock_sum_as_text' is std::string, which cannot hold integer column 'aggregate(items).stock_sum'; make it std::int64_t
// LINT-SAME: [orm-row-mismatch]
  attempt("aggregate nullable", [&] { shop_first.query(shop::schema, shop::items).aggregate<price_avg_always>({.avg = "price"}); });
// RUNTIME: aggregate nullable: row_mismatch_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: field 'price_avg' of 'price_avg_always' is double, and column 'aggregate(items).price_avg' can be NULL; make it std::optional<double>
// LINT-SAME: [orm-row-mismatch]
  attempt("returning relation", [&] {
    db.returning<returned_with_posts>().insert(app::schema, "users", {{"name", "Bo"}, {"email", "bo@example.com"}});
  });
// RUNTIME: returning relation: row_mismatch_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: field 'posts' of 'returned_with_posts' is no column of 'users', and a write returns the columns of the rows it wrote; read what they relate to with a find after the write
// LINT-SAME: [orm-row-mismatch]
  attempt("returning field", [&] {
    db.returning<returned_misspelt>().update(app::schema, "users", {{"name", "Ann"}}, eq("email", "ann@example.com"));
  });
// RUNTIME: returning field: row_mismatch_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: field 'emial' of 'returned_misspelt' names no column, relation or variant alias of table 'users'; did you mean 'email'?
// LINT-SAME: [orm-row-mismatch]
  attempt("page field", [&] { db.query(app::schema, app::users).find_page<paged_user>({.order_by = {asc("email")}, .limit = 5}); });
// RUNTIME: page field: row_mismatch_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: find_page makes its cursors from the order's columns, and 'paged_user' has no field 'id' to read one from; add the field
// LINT-SAME: [orm-row-mismatch]
  attempt("batch", [&] {
    shop_first.insert_many(shop::schema, "items", {{{"name", "pen"}, {"stock", 1}}, {{"name", "cup"}, {"stok", 2}}});
  });
// RUNTIME: batch: schema_error:
// LINT: query-sites.cpp:[[@LINE-3]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'items' has no column 'stok'; did you mean 'stock'?
// LINT-SAME: [orm-unknown-column]
  attempt("batch ok", [&] {
    shop_first.insert_many(shop::schema, "items", std::vector<fitting_item>{{"pen", std::nullopt}, {"cup", 2}});
    shop_first.insert_many(shop::schema, "items", {{{"name", "pen"}, {"stock", 1}}, {{"name", "cup"}}});
    std::vector<fields> built;  // rows built in a loop: not seen at the call, and not guessed at
    for (int i = 0; i < 3; ++i) built.push_back({{"name", "box"}, {"stock", i}});
    shop_first.insert_many(shop::schema, "items", built);
  });
// RUNTIME: batch ok: accepted
  attempt("atomic update", [&] { shop_first.update(shop::schema, "items", {{"name", orm::add(1)}}, eq("id", 1)); });
// RUNTIME: atomic update: schema_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: 'items.name' holds text, and this value is orm::add of an integer
// LINT-SAME: [orm-value-type]
  attempt("atomic insert", [&] { shop_first.insert(shop::schema, "items", {{"name", "cup"}, {"stock", orm::sub(1)}}); });
// RUNTIME: atomic insert: schema_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: 'items.stock' is inserted with orm::add of an integer, which adds to the row's current value and so is for updates only; insert the value itself
// LINT-SAME: [orm-value-type]
  attempt("atomic ok", [&] {
    shop_first.update(shop::schema, "items", {{"stock", orm::add(1)}, {"addedAt", orm::now<std::chrono::seconds>()}}, eq("id", 1));
  });
// RUNTIME: atomic ok: accepted
  attempt("row unrequested", [&] { db.query(app::schema, app::posts).find_many<only_title>({.with = {{"author", {}}}}); });
// RUNTIME: row unrequested: row_mismatch_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: `with` loads 'author', and 'only_title' has no field 'author' to hold it; add the field or drop the load
// LINT-SAME: [orm-row-mismatch]

  attempt("relation", [&] { db.query(app::schema, app::users).find_many({.with = {{"post", {}}}}); });
// RUNTIME: relation: unknown_relation_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'users' has no relation 'post'; its relations are: posts; did you mean 'posts'?
// LINT-SAME: [orm-unknown-relation]
  attempt("relation ok", [&] { db.query(app::schema, app::users).find_many({.with = {{"posts", {}}}}); });
// RUNTIME: relation ok: accepted

  attempt("nested relation", [&] {
    db.query(app::schema, app::users).find_first({.with = {{"posts", {.with = {{"comment", {}}}}}}});
  });
// RUNTIME: nested relation: unknown_relation_error:
// LINT: query-sites.cpp:[[@LINE-3]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'posts' has no relation 'comment'; its relations are: author, comments; did you mean 'comments'?
// LINT-SAME: [orm-unknown-relation]

  attempt("columns", [&] { db.query(app::schema, app::posts).find_many({.columns = only("titel")}); });
// RUNTIME: columns: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'posts' has no column 'titel' to select; did you mean 'title'?
// LINT-SAME: [orm-unknown-column]
  attempt("order", [&] { db.query(app::schema, app::users).find_many({.order_by = {asc("createdAt")}}); });
// RUNTIME: order: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'users' has no column 'createdAt' to order by
// LINT-SAME: [orm-unknown-column]
  attempt("where", [&] { db.query(app::schema, app::users).find_unique({.where = eq("emial", "ann@example.com")}); });
// RUNTIME: where: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'users' has no column 'emial' to filter on; did you mean 'email'?
// LINT-SAME: [orm-unknown-column]
  attempt("columns ok", [&] {
    db.query(app::schema, app::posts).find_many({.columns = only("title"), .where = eq("title", "x"),
                                                 .order_by = {desc("createdAt")}});
  });
// RUNTIME: columns ok: accepted
// SQLITE: columns ok: warning:
// LINT: query-sites.cpp:[[@LINE-5]]:{{[0-9]+}}: warning:
// INDEX-SAME: this read filters 'posts' by (title), and no index serves it: SQLite reads every row of 'posts' (SCAN) on every call;
// SQLITE-SAME: an index on ("title") of 'posts' would serve it
// LINT-SAME: add index("by_title").on("title") to 'posts' [orm-unindexed-query]

  attempt("insert", [&] { db.insert(app::schema, "users", {{"nmae", "Bob"}}); });
// RUNTIME: insert: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'users' has no column 'nmae'; did you mean 'name'?
// LINT-SAME: [orm-unknown-column]
  attempt("insert table", [&] { db.insert(app::schema, "user", {{"name", "Bob"}}); });
// RUNTIME: insert table: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: the schema has no table 'user'; did you mean 'users'?
// LINT-SAME: [orm-unknown-column]
  attempt("update", [&] { db.update(app::schema, "users", {{"name", "Bob"}}, eq("nam", "Ann")); });
// RUNTIME: update: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'users' has no column 'nam' to filter on; did you mean 'name'?
// LINT-SAME: [orm-unknown-column]
  attempt("insert ok", [&] { db.insert(app::schema, "users", {{"name", "Bob"}}); });
// RUNTIME: insert ok: accepted

  attempt("upsert key", [&] { db.upsert(app::schema, "users", {{"name", "Bob"}, {"email", "b@x"}}, {.on = {"name"}}); });
// RUNTIME: upsert key: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: an upsert of 'users' on (name) needs exactly a unique key to conflict on, and (name) is not one; name one of (id), (email), or add a unique index on (name)
// LINT-SAME: [orm-conflict-target]
  attempt("upsert row", [&] { db.upsert(app::schema, "users", {{"name", "Bob"}}, {.on = {"email"}}); });
// RUNTIME: upsert row: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: an upsert of 'users' on (email) inserts no 'email', so the row could never conflict on it; set it in the row
// LINT-SAME: [orm-conflict-target]
  attempt("upsert update", [&] {
    db.upsert(app::schema, "users", {{"name", "Bob"}, {"email", "b@x"}}, {.on = {"email"}, .update = fields{{"nmae", "Bo"}}});
  });
// RUNTIME: upsert update: schema_error:
// LINT: query-sites.cpp:[[@LINE-3]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'users' has no column 'nmae'; did you mean 'name'?
// LINT-SAME: [orm-unknown-column]
  attempt("upsert ok", [&] {
    db.upsert(app::schema, "users", {{"name", "Bob"}, {"email", "b@x"}}, {.on = {"email"}});
    db.upsert(app::schema, "users", {{"name", "Bo"}, {"email", "b@x"}}, {.on = {"email"}});
  });
// RUNTIME: upsert ok: accepted

  attempt("order relation", [&] { db.query(app::schema, app::posts).find_many({.order_by = {asc("autor.name")}}); });
// RUNTIME: order relation: unknown_relation_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'posts' has no relation 'autor' to order by 'autor.name'; did you mean 'author.name'?
// LINT-SAME: [orm-unknown-relation]
  attempt("order related column", [&] { db.query(app::schema, app::posts).find_many({.order_by = {desc("author.nam")}}); });
// RUNTIME: order related column: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'users' has no column 'nam' to order 'posts' by (through 'posts.author'); did you mean 'author.name'?
// LINT-SAME: [orm-unknown-column]
  attempt("order many", [&] { db.query(app::schema, app::posts).find_many({.order_by = {asc("comments.body")}}); });
// RUNTIME: order many: unknown_relation_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: 'posts.comments' is a many() relation: a row of 'posts' has no one 'body' through it to order by; order by a column of a one() relation
// LINT-SAME: [orm-unknown-relation]
  attempt("order relation ok", [&] {
    db.query(app::schema, app::posts).find_many({.order_by = {asc("author.name")}, .limit = 5});
    db.query(app::schema, app::users).find_many({.with = {{"posts", {.order_by = {desc("author.email")}, .limit = 2}}}});
  });
// RUNTIME: order relation ok: accepted

  attempt("depth", [&] {
    db.query(app::schema, app::users).find_many(
        {.with = {{"posts", {.with = {{"author", {.with = {{"posts", {.with = {{"comments", {}}}}}}}}}}}}});
  });
// RUNTIME: depth: depth_error:
// LINT: query-sites.cpp:[[@LINE-3]]:{{[0-9]+}}: error:
// CHECK-SAME: the query nests `with` 4 deep at users.posts.author.posts.comments, deeper than max_depth 3
// LINT-SAME: [orm-query-depth]
  attempt("depth ok", [&] {
    db.query(app::schema, app::users).find_many(
        {.with = {{"posts", {.with = {{"author", {.with = {{"posts", {.with = {{"comments", {}}}}}}}}}}}}, .max_depth = 4});
  });
// RUNTIME: depth ok: accepted

  attempt("limit", [&] { db.query(app::schema, app::users).find_many({.limit = -1}); });
// RUNTIME: limit: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: limit -1 at users is negative; limits count rows, so give 0 or more
// LINT-SAME: [orm-negative-bound]
  attempt("offset", [&] { db.query(app::schema, app::users).find_many({.with = {{"posts", {.offset = -2}}}}); });
// RUNTIME: offset: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: offset -2 at users.posts is negative
// LINT-SAME: [orm-negative-bound]
  attempt("bounds ok", [&] { db.query(app::schema, app::users).find_many({.limit = 0, .offset = 3}); });
// RUNTIME: bounds ok: accepted

  attempt("unique", [&] { db.query(app::schema, app::users).find_unique({.where = eq("name", "Ann")}); });
// RUNTIME: unique: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: find_unique on 'users' must pin a unique key with eq(...), and its where pins 'name'; filter on the id, a .unique() column or every column of a unique index, or use find_first
// LINT-SAME: [orm-unpinned-unique]
  attempt("unique related", [&] { db.query(app::schema, app::users).find_unique({.where = some("posts", eq("id", 1))}); });
// RUNTIME: unique related: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: find_unique on 'users' must pin a unique key with eq(...), and its where pins none; filter on the id, a .unique() column or every column of a unique index, or use find_first
// LINT-SAME: [orm-unpinned-unique]
  attempt("unique ok", [&] {
    db.query(app::schema, app::users).find_unique({.where = eq("email", "ann@example.com")});
    db.query(app::schema, app::users).find_unique({.where = eq("email", "ann@example.com") && none("posts")});
  });
// RUNTIME: unique ok: accepted

  attempt("remove", [&] { db.remove(app::schema, "comments", {}); });
// RUNTIME: remove: full_scan_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: a remove of 'comments' with an empty where would change every row; filter it, or pass {.allow_full_scan = true}
// LINT-SAME: [orm-full-scan-write]
  attempt("update all", [&] { db.update(app::schema, "posts", {{"title", "x"}}, condition()); });
// RUNTIME: update all: full_scan_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: an update of 'posts' with an empty where would change every row
// LINT-SAME: [orm-full-scan-write]
  attempt("remove ok", [&] { db.remove(app::schema, "comments", {}, {.allow_full_scan = true}); });
// RUNTIME: remove ok: accepted
  attempt("update ok", [&] { db.update(app::schema, "users", {{"name", "Bo"}}, eq("name", "Bob")); });
// RUNTIME: update ok: accepted

  auto shop_db = open_db();
  shop_db.migrate(shop::schema);
  attempt("type", [&] { shop_db.insert(shop::schema, "items", {{"name", "pen"}, {"stock", "12"}}); });
// RUNTIME: type: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: 'items.stock' holds integers, and this value is text
// LINT-SAME: [orm-value-type]
  attempt("type ok", [&] { shop_db.insert(shop::schema, "items", {{"name", "pen"}, {"stock", 12}, {"price", 2}}); });
// RUNTIME: type ok: accepted

  attempt("variant", [&] { shop_db.insert(shop::schema, "events", {{"at", 1}, {"kind", "refund"}}); });
// RUNTIME: variant: discriminator_write_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: variant 'refund' of 'events' requires 'amount'
// LINT-SAME: [orm-discriminator-write]
  attempt("other variant", [&] {
    shop_db.insert(shop::schema, "events", {{"at", 1}, {"kind", "login"}, {"ip", "10.0.0.1"}, {"amount", 5.0}});
  });
// RUNTIME: other variant: discriminator_write_error:
// LINT: query-sites.cpp:[[@LINE-3]]:{{[0-9]+}}: error:
// CHECK-SAME: 'amount' is not a field of variant 'login' of 'events'; leave it out
// LINT-SAME: [orm-discriminator-write]
  attempt("variant ok", [&] { shop_db.insert(shop::schema, "events", {{"at", 1}, {"kind", "refund"}, {"amount", 5.0}}); });
// RUNTIME: variant ok: accepted

  // Relation filters: the relation is the table's, its filter names the related table's columns.
  attempt("filter relation", [&] {
    db.query(app::schema, app::posts).find_many({.where = some("coments", eq("body", "x")), .limit = 5});
  });
// RUNTIME: filter relation: unknown_relation_error:
// LINT: query-sites.cpp:[[@LINE-3]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'posts' has no relation 'coments'; its relations are: author, comments; did you mean 'comments'?
// LINT-SAME: [orm-unknown-relation]
  attempt("filter related column", [&] { db.query(app::schema, app::users).count({.where = some("posts", eq("titl", "x"))}); });
// RUNTIME: filter related column: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'posts' has no column 'titl' to filter on; did you mean 'title'?
// LINT-SAME: [orm-unknown-column]
  attempt("filter depth", [&] {
    db.query(app::schema, app::users).exists({.where = some("posts", some("comments", some("post", none("author"))))});
  });
// RUNTIME: filter depth: depth_error:
// LINT: query-sites.cpp:[[@LINE-3]]:{{[0-9]+}}: error:
// CHECK-SAME: the filter nests relation filters (some/none/every) 4 deep at users.posts.comments.post.author, deeper than max_depth 3; raise max_depth or filter in two steps
// LINT-SAME: [orm-query-depth]
  attempt("filter write", [&] { db.update(app::schema, "posts", {{"title", "x"}}, some("author", eq("nam", "Ann"))); });
// RUNTIME: filter write: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'users' has no column 'nam' to filter on; did you mean 'name'?
// LINT-SAME: [orm-unknown-column]
  attempt("filter ok", [&] {
    // 'body' and 'email' are the related tables' columns: nothing to report of posts'.
    db.query(app::schema, app::posts).find_many({.where = none("comments", eq("body", "x")) && eq("authorId", 1), .limit = 5});
    db.query(app::schema, app::users).find_many(
        {.where = eq("id", 1), .with = {{"posts", {.where = every("comments", like("body", "a%")), .limit = 3}}}});
    db.remove(app::schema, "comments", some("post", some("author", eq("email", "nobody@example.com"))));
    db.query(app::schema, app::users).find_many({.where = some("posts", some("comments", some("post", none("author")))),
                                                 .max_depth = 4});
  });
// RUNTIME: filter ok: accepted
  attempt("filter unseen relation", [&] {
    // A relation named at run time: its filter's columns are not taken for this table's,
    // and not checked (the runtime refuses the misspelt column).
    const std::string relation = "posts";
    db.query(app::schema, app::users).find_many({.where = some(relation, eq("titl", "x"))});
  });
// RUNTIME: filter unseen relation: schema_error: table 'posts' has no column 'titl' to filter on; did you mean 'title'?

  // Relation counts: the relation as a load names it; a typed row holds it in "<relation>_count".
  attempt("count relation", [&] { db.query(app::schema, app::users).find_many({.limit = 5, .count = {"post"}}); });
// RUNTIME: count relation: unknown_relation_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'users' has no relation 'post'; its relations are: posts; did you mean 'posts'?
// LINT-SAME: [orm-unknown-relation]
  attempt("count unheld", [&] { db.query(app::schema, app::users).find_many<uncounted_user>({.limit = 5, .count = {"posts"}}); });
// RUNTIME: count unheld: row_mismatch_error:
// LINT: query-sites.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK-SAME: `.count` counts 'posts', and 'uncounted_user' has no field 'posts_count' to hold it; add the field or drop the count
// LINT-SAME: [orm-row-mismatch]
  attempt("count ok", [&] {
    db.query(app::schema, app::users).find_many<counted_posts>({.limit = 5});
    db.query(app::schema, app::posts).find_many({.limit = 5, .with = {{"author", {.count = {"posts"}}}}, .count = {"comments"}});
  });
// RUNTIME: count ok: accepted

  // Keyset cursors: the order they seek by.
  const cursor at_created{{{"createdAt", 1}, {"id", 1}}};
  attempt("cursor nullable", [&] {
    db.query(app::schema, app::posts).find_page({.order_by = {desc("createdAt")}, .limit = 10, .after = at_created});
  });
// RUNTIME: cursor nullable: schema_error:
// LINT: query-sites.cpp:[[@LINE-3]]:{{[0-9]+}}: error:
// CHECK-SAME: a cursor cannot page 'posts' ordered by 'createdAt': the column can be NULL, and no row compares as after a NULL; order by NOT NULL columns (the id is added last), or page with offset
// LINT-SAME: [orm-cursor-order]
  attempt("cursor ok", [&] {
    const page first = db.query(app::schema, app::users).find_page({.order_by = {desc("id")}, .limit = 1});
    if (first.next) db.query(app::schema, app::users).find_page({.order_by = {desc("id")}, .limit = 1, .after = *first.next});
    // An optional cursor may be empty: not judged at the call, and empty here.
    db.query(app::schema, app::users).find_many({.order_by = {asc("name")}, .after = std::optional<cursor>()});
  });
// RUNTIME: cursor ok: accepted

  // Reads that filter and order, as users write them: each agrees with the plan.
  attempt("index order", [&] {
    db.query(app::schema, app::posts).find_many({.where = eq("authorId", 1), .order_by = {desc("createdAt")}, .limit = 5});
  });
// RUNTIME: index order: accepted
// SQLITE: index order: warning:
// LINT: query-sites.cpp:[[@LINE-4]]:{{[0-9]+}}: warning:
// INDEX-SAME: this read orders 'posts' by (createdAt) under a limit, and no index serves it: SQLite sorts every matching row (USE TEMP B-TREE FOR ORDER BY) to return the first few on every call;
// SQLITE-SAME: an index on ("authorId", "createdAt") of 'posts' would serve it
// LINT-SAME: add index("by_authorId_createdAt").on("authorId", "createdAt") to 'posts'
  attempt("index served", [&] { db.query(app::schema, app::posts).find_many({.where = eq("authorId", 1), .limit = 5}); });
// RUNTIME: index served: accepted
  attempt("index loop", [&] {
    for (const char* name : {"Ann", "Bob"}) db.query(app::schema, app::users).find_first({.where = eq("name", name)});
  });
// RUNTIME: index loop: accepted
// SQLITE: index loop: warning:
// LINT: query-sites.cpp:[[@LINE-4]]:{{[0-9]+}}: warning:
// INDEX-SAME: this read filters 'users' by (name), and no index serves it: SQLite reads every row of 'users' (SCAN) on every call;
// SQLITE-SAME: an index on ("name") of 'users' would serve it
// LINT-SAME: add index("by_name").on("name") to 'users'
  attempt("index either", [&] {
    db.query(app::schema, app::users).find_many({.where = eq("name", "Ann") || eq("email", "ann@example.com")});
  });
// RUNTIME: index either: accepted
// SQLITE: index either: warning:
// LINT: query-sites.cpp:[[@LINE-4]]:{{[0-9]+}}: warning:
// INDEX-SAME: this read filters 'users' by (name, email), and no index serves it: SQLite reads every row of 'users' (SCAN) on every call; no one index serves it as written
  attempt("index load", [&] {
    db.query(app::schema, app::users).find_many({.where = eq("id", 1), .with = {{"posts", {.order_by = {asc("title")}, .limit = 3}}}});
  });
// RUNTIME: index load: accepted
// SQLITE: index load: warning:
// LINT: query-sites.cpp:[[@LINE-4]]:{{[0-9]+}}: warning:
// INDEX-SAME: this read loads 'users.posts' ordered by (title) under a limit, and no index serves it: SQLite sorts all of each parent's 'posts' (USE TEMP B-TREE FOR ORDER BY) to return the first few on every call;
// SQLITE-SAME: an index on ("authorId", "title") of 'posts' would serve it
// LINT-SAME: add index("by_authorId_title").on("authorId", "title") to 'posts'
  attempt("index load served", [&] {
    db.query(app::schema, app::users).find_many({.where = eq("id", 1), .with = {{"posts", {.where = eq("title", "x")}}}});
  });
// RUNTIME: index load served: accepted
  attempt("index typed", [&] { db.query(app::schema, app::posts).find_first<fitting_post>({.where = eq("title", "x")}); });
// RUNTIME: index typed: accepted
// SQLITE: index typed: warning:
// LINT: query-sites.cpp:[[@LINE-3]]:{{[0-9]+}}: warning:
// INDEX-SAME: this read filters 'posts' by (title), and no index serves it: SQLite reads every row of 'posts' (SCAN) on every call;

  // count and exists: their filter and bounds planned as a read's.
  attempt("count", [&] { db.query(app::schema, app::posts).count({.where = eq("titel", "x")}); });
// RUNTIME: count: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'posts' has no column 'titel' to filter on; did you mean 'title'?
// LINT-SAME: [orm-unknown-column]
  attempt("exists bound", [&] { db.query(app::schema, app::users).exists({.where = eq("name", "Ann"), .limit = -1}); });
// RUNTIME: exists bound: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: limit -1 at users is negative
// LINT-SAME: [orm-negative-bound]
  attempt("count ok", [&] { db.query(app::schema, app::posts).count({.where = eq("authorId", 1), .limit = 100}); });
// RUNTIME: count ok: accepted
  attempt("exists scan", [&] { db.query(app::schema, app::comments).exists({.where = eq("body", "x")}); });
// RUNTIME: exists scan: accepted
// SQLITE: exists scan: warning:
// LINT: query-sites.cpp:[[@LINE-3]]:{{[0-9]+}}: warning:
// INDEX-SAME: this read filters 'comments' by (body), and no index serves it: SQLite reads every row of 'comments' (SCAN) on every call;

  // aggregate(): each function over the columns it takes; its filter planned as a read's.
  attempt("aggregate type", [&] { shop_first.query(shop::schema, shop::items).aggregate({.group_by = "active", .sum = "name"}); });
// RUNTIME: aggregate type: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: sum of 'items.name' cannot be computed: it is a text column, and sum takes integer or real columns; aggregate a numeric column
// LINT-SAME: [orm-aggregate-type]
  attempt("aggregate column", [&] { shop_first.query(shop::schema, shop::items).aggregate({.min = "addedAt", .max = "stok"}); });
// RUNTIME: aggregate column: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: table 'items' has no column 'stok' to take the max of; did you mean 'stock'?
// LINT-SAME: [orm-unknown-column]
  attempt("aggregate nothing", [&] { shop_first.query(shop::schema, shop::items).aggregate({.group_by = "name"}); });
// RUNTIME: aggregate nothing: schema_error:
// LINT: query-sites.cpp:[[@LINE-2]]:{{[0-9]+}}: error:
// CHECK-SAME: the aggregate of 'items' computes nothing; give .count = true, or columns to .sum, .avg, .min or .max
// LINT-SAME: [orm-aggregate-type]
  attempt("aggregate ok", [&] {
    shop_first.query(shop::schema, shop::items)
        .aggregate<items_by_activity>({.group_by = "active", .count = true, .sum = "stock", .avg = "price", .min = "addedAt"});
  });
// RUNTIME: aggregate ok: accepted
}
