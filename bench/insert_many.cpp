// insert_many of 100,000 rows against 100,000 insert() calls (in one transaction, as a
// user who knows to would write them, and each in its own, as the plain loop does:
// measured on 2,000 rows and scaled, or a round would take minutes) and against the same
// batch written by hand with the database's C API, side by side in one run, rounds
// interleaved, the table emptied before each. SQLite runs on a file in /tmp. SQLite (bench_insert_many): a prepared one-row INSERT bound and stepped per
// row in a transaction, SQLite's own advice. PostgreSQL (bench_insert_many_pg, with
// ORM_BENCH_POSTGRES naming a server): INSERT ... VALUES of 500 rows per PQexecParams in a
// transaction. Prints milliseconds per 100,000 rows (medians) and the ratios; the targets
// are insert_many at least 10x faster than the insert calls and at most 1.5x the hand
// batch (docs/performance.md).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#ifdef BENCH_POSTGRES
#include <libpq-fe.h>

#include <orm/postgres.hpp>
using namespace orm::postgres;
#else
#include <orm/sqlite.hpp>
using namespace orm::sqlite;
#endif

namespace {
using namespace orm;

inline constexpr auto items = table("items", column("sku", text().not_null()), column("name", text()),
                                    column("price", real()), column("count", integer()));
inline constexpr auto schema = define_schema(tables(items));

constexpr int row_count = 100000, autocommit_rows = 2000;

double millis(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

std::string sku(int i) { return "sku-" + std::to_string(i); }
std::string name(int i) { return "item number " + std::to_string(i); }

#ifdef BENCH_POSTGRES
std::string conninfo() {
  const char* given = std::getenv("ORM_BENCH_POSTGRES");
  if (!given) throw std::runtime_error("ORM_BENCH_POSTGRES is not set: start a server (scripts/postgres-test-server.sh)");
  return given;
}
database open() {
  database db(conninfo());
  db.exec("DROP SCHEMA IF EXISTS bench_insert CASCADE; CREATE SCHEMA bench_insert; SET search_path TO bench_insert");
  return db;
}
void by_hand(database&) {
  static PGconn* c = [] {
    PGconn* conn = PQconnectdb(conninfo().c_str());
    PQclear(PQexec(conn, "SET search_path TO bench_insert"));
    return conn;
  }();
  PQclear(PQexec(c, "BEGIN"));
  std::vector<std::string> text;
  std::vector<const char*> values;
  for (int first = 0; first < row_count; first += 500) {
    const int rows = std::min(500, row_count - first);
    std::string sql = "INSERT INTO items (sku, name, price, count) VALUES ";
    text.clear();
    values.clear();
    for (int r = 0; r < rows; ++r) {
      const int i = first + r, p = r * 4;
      sql += (r ? ", ($" : "($") + std::to_string(p + 1) + ", $" + std::to_string(p + 2) + ", $" + std::to_string(p + 3) +
             ", $" + std::to_string(p + 4) + ")";
      text.push_back(sku(i));
      text.push_back(name(i));
      text.push_back(std::to_string(i * 0.25));
      text.push_back(std::to_string(i));
    }
    for (const std::string& t : text) values.push_back(t.c_str());
    PGresult* r = PQexecParams(c, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) throw std::runtime_error(PQerrorMessage(c));
    PQclear(r);
  }
  PQclear(PQexec(c, "COMMIT"));
}
#else
database open() {
  const std::string path = "/tmp/bench_insert_many.db";
  std::remove(path.c_str());
  return database(path);
}
void by_hand(database& db) {
  sqlite3* c = db.handle();
  sqlite3_exec(c, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(c, "INSERT INTO items (sku, name, price, count) VALUES (?, ?, ?, ?)", -1, &s, nullptr);
  for (int i = 0; i < row_count; ++i) {
    const std::string k = sku(i), n = name(i);
    sqlite3_bind_text(s, 1, k.data(), static_cast<int>(k.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, n.data(), static_cast<int>(n.size()), SQLITE_TRANSIENT);
    sqlite3_bind_double(s, 3, i * 0.25);
    sqlite3_bind_int64(s, 4, i);
    if (sqlite3_step(s) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(c));
    sqlite3_reset(s);
  }
  sqlite3_finalize(s);
  sqlite3_exec(c, "COMMIT", nullptr, nullptr, nullptr);
}
#endif

fields row(int i) { return {{"sku", sku(i)}, {"name", name(i)}, {"price", i * 0.25}, {"count", i}}; }

std::int64_t stored(database& db) { return db.query(schema, items).count(); }
}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 3;
  database db = open();
  db.migrate(schema);
  struct way {
    const char* name;
    std::function<void()> run;
    std::vector<double> ms;
  };
  // Each way builds its rows as a user would: the ORM's fields, or the C API's values.
  std::vector<way> ways{
      {"insert_many", [&] {
         std::vector<fields> rows;
         rows.reserve(row_count);
         for (int i = 0; i < row_count; ++i) rows.push_back(row(i));
         db.insert_many(schema, "items", rows);
       }, {}},
      {"insert calls, one transaction", [&] {
         auto tx = db.transaction();
         for (int i = 0; i < row_count; ++i) db.insert(schema, "items", row(i));
         tx.commit();
       }, {}},
      {"by hand (C API)", [&] { by_hand(db); }, {}},
      {"insert calls, each its own transaction (2,000 rows x 50)", [&] {
         for (int i = 0; i < autocommit_rows; ++i) db.insert(schema, "items", row(i));
       }, {}},
  };
  for (int r = 0; r < rounds; ++r)
    for (std::size_t k = 0; k < ways.size(); ++k) {
      way& w = ways[(k + static_cast<std::size_t>(r)) % ways.size()];  // the order rotates each round
      db.remove(schema, "items", {}, {.allow_full_scan = true});
      const bool scaled = &w == &ways.back();
      w.ms.push_back(millis(w.run) * (scaled ? row_count / autocommit_rows : 1));
      if (stored(db) != (scaled ? autocommit_rows : row_count))
        throw std::runtime_error(std::string(w.name) + " did not store every row");
    }
  std::vector<double> median;
  for (way& w : ways) {
    std::sort(w.ms.begin(), w.ms.end());
    median.push_back(w.ms[w.ms.size() / 2]);
  }
  std::printf("| %d rows | ms |\n|---|---:|\n", row_count);
  for (std::size_t k = 0; k < ways.size(); ++k) std::printf("| %s | %.1f |\n", ways[k].name, median[k]);
  std::printf("\ninsert calls in one transaction / insert_many: %.2f\n"
              "insert calls, each its own transaction / insert_many: %.2f (target at least 10)\n"
              "insert_many / by hand: %.2f (target at most 1.5)\n",
              median[1] / median[0], median[3] / median[0], median[0] / median[2]);
}
