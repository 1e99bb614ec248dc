#pragma once
// orm::postgres::database: a PostgreSQL database over libpq. What every backend shares
// (the writes, migrate, the reads and typed rows, transactions) is
// runtime::basic_database; this is PostgreSQL's connection, its read replicas and its
// statements under it.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <orm/postgres/column_text.hpp>
#include <orm/postgres/connection.hpp>
#include <orm/postgres/dialect.hpp>
#include <orm/postgres/migration.hpp>
#include <orm/postgres/replicas.hpp>
#include <orm/postgres/vocabulary.hpp>
#include <orm/runtime/database.hpp>

namespace orm::postgres {

class database;

// Reads of one table: db.query(schema, users).find_many({...}).
using table_query = runtime::basic_table_query<database>;

// One connection (one server connection, and one per replica when it has replicas): see
// runtime::basic_database. Nothing reconnects behind the caller's back.
class database : public runtime::basic_database<database> {
 public:
  // `conninfo`: "postgresql://user@host:5432/dbname", or keywords ("host=/run/postgresql
  // dbname=app"); libpq's environment variables (PGHOST, ...) fill in what it leaves out.
  explicit database(const std::string& conninfo);
  // With read replicas (replicas.hpp, docs/runtime.md): reads outside a transaction go to
  // them in turn; writes, reads that lock rows and everything inside a transaction go to
  // the primary, `conninfo`. Replicas are connected on first use.
  database(const std::string& conninfo, replica_options replicas);
  database(const database&) = delete;
  database& operator=(const database&) = delete;
  // For setup only: no other thread may be using either side.
  database(database&&) noexcept;
  database& operator=(database&&) noexcept;
  ~database() override;

  // Which errors run_transaction runs a transaction again for: a serialization failure
  // (40001, under repeatable_read or serializable) and a deadlock (40P01).
  static bool retryable(const error& e);

  // SQL without parameters (DDL, SET, BEGIN).
  void exec(const std::string& sql) override;
  // A statement with parameters ($1, $2, ...), prepared once per connection.
  result run(const std::string& sql, const std::vector<param>& params = {});
  // The same, for a statement that writes: the rows it changed (0 for one that changes
  // none), as orm::sqlite::database::exec(sql, params) returns them.
  std::int64_t exec(const std::string& sql, const std::vector<param>& params) { return run(sql, params).changed(); }
  // Typed rows from a statement of your own (runtime::basic_database::run<T>).
  using basic_database::run;
  // run(sql, params), calling each(row) per result row: the rows it changed.
  template <class Each>
  std::int64_t run_statement(const std::string& sql, const std::vector<param>& params, Each&& each) {
    const result r = run(sql, params);
    for (int row = 0; row < r.rows(); ++row) each(result_row{r, row});
    return r.changed();
  }
  // Runs `read(connection)` where a read belongs: a replica, or the primary (inside a
  // transaction, for a read that locks rows, without replicas, or when none can serve it).
  // Compiled once (src/postgres/database.cpp), not per callback in users' units.
  void read_on(const compiled_read& r, detail::function_ref<void(postgres::connection&)> read);

  postgres::connection& connection() { return *connection_; }

 private:
  friend class runtime::basic_database<database>;
  friend class runtime::basic_table_query<database>;

  // What runtime::basic_database asks of a backend (runtime/database.hpp).
  static const runtime::sql::dialect& sql_dialect() { return dialect; }
  // A pooler's new server connection lacked a prepared statement (26000): see migrate.
  static bool statement_lost(const error& e);
  std::string begin_statement(const transaction_options& options) const override;
  std::string take_notice() const override { return connection_->take_notice(); }
  compiled_read compile_read(const model::schema& schema, const model::table& table, const find_options& options,
                             warning_sink warn, bool unique) const;
  // A read of several statements (a relation loaded by its own): one REPEATABLE READ
  // transaction around them on the connection the read belongs on (a replica, or the
  // primary), unless the caller's transaction is open, so that they read one snapshot.
  template <class F>
  void in_read_snapshot(const compiled_read& r, F&& f) {
    const auto held = hold();
    if (pinned_ || connection_->in_transaction()) {
      f();
      return;
    }
    read_on(r, [&](postgres::connection& on) {
      // Rows locked (FOR UPDATE) need a transaction that may write. BEGIN goes with the
      // first statement and COMMIT is not waited for: the transaction costs no round trip.
      on.begin_with_next(r.locks_rows ? "BEGIN ISOLATION LEVEL REPEATABLE READ"
                                      : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      pinned_ = &on;
      try {
        f();
      } catch (...) {
        pinned_ = nullptr;
        if (!on.drop_unsent_begin() && on.in_transaction()) {
          try {
            on.exec("ROLLBACK");
          } catch (const error&) {  // the connection is lost: its error is the one to see
          }
        }
        throw;
      }
      pinned_ = nullptr;
      on.commit_unawaited();
    });
  }
  // A load's statement once per key (load_strategy::nested): a round trip each; each(key's
  // index, row).
  template <class Each>
  void for_each_row_per_key(const compiled_read& read, const model::table& table, const std::vector<param>& keys,
                            Each&& each) {
    std::vector<param> params = read.params;  // the statement's, its key bound anew each time
    for (std::size_t g = 0; g < keys.size(); ++g) {
      params[read.key_param] = keys[g];
      for_each_row(read, table, [&](const auto& r) { each(g, r); }, params);
    }
  }
  template <class Each>
  void for_each_row(const compiled_read& read, const model::table& table, Each&& each) {
    for_each_row(read, table, each, read.params);
  }
  // The statement of `read` with these parameters.
  template <class Each>
  void for_each_row(const compiled_read& read, const model::table& table, Each&& each, const std::vector<param>& params) {
    read_on(read, [&](postgres::connection& on) {
      const result r = on.run(read.sql, params);
      if (read.fan_out_limit > 0 && r.rows() > read.fan_out_limit) throw too_many_parents(table.name, read.fan_out_limit);
      for (int row = 0; row < r.rows(); ++row) each(result_row{r, row});
    });
  }
  std::int64_t write(const model::schema& schema, const model::table& t, const runtime::writes::statement_text& text,
                     runtime::writes::answer wanted, std::span<const fields> rows, const condition* where);
  // The same write, its RETURNING rows each handed to each(row) (db.returning<T>()).
  template <class Each>
  void write_returning(const model::schema&, const model::table& t, const runtime::writes::statement_text& text,
                       std::span<const fields> rows, const condition*, Each&& each) {
    replicas_->primary_wrote();
    const result r = connection_->run(text.sql, text.params);
    for (int row = 0; row < r.rows(); ++row) each(result_row{r, row});
    wrote_ids(t, rows);
  }
  migration_plan introspect(const model::schema& schema) const;
  // Two processes migrating at once take turns.
  void lock_for_migration() { exec("SELECT pg_advisory_xact_lock(4242001)"); }
  // A row written with its id: the identity moves past it, so that the next row without
  // one does not collide (SQLite's rowid does the same by itself).
  void follow_written_id(const model::table& t);
  // The same, when any of `rows` sets the id.
  void wrote_ids(const model::table& t, std::span<const fields> rows);

  std::unique_ptr<postgres::connection> connection_;
  std::unique_ptr<replica_set> replicas_;
  postgres::connection* pinned_ = nullptr;  // where a read's statements run, inside in_read_snapshot
};

}  // namespace orm::postgres

// Compiled once, in orm::postgres (src/postgres/database.cpp).
extern template class orm::runtime::basic_database<orm::postgres::database>;
extern template class orm::runtime::basic_table_query<orm::postgres::database>;
extern template void orm::runtime::load_keys::push<orm::postgres::result_row>(const orm::postgres::result_row&, int,
                                                                              orm::column_kind);
