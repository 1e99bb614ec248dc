#pragma once
// orm::sqlite::database: a SQLite file or ":memory:", migrated from a schema, written
// with bound parameters, read with relational queries. What every backend shares (the
// writes, migrate, the reads and typed rows, transactions) is runtime::basic_database;
// this is SQLite's connection, statements and failures under it.
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <orm/runtime/database.hpp>
#include <orm/sqlite/busy_wait.hpp>
#include <orm/sqlite/column_values.hpp>
#include <orm/sqlite/dialect.hpp>
#include <orm/sqlite/failure_reasons.hpp>
#include <orm/sqlite/functions.hpp>
#include <orm/sqlite/migration.hpp>
#include <orm/sqlite/statement.hpp>
#include <orm/sqlite/typed_rows.hpp>
#include <orm/sqlite/vocabulary.hpp>

namespace orm::sqlite {

class database;

// Reads of one table: db.query(schema, users).find_many({...}).
using table_query = runtime::basic_table_query<database>;

// How a database file is opened.
struct open_options {
  bool read_only = false;     // refuse every write (SQLite's SQLITE_OPEN_READONLY)
  bool wal = false;           // write-ahead log: readers do not block the writer, nor it them
  int busy_timeout_ms = 5000;  // how long a statement waits for another connection's lock
  // A file that no process changes while it is open (read-only media, a WAL database in a
  // directory this user cannot write): SQLite takes no locks and needs no -wal or -shm
  // file. Needs read_only. If another process does write it, reads may see corrupt data.
  bool immutable = false;
};

// One connection. Safe to share between threads: each call holds the connection while it
// runs (and a transaction holds it while it lives), so calls from several threads run one
// after another; for reads in parallel, open one database per thread on the same file.
// Its transactions are BEGIN IMMEDIATE: SQLite's write transactions are serializable
// whatever transaction_options ask.
class database : public runtime::basic_database<database> {
 public:
  explicit database(const std::string& path, const open_options& options = {});
  database(const database&) = delete;
  database& operator=(const database&) = delete;
  // Moving is for setup (returning a database from a function): no other thread may be
  // using either side, and table_query objects of the old one must not be used again.
  database(database&& other) noexcept;
  database& operator=(database&& other) noexcept;
  ~database() override;

  // Runs `f`; a failure of SQLite is thrown with its cause and way out (failure_reasons.hpp).
  // Compiled once: the row loops in users' units have no handler of their own.
  void explaining(detail::function_ref<void()> f) const;

  // Which errors run_transaction runs a transaction again for: none here, since SQLite
  // serializes writers (a writer waits for the lock up to busy_timeout_ms instead).
  static bool retryable(const error&) { return false; }

  // Runs SQL without parameters (PRAGMA, BEGIN, DDL).
  void exec(const std::string& sql) override;
  // One statement of your own with bound parameters (?, ?NNN, :name, in order), prepared
  // once per connection: the rows it changed (0 for one that changes none). A count of
  // parameters other than the statement's, or a second statement in the text, is an
  // error. Nothing checks it against a schema, and ormlint does not read it.
  std::int64_t exec(const std::string& sql, const std::vector<param>& params);

  // For development and tests: each read's statement (once per connection) is explained
  // by SQLite before it runs, and a filter read by a full scan, or an order under a limit
  // sorted whole, is a warning (warnings()) in the words of ormlint's orm-unindexed-query
  // (runtime/index_use.hpp). For the reads ormlint cannot see through at their call site.
  // SQLite plans from the schema, not the rows (unless ANALYZE has run), so the verdict is
  // the one ormlint gives over the schema's empty tables. Off by default: it costs one
  // EXPLAIN per distinct statement.
  void warn_unindexed_reads(bool on = true) {
    const auto held = hold();
    unindexed_reads().on = on;
  }

  // Runs a statement of your own as exec(sql, params) does, calling each(row) per result
  // row (a statement: its columns by index, column_name(i)): the rows it changed.
  template <class Each>
  std::int64_t run_statement(const std::string& sql, const std::vector<param>& params, Each&& each) {
    const auto held = hold();
    std::int64_t changed = 0;
    explaining([&] {
      auto s = prepared(sql);
      check_own_statement(*s, sql, params.size());
      s->bind(params);
      const connection_lock rows(db_);  // column_value reads
      while (s->step()) each(static_cast<const statement&>(*s));
      changed = s->read_only() ? 0 : sqlite3_changes64(db_);
    });
    return changed;
  }

  sqlite3* handle() const { return db_; }
  // A prepared statement for `sql`, from this connection's cache (callers hold the lock).
  statement_cache::lease prepared(const std::string& sql) { return statements_.take(db_, sql); }

 private:
  friend class runtime::basic_database<database>;
  friend class runtime::basic_table_query<database>;

  // What runtime::basic_database asks of a backend (runtime/database.hpp).
  static const runtime::sql::dialect& sql_dialect() { return dialect; }
  static bool statement_lost(const error&) { return false; }
  std::string begin_statement(const transaction_options&) const override { return "BEGIN IMMEDIATE"; }
  compiled_read compile_read(const model::schema& schema, const model::table& table, const find_options& options,
                             warning_sink warn, bool unique) const;
  template <class Each>
  void for_each_row(const compiled_read& read, const model::table& table, Each&& each);
  // A load's statement once per key (load_strategy::nested): prepared once, the key bound
  // anew each time; each(key's index, row).
  template <class Each>
  void for_each_row_per_key(const compiled_read& read, const model::table&, const std::vector<param>& keys, Each&& each) {
    const auto held = hold();
    explaining([&] {
      auto s = prepared(read.sql);
      s->bind(read.params);
      const int key = static_cast<int>(read.key_param) + 1;
      const connection_lock rows(db_);  // column_value reads
      for (std::size_t g = 0; g < keys.size(); ++g) {
        if (g > 0) s->reset();
        s->bind(key, keys[g]);
        while (s->step()) each(g, static_cast<const statement&>(*s));
      }
    });
  }
  // A read of several statements (a relation loaded by its own): one deferred transaction
  // around them, unless the caller's is open, so that they read one snapshot. Deferred:
  // the first statement takes the snapshot and no write lock is taken.
  template <class F>
  void in_read_snapshot(const compiled_read&, F&& f) {
    const auto held = hold();
    if (!sqlite3_get_autocommit(db_)) {
      f();
      return;
    }
    exec("BEGIN");
    try {
      f();
    } catch (...) {
      if (!sqlite3_get_autocommit(db_)) {
        try {
          exec("ROLLBACK");
        } catch (const error&) {  // the read's own error is the one to see
        }
      }
      throw;
    }
    exec("COMMIT");
  }
  std::int64_t write(const model::schema& schema, const model::table& t, const runtime::writes::statement_text& text,
                     runtime::writes::answer wanted, std::span<const fields> rows, const condition* where);
  // The same write, its RETURNING rows each handed to each(row) (db.returning<T>()).
  template <class Each>
  void write_returning(const model::schema& schema, const model::table& t, const runtime::writes::statement_text& text,
                       std::span<const fields> rows, const condition* where, Each&& each) {
    try {
      explaining([&] {
        auto s = prepared(text.sql);
        s->bind(text.params);
        while (s->step()) each(static_cast<const statement&>(*s));
      });
    } catch (const sqlite_error& e) {
      throw write_failure(e, schema, t, rows, where);
    }
  }
  // A write's error, with the row whose parent is missing when a foreign key refused it.
  sqlite_error write_failure(const sqlite_error& e, const model::schema& schema, const model::table& t,
                             std::span<const fields> rows, const condition* where) const;
  migration_plan introspect(const model::schema& schema) const;
  void lock_for_migration() {}  // the transaction's BEGIN IMMEDIATE holds the file

  sqlite_error explained(const sqlite_error& e) const;
  // One statement in the text, and as many parameters as it has.
  static void check_own_statement(const statement& s, const std::string& sql, std::size_t params);

  sqlite3* db_ = nullptr;
  failure::connection_facts facts_;
  statement_cache statements_;
};

template <class Each>
void database::for_each_row(const compiled_read& read, const model::table& table, Each&& each) {
  const auto held = hold();
  explaining([&] {
    auto s = statements_.take(db_, read.sql, read.prepared);
    s->bind(read.params);
    const connection_lock held_rows(db_);  // column_value reads
    std::int64_t rows = 0;
    while (s->step()) {
      if (read.fan_out_limit > 0 && rows == read.fan_out_limit) throw too_many_parents(table.name, read.fan_out_limit);
      each(*s);
      ++rows;
      if (read.one_row) break;  // no step more to see the end
    }
  });
}

}  // namespace orm::sqlite

// Compiled once, in orm::sqlite (src/sqlite/database.cpp).
extern template class orm::runtime::basic_database<orm::sqlite::database>;
extern template class orm::runtime::basic_table_query<orm::sqlite::database>;
extern template void orm::runtime::load_keys::push<orm::sqlite::statement>(const orm::sqlite::statement&, int,
                                                                            orm::column_kind);
