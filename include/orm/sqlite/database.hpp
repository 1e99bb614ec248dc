#pragma once
// orm::sqlite::database: a SQLite file or ":memory:", migrated from a schema, written
// with bound parameters, read with relational queries of one statement each.
#include <sqlite3.h>

#include <map>
#include <mutex>
#include <utility>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <orm/sqlite/dialect.hpp>
#include <orm/sqlite/vocabulary.hpp>
#include <orm/model/build.hpp>
#include <orm/model/rules.hpp>
#include <orm/model/verdict.hpp>
#include <orm/model/write_plan.hpp>
#include <orm/sqlite/busy_wait.hpp>
#include <orm/sqlite/column_values.hpp>
#include <orm/runtime/ddl.hpp>
#include <orm/sqlite/migration.hpp>
#include <orm/runtime/write_guard.hpp>
#include <orm/runtime/decode.hpp>
#include <orm/sqlite/failure_reasons.hpp>
#include <orm/sqlite/functions.hpp>
#include <orm/sqlite/read_sql.hpp>
#include <orm/sqlite/statement.hpp>
#include <orm/runtime/transaction_options.hpp>
#include <orm/sqlite/typed_rows.hpp>
#include <orm/runtime/write_sql.hpp>

namespace orm::sqlite {

class database;

// Reads of one table: db.query(schema, users).find_many({...}).
class table_query {
 public:
  table_query(database& db, const model::schema& schema, const model::table& table)
      : db_(db), schema_(schema), table_(table) {}

  std::vector<node> find_many(const find_options& options = {}) const;
  std::optional<node> find_first(find_options options = {}) const;
  // The one row the filter selects; more than one is an error (the filter is not unique).
  std::optional<node> find_unique(find_options options) const;
  // The statement find_many would run, for inspection (EXPLAIN QUERY PLAN, logs).
  compiled_read sql(const find_options& options = {}) const;

  // Typed rows (docs/runtime.md): each row decoded into a T, whose fields name the columns
  // and relations to read; `options` gives the filter, order, bounds and the options of
  // the loads (`with`), and T decides the columns. A T that cannot hold the rows is a
  // row_mismatch_error, as ormlint's orm-row-mismatch reports it.
  template <reflection::row_struct T>
  std::vector<T> find_many(const find_options& options = {}) const;
  template <reflection::row_struct T>
  std::optional<T> find_first(find_options options = {}) const;
  template <reflection::row_struct T>
  std::optional<T> find_unique(find_options options) const;

 private:
  compiled_read compile(const find_options& options, bool unique) const;
  std::vector<node> run(const compiled_read& read) const;
  // Calls `each` with each result row's JSON, under the connection's lock.
  template <class Each>
  void each_row(const compiled_read& read, Each&& each) const;
  template <class T>
  std::vector<T> run_typed(const find_options& options, bool unique) const;

  database& db_;
  const model::schema& schema_;
  const model::table& table_;
};

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

// A transaction: `auto tx = db.transaction(); ...; tx.commit();`. Destroyed without
// commit() (an exception passed), it rolls back. Nested ones are savepoints. It holds the
// database for its thread while it lives: another thread's calls wait until it ends.
class transaction {
 public:
  // SQLite's write transactions are serializable whatever `options` asks.
  explicit transaction(database& db, const transaction_options& options = {});
  transaction(transaction&& other) noexcept
      : db_(std::exchange(other.db_, nullptr)), lock_(std::move(other.lock_)), depth_(other.depth_) {}
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;
  ~transaction() {
    if (!db_) return;
    try {
      rollback();
    } catch (...) {
      // A rollback that fails leaves SQLite to roll back when the connection closes.
    }
  }
  void commit();
  void rollback();

 private:
  void end(const std::string& sql);
  database* db_;
  std::unique_lock<std::recursive_mutex> lock_;
  int depth_ = 0;
};

// One connection. Safe to share between threads: each call holds the connection while it
// runs (and a transaction holds it while it lives), so calls from several threads run one
// after another; for reads in parallel, open one database per thread on the same file.
class database {
 public:
  explicit database(const std::string& path, const open_options& options = {})
      : facts_{options.busy_timeout_ms, options.read_only} {
    if (options.immutable && !options.read_only)
      throw error("cannot open '" + path + "' immutable and writable: immutable is for files no process writes while "
                  "they are open; add .read_only = true, or leave immutable out");
    const int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const std::string name = options.immutable ? immutable_uri(path) : path;
    if (sqlite3_open_v2(name.c_str(), &db_, flags | (options.immutable ? SQLITE_OPEN_URI : 0), nullptr) != SQLITE_OK) {
      const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw sqlite_error("cannot open database '" + path + "': " + message, SQLITE_CANTOPEN);
    }
    // A double-quoted name that matches no column is an error, not a string literal.
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    wait_for_locks(db_, options.busy_timeout_ms);
    functions::register_all(db_);
    exec("PRAGMA foreign_keys = ON");
    if (options.wal && !options.read_only) exec("PRAGMA journal_mode = WAL");
  }
  database(const database&) = delete;
  database& operator=(const database&) = delete;
  // Moving is for setup (returning a database from a function): no other thread may be
  // using either side, and table_query objects of the old one must not be used again.
  database(database&& other) noexcept
      : db_(std::exchange(other.db_, nullptr)), facts_(other.facts_), models_(std::move(other.models_)), warnings_(std::move(other.warnings_)),
        decoder_(std::move(other.decoder_)), mutex_(std::move(other.mutex_)), depth_(std::exchange(other.depth_, 0)),
        statements_(std::move(other.statements_)) {}
  database& operator=(database&& other) noexcept {
    if (this != &other) {
      statements_.clear();
      sqlite3_close(db_);
      db_ = std::exchange(other.db_, nullptr);
      facts_ = other.facts_;
      models_ = std::move(other.models_);
      warnings_ = std::move(other.warnings_);
      decoder_ = std::move(other.decoder_);
      mutex_ = std::move(other.mutex_);
      depth_ = std::exchange(other.depth_, 0);
      statements_ = std::move(other.statements_);
    }
    return *this;
  }
  ~database() {
    statements_.clear();  // finalized before the connection closes
    sqlite3_close(db_);
  }

  // Runs `f`; a failure of SQLite is thrown with its cause and way out (failure_reasons.hpp).
  template <class F>
  decltype(auto) explaining(F&& f) const {
    try {
      return std::forward<F>(f)();
    } catch (const sqlite_error& e) {
      throw explained(e);
    }
  }

  // BEGIN IMMEDIATE (or a savepoint inside another transaction): see sqlite::transaction.
  sqlite::transaction transaction(const transaction_options& options = {}) { return sqlite::transaction(*this, options); }
  // Which errors run_transaction runs a transaction again for: none here, since SQLite
  // serializes writers (a writer waits for the lock up to busy_timeout_ms instead).
  static bool retryable(const error&) { return false; }

  // Holds the connection for the calling thread; calls take it themselves.
  std::unique_lock<std::recursive_mutex> hold() const {
    if (!mutex_) throw error("this database was moved from");
    return std::unique_lock<std::recursive_mutex>(*mutex_);
  }

  // Brings the database to the schema, in one transaction: creates what is missing (tables,
  // columns, indexes; sqlite/migration.hpp) and refuses, before writing anything, every
  // other difference (a dropped, renamed or retyped column, a changed constraint), listing
  // them with the way out. A schema that ormlint reports an error in (model/verdict.hpp)
  // is refused, in its words.
  void migrate(const model::schema& schema) {
    refuse_broken_schema(schema);
    auto tx = transaction();  // a savepoint inside the caller's transaction
    const migration_plan plan = explaining([&] { return sqlite::plan_migration(db_, schema); });
    refuse_differences(plan);
    for (const std::string& sql : plan.statements) exec(sql);
    tx.commit();
  }

  // What migrate would run (and refuse), without changing anything.
  migration_plan plan_migration(const model::schema& schema) {
    const auto held = hold();
    return explaining([&] { return sqlite::plan_migration(db_, schema); });
  }
  template <class Schema>
  migration_plan plan_migration(const Schema& schema) { return plan_migration(model_of(schema)); }

  std::int64_t insert(const model::schema& schema, const std::string& table, const fields& row) {
    const auto held = hold();
    const model::table& t = guarded::planned_write(schema, model::write::kind::insert, table, row, nullptr, {});
    write(schema, t, writes::insert(t, row, dialect), &row, nullptr);
    return sqlite3_last_insert_rowid(db_);
  }
  // An empty `where` is refused unless `options.allow_full_scan`: it would change every row.
  std::int64_t update(const model::schema& schema, const std::string& table, const fields& changes, const condition& where,
                      write_options options = {}) {
    const auto held = hold();
    const model::table& t = guarded::planned_write(schema, model::write::kind::update, table, changes, &where, options);
    write(schema, t, writes::update(t, changes, where, dialect), &changes, &where);
    return sqlite3_changes64(db_);
  }
  std::int64_t remove(const model::schema& schema, const std::string& table, const condition& where,
                      write_options options = {}) {
    const auto held = hold();
    const model::table& t = guarded::planned_write(schema, model::write::kind::remove, table, {}, &where, options);
    write(schema, t, writes::remove(t, where, dialect), nullptr, &where);
    return sqlite3_changes64(db_);
  }

  table_query query(const model::schema& schema, const std::string& table) {
    return table_query(*this, schema, guarded::table_of(schema, table));
  }

  // The same, from the constexpr schema: its model is built once per database.
  template <class Schema>
  const model::schema& model_of(const Schema& schema) {
    const auto held = hold();
    return models_.of(schema);
  }
  template <class Schema>
  void migrate(const Schema& schema) { migrate(model_of(schema)); }
  template <class Schema>
  std::int64_t insert(const Schema& schema, const std::string& table, const fields& row) { return insert(model_of(schema), table, row); }
  template <class Schema>
  std::int64_t update(const Schema& schema, const std::string& table, const fields& changes, const condition& where,
                      write_options options = {}) {
    return update(model_of(schema), table, changes, where, options);
  }
  // Writes from a struct: each field is the column of its name; an empty std::optional is
  // not set (docs/runtime.md, "Typed rows").
  template <class Schema, reflection::row_struct Row>
  std::int64_t insert(const Schema& schema, const std::string& table, const Row& row) {
    return insert(model_of(schema), table, typed::fields_to_insert(row, table));
  }
  template <class Schema, reflection::row_struct Row>
  std::int64_t update(const Schema& schema, const std::string& table, const Row& changes, const condition& where,
                      write_options options = {}) {
    return update(model_of(schema), table, typed::fields_of(changes), where, options);
  }
  template <class Schema>
  std::int64_t remove(const Schema& schema, const std::string& table, const condition& where, write_options options = {}) {
    return remove(model_of(schema), table, where, options);
  }
  template <class Schema, class Table>
  table_query query(const Schema& schema, const Table& table) {
    return query(model_of(schema), std::string(table.name.view()));
  }

  // Runs SQL without parameters (PRAGMA, BEGIN, DDL).
  void exec(const std::string& sql) {
    const auto held = hold();
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      throw explained(sqlite_error("statement failed: " + text + "\n  " + sql, sqlite3_errcode(db_), sqlite3_extended_errcode(db_)));
    }
  }

  sqlite3* handle() const { return db_; }
  // Warnings of non-strict schemas (a relation load that no index serves).
  const std::vector<std::string>& warnings() const { return warnings_; }
  void warn(const std::string& message) {
    const auto held = hold();
    warnings_.push_back(message);
  }
  row_decoder& decoder() { return decoder_; }
  // A prepared statement for `sql`, from this connection's cache (callers hold the lock).
  statement_cache::lease prepared(const std::string& sql) { return statements_.take(db_, sql); }

 private:
  sqlite_error explained(const sqlite_error& e) const {
    return failure::with_reason(e, failure::lock_or_file_reason(db_, e.extended_code, facts_));
  }
  void write(const model::schema& schema, const model::table& t, const writes::statement_text& text, const fields* row,
             const condition* where) {
    try {
      explaining([&] {
        auto s = prepared(text.sql);
        s->bind(text.params);
        while (s->step()) {
        }
      });
    } catch (const sqlite_error& e) {
      if (e.extended_code != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
      throw failure::with_reason(e, failure::foreign_key_reason(db_, schema, t, row, where));
    }
  }
  // A path as a URI that opens it immutable: '%', '?' and '#' would otherwise end or
  // change it.
  static std::string immutable_uri(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out = "file:";
    for (const unsigned char c : path) {
      if (c == '%' || c == '?' || c == '#' || c <= ' ' || c >= 0x7f) (out += '%') += std::string{hex[c >> 4], hex[c & 15]};
      else out += static_cast<char>(c);
    }
    return out + "?immutable=1";
  }

  friend class sqlite::transaction;

  sqlite3* db_ = nullptr;
  failure::connection_facts facts_;
  guarded::model_cache models_;
  std::vector<std::string> warnings_;
  row_decoder decoder_;  // one parser, reused: used under the lock only
  std::unique_ptr<std::recursive_mutex> mutex_ = std::make_unique<std::recursive_mutex>();
  int depth_ = 0;  // transactions open on this connection
  statement_cache statements_;
};





template <class Each>
void table_query::each_row(const compiled_read& read, Each&& each) const {
  const auto held = db_.hold();
  db_.explaining([&] {
    auto s = db_.prepared(read.sql);
    s->bind(read.params);
    std::int64_t rows = 0;
    while (s->step()) {
      if (read.fan_out_limit > 0 && rows == read.fan_out_limit) throw too_many_parents(table_.name, read.fan_out_limit);
      each(*s);
      ++rows;
    }
  });
}


template <class T>
std::vector<T> table_query::run_typed(const find_options& options, bool unique) const {
  static const model::row_type row = reflection::describe<T>();  // once per struct
  const model::query_options given = planning::options_of(schema_, &table_, options);
  const std::vector<model::row_problem> problems = model::row_mismatches(schema_, table_, row, options.max_depth, &given);
  if (!problems.empty()) throw row_mismatch_error(problems.front().message);
  const compiled_read read = compile(typed::options_for(schema_, table_, row.fields, options), unique);
  const std::unique_ptr<row_plan> plan = typed::plan_of(schema_, table_, row.name, row.fields);
  const std::vector<int> columns = typed::result_columns_of(*plan, read);
  std::vector<T> out;
  each_row(read, [&](const statement& s) { typed::read_top_row(s, columns, db_.decoder(), *plan, out.emplace_back()); });
  return out;
}

template <reflection::row_struct T>
std::vector<T> table_query::find_many(const find_options& options) const {
  return run_typed<T>(options, false);
}

template <reflection::row_struct T>
std::optional<T> table_query::find_first(find_options options) const {
  options.limit = 1;
  return first_row(run_typed<T>(options, false));
}

template <reflection::row_struct T>
std::optional<T> table_query::find_unique(find_options options) const {
  options.limit = 2;
  return unique_row(run_typed<T>(options, true), table_.name);
}



}  // namespace orm::sqlite
