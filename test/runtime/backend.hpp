#pragma once
// The backend the shared runtime tests run on, chosen when they are compiled: SQLite
// (orm_runtime_tests) or PostgreSQL (orm_postgres_tests, with ORM_TEST_POSTGRES defined).
// The test bodies are the same; each test gets a database of its own: an in-memory SQLite
// database, or a fresh PostgreSQL schema on the server the ctest fixture started.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

// Only the tested backend's header: each backend builds and tests without the other
// (ORM_WITH_SQLITE=OFF, ORM_WITH_POSTGRES=OFF).
#ifdef ORM_TEST_POSTGRES
#include <orm/postgres.hpp>
namespace orm::testing {
namespace tested = orm::postgres;
}
#else
#include <orm/sqlite.hpp>
namespace orm::testing {
namespace tested = orm::sqlite;
}
#endif

#include "runtime/temp_dir.hpp"

namespace orm::testing {

// Every database a test opens renders each read it serves from its read cache once more,
// and fails the read when the two differ (runtime/read_cache.hpp): every test of a read,
// on both backends, also tests the cache.
template <class Database>
Database checking_read_cache(Database db) {
  db.reads().verify = true;
  return db;
}

#ifdef ORM_TEST_POSTGRES
struct backend {
  using database = orm::postgres::database;
  // What the database itself refuses (a constraint): its own error type.
  using driver_error = orm::postgres::postgres_error;
  static constexpr bool is_postgres = true;

  // The server's connection string: ctest's fixture sets it. Never skipped: without a
  // server, every PostgreSQL test fails, saying why.
  static std::string conninfo() {
    const char* given = std::getenv("ORM_TEST_POSTGRES");
    if (!given || !*given)
      throw std::runtime_error("ORM_TEST_POSTGRES is not set: run these tests through ctest, whose fixture "
                               "postgres_server starts a PostgreSQL server (scripts/postgres-test-server.sh)");
    return given;
  }
  // Through a pooler in transaction mode (ctest's "pgbouncer." entries), the server
  // itself, where the tests make their databases: a session's SET would reach other
  // clients there, so each test gets a database rather than a schema and search_path.
  static std::string direct() {
    const char* given = std::getenv("ORM_TEST_POSTGRES_DIRECT");
    return given ? given : "";
  }
  static bool pooled() { return !direct().empty(); }
  // A schema of its own (a database of its own behind the pooler), so that tests do not
  // see each other's tables.
  static database open() {
    static std::atomic<int> opened{0};
    const std::string schema = "test_" + std::to_string(::getpid()) + "_" + std::to_string(opened++);
    forget_at_exit(schema);
    if (pooled()) return open_at(schema);
    database db(conninfo());
    db.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema + "; SET search_path TO " + schema);
    return checking_read_cache(std::move(db));
  }
  // Each test process's schemas (databases behind the pooler) are dropped when it ends:
  // left behind, they pile up over repeated runs on one server until a database-wide
  // statement (ANALYZE, a DROP ... CASCADE) runs out of the lock table.
  static void forget_at_exit(const std::string& name) {
    static std::mutex guard;
    static std::vector<std::string> names;
    static const pid_t owner = ::getpid();  // a forked child that exits must not drop its parent's
    std::lock_guard lock(guard);
    if (names.empty())
      std::atexit([] {
        if (::getpid() != owner) return;
        std::lock_guard lock(guard);
        for (const std::string& n : names) try {
            forget(n);
          } catch (const std::exception&) {  // the server may be gone already; nothing to clean then
          }
      });
    names.push_back(name);
  }
  // A database that outlives its connection, by name (a schema on the server, a database
  // behind the pooler), to open again; forget() drops it.
  static database open_at(const std::string& name, const std::string& options = "") {
    if (pooled()) {
      make_database(name);
      return checking_read_cache(database(conninfo() + " dbname=" + name + " " + options));
    }
    database db(conninfo() + " " + options);
    db.exec("CREATE SCHEMA IF NOT EXISTS " + name + "; SET search_path TO " + name);
    return checking_read_cache(std::move(db));
  }
  static void forget(const std::string& name) {
    if (pooled()) database(direct()).exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    else database(conninfo()).exec("DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }
  static void make_database(const std::string& name) {
    database server(direct());
    if (server.run("SELECT 1 FROM pg_database WHERE datname = $1", {orm::postgres::param(name)}).rows() > 0) return;
    try {
      server.exec("CREATE DATABASE " + name + " STRATEGY FILE_COPY");
    } catch (const orm::postgres::postgres_error& e) {
      // Another process made it first (duplicate_database, or the catalog's unique index).
      if (e.sqlstate != "42P04" && e.sqlstate != "23505") throw;
    }
  }
  // The first column of the first row of `sql`, as text (booleans as 1/0, as SQLite has them).
  static std::string scalar(database& db, const std::string& sql) {
    const orm::postgres::result r = db.run(sql);
    if (r.rows() == 0) throw std::runtime_error("no row: " + sql);
    const std::string text(r.text(0, 0));
    return text == "t" ? "1" : text == "f" ? "0" : text;
  }
  static std::vector<std::string> tables(database& db) {
    const orm::postgres::result r = db.run(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.text(i, 0));
    return out;
  }
};
#else
struct backend {
  using database = orm::sqlite::database;
  using driver_error = orm::sqlite::sqlite_error;
  static constexpr bool is_postgres = false;

  static database open() { return checking_read_cache(database(":memory:")); }
  static std::string path_of(const std::string& name) { return (temp_dir::path() / (name + ".db")).string(); }
  static database open_at(const std::string& name) { return checking_read_cache(database(path_of(name))); }
  static void forget(const std::string& name) { std::remove(path_of(name).c_str()); }
  static std::string scalar(database& db, const std::string& sql) {
    orm::sqlite::statement s(db.handle(), sql);
    if (!s.step()) throw std::runtime_error("no row: " + sql);
    return s.text(0);
  }
  static std::vector<std::string> tables(database& db) {
    orm::sqlite::statement s(db.handle(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1");
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
  }
};
#endif

}  // namespace orm::testing
