#pragma once
// orm::postgres::database: a PostgreSQL database over libpq, with the surface of
// orm::runtime::database: migrated from a schema, written with bound parameters, read
// with relational queries of one statement each. The guards, the planners, the options,
// the rows and the errors are the SQLite backend's: only the SQL text and the connection
// are this backend's.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <orm/postgres/dialect.hpp>
#include <orm/postgres/vocabulary.hpp>
#include <orm/model/rules.hpp>
#include <orm/model/verdict.hpp>
#include <orm/postgres/column_text.hpp>
#include <orm/postgres/connection.hpp>
#include <orm/postgres/migration.hpp>
#include <orm/postgres/read_sql.hpp>
#include <orm/postgres/replicas.hpp>
#include <orm/runtime/decode.hpp>
#include <orm/runtime/write_guard.hpp>
#include <orm/runtime/transaction_options.hpp>
#include <orm/runtime/typed_rows.hpp>
#include <orm/runtime/write_sql.hpp>

namespace orm::postgres {

// The runtime's shared vocabulary, under this backend's name too.

class database;

// Reads of one table: db.query(schema, users).find_many({...}).
class table_query {
 public:
  table_query(database& db, const model::schema& schema, const model::table& table)
      : db_(db), schema_(schema), table_(table) {}

  std::vector<node> find_many(const find_options& options = {}) const { return run(compile(options, false)); }
  std::optional<node> find_first(find_options options = {}) const;
  // The one row the filter selects; more than one is an error (the filter is not unique).
  std::optional<node> find_unique(find_options options) const;
  // The statement find_many would run, for inspection (EXPLAIN, logs).
  compiled_read sql(const find_options& options = {}) const { return compile(options, false); }

  // Typed rows, as orm::sqlite's (docs/runtime.md).
  template <reflection::row_struct T>
  std::vector<T> find_many(const find_options& options = {}) const { return run_typed<T>(options, false); }
  template <reflection::row_struct T>
  std::optional<T> find_first(find_options options = {}) const;
  template <reflection::row_struct T>
  std::optional<T> find_unique(find_options options) const;

 private:
  compiled_read compile(const find_options& options, bool unique) const;
  std::vector<node> run(const compiled_read& read) const;
  // Runs the read under the connection's lock and calls `each` with each row's index.
  template <class Each>
  void each_row(const compiled_read& read, Each&& each) const;
  template <class T>
  std::vector<T> run_typed(const find_options& options, bool unique) const;

  database& db_;
  const model::schema& schema_;
  const model::table& table_;
};

// A transaction: `auto tx = db.transaction(); ...; tx.commit();`. Destroyed without
// commit() (an exception passed), it rolls back. Nested ones are savepoints. It holds the
// connection for its thread while it lives. After a statement inside it fails, PostgreSQL
// refuses the transaction's further statements until it rolls back.
class transaction {
 public:
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
      // A connection that is gone has rolled the transaction back on the server.
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
// after another; for queries in parallel, open one database per thread (each is one
// server connection). Nothing reconnects behind the caller's back.
class database {
 public:
  // `conninfo`: "postgresql://user@host:5432/dbname", or keywords ("host=/run/postgresql
  // dbname=app"); libpq's environment variables (PGHOST, ...) fill in what it leaves out.
  explicit database(const std::string& conninfo) : connection_(std::make_unique<postgres::connection>(conninfo)) {}
  // With read replicas (replicas.hpp, docs/runtime.md): reads outside a transaction go to
  // them in turn; writes, reads that lock rows and everything inside a transaction go to
  // the primary, `conninfo`. Replicas are connected on first use.
  database(const std::string& conninfo, replica_options replicas)
      : connection_(std::make_unique<postgres::connection>(conninfo)),
        replicas_(std::make_unique<replica_set>(std::move(replicas))) {}
  database(const database&) = delete;
  database& operator=(const database&) = delete;
  // For setup only: no other thread may be using either side.
  database(database&&) noexcept = default;
  database& operator=(database&&) noexcept = default;

  postgres::transaction transaction(const transaction_options& options = {}) { return postgres::transaction(*this, options); }
  // Which errors run_transaction runs a transaction again for: a serialization failure
  // (40001, under repeatable_read or serializable) and a deadlock (40P01).
  static bool retryable(const error& e) {
    const auto* failure = dynamic_cast<const postgres_error*>(&e);
    return failure && (failure->sqlstate == "40001" || failure->sqlstate == "40P01");
  }

  std::unique_lock<std::recursive_mutex> hold() const {
    if (!mutex_) throw error("this database was moved from");
    return std::unique_lock<std::recursive_mutex>(*mutex_);
  }

  // As orm::sqlite's: creates what is missing, refuses every other difference before
  // writing anything, and refuses a schema that ormlint reports an error in. Two
  // processes migrating at once take turns (an advisory lock).
  void migrate(const model::schema& schema) {
    runtime::refuse_broken_schema(schema);
    try {
      migrate_once(schema);
    } catch (const postgres_error& e) {
      // A pooler met inside the migration's own transaction (connection.hpp): it rolled
      // back, and statements are unnamed now; run it once more. Inside the caller's
      // transaction, the caller runs it again.
      if (e.sqlstate != "26000" || depth_ > 0) throw;
      migrate_once(schema);
    }
  }
  void migrate_once(const model::schema& schema) {
    auto tx = transaction();
    exec("SELECT pg_advisory_xact_lock(4242001)");
    const migration_plan plan = postgres::plan_migration(*connection_, schema);
    runtime::refuse_differences(plan);
    for (const std::string& sql : plan.statements) exec(sql);
    tx.commit();
  }
  migration_plan plan_migration(const model::schema& schema) {
    const auto held = hold();
    return postgres::plan_migration(*connection_, schema);
  }
  template <class Schema>
  migration_plan plan_migration(const Schema& schema) { return plan_migration(model_of(schema)); }

  // The new row's id.
  std::int64_t insert(const model::schema& schema, const std::string& table, const fields& row) {
    const auto held = hold();
    const model::table& t = runtime::guarded::planned_write(schema, model::write::kind::insert, table, row, nullptr, {});
    runtime::writes::statement_text text = runtime::writes::insert(t, row, dialect);
    text.sql += " RETURNING " + sql::identifier("id");
    const result r = connection_->run(text.sql, text.params);
    replicas_->primary_wrote();
    if (runtime::writes::field_value(row, "id")) follow_written_id(t);
    return static_cast<std::int64_t>(std::stoll(std::string(r.text(0, 0))));
  }
  std::int64_t update(const model::schema& schema, const std::string& table, const fields& changes, const condition& where,
                      write_options options = {}) {
    const auto held = hold();
    const model::table& t = runtime::guarded::planned_write(schema, model::write::kind::update, table, changes, &where, options);
    const auto text = runtime::writes::update(t, changes, where, dialect);
    replicas_->primary_wrote();
    return connection_->run(text.sql, text.params).changed();
  }
  std::int64_t remove(const model::schema& schema, const std::string& table, const condition& where,
                      write_options options = {}) {
    const auto held = hold();
    const model::table& t = runtime::guarded::planned_write(schema, model::write::kind::remove, table, {}, &where, options);
    const auto text = runtime::writes::remove(t, where, dialect);
    replicas_->primary_wrote();
    return connection_->run(text.sql, text.params).changed();
  }

  table_query query(const model::schema& schema, const std::string& table) {
    return table_query(*this, schema, runtime::guarded::table_of(schema, table));
  }

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
  // Writes from a struct; a std::chrono::sys_time field is written as microseconds.
  template <class Schema, reflection::row_struct Row>
  std::int64_t insert(const Schema& schema, const std::string& table, const Row& row) {
    return insert(model_of(schema), table, runtime::typed::fields_to_insert(row, table, true));
  }
  template <class Schema, reflection::row_struct Row>
  std::int64_t update(const Schema& schema, const std::string& table, const Row& changes, const condition& where,
                      write_options options = {}) {
    return update(model_of(schema), table, runtime::typed::fields_of(changes, true), where, options);
  }
  template <class Schema>
  std::int64_t remove(const Schema& schema, const std::string& table, const condition& where, write_options options = {}) {
    return remove(model_of(schema), table, where, options);
  }
  template <class Schema, class Table>
  table_query query(const Schema& schema, const Table& table) {
    return query(model_of(schema), std::string(table.name.view()));
  }

  // SQL without parameters (DDL, SET, BEGIN).
  void exec(const std::string& sql) {
    const auto held = hold();
    replicas_->primary_wrote();
    connection_->exec(sql);
  }
  // A statement with parameters ($1, $2, ...), prepared once per connection.
  result run(const std::string& sql, const std::vector<param>& params = {}) {
    const auto held = hold();
    replicas_->primary_wrote();
    return connection_->run(sql, params);
  }
  // Runs `read(connection)` where a read belongs: a replica, or the primary (inside a
  // transaction, for a read that locks rows, without replicas, or when none can serve it).
  template <class Read>
  void read_on(const compiled_read& r, Read&& read) {
    const auto held = hold();
    const bool own_writes = r.read_your_writes || replicas_->options().read_your_writes;
    if (depth_ == 0 && !r.locks_rows && !replicas_->empty() &&
        replicas_->run(own_writes, *connection_, read, [this](const std::string& m) { warnings_.push_back(m); }))
      return;
    read(*connection_);
  }

  postgres::connection& connection() { return *connection_; }
  const std::vector<std::string>& warnings() const {
    const auto held = hold();
    if (std::string notice = connection_->take_notice(); !notice.empty()) warnings_.push_back(std::move(notice));
    return warnings_;
  }
  void warn(const std::string& message) {
    const auto held = hold();
    warnings_.push_back(message);
  }
  row_decoder& decoder() { return decoder_; }

 private:
  // A row written with its id: the identity moves past it, so that the next row without
  // one does not collide (SQLite's rowid does the same by itself).
  void follow_written_id(const model::table& t) {
    const std::string table = sql::identifier(t.name);
    connection_->run("SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST((SELECT max(\"id\") FROM " + table +
                         "), 1))",
                     {param(table)});
  }

  friend class postgres::transaction;

  std::unique_ptr<postgres::connection> connection_;
  std::unique_ptr<replica_set> replicas_ = std::make_unique<replica_set>(replica_options{});
  runtime::guarded::model_cache models_;
  mutable std::vector<std::string> warnings_;  // mutable: the connection's notice joins them when read
  row_decoder decoder_;
  std::unique_ptr<std::recursive_mutex> mutex_ = std::make_unique<std::recursive_mutex>();
  int depth_ = 0;
};


template <class Each>
void table_query::each_row(const compiled_read& read, Each&& each) const {
  db_.read_on(read, [&](postgres::connection& on) {
    const result r = on.run(read.sql, read.params);
    if (read.fan_out_limit > 0 && r.rows() > read.fan_out_limit) throw runtime::too_many_parents(table_.name, read.fan_out_limit);
    for (int row = 0; row < r.rows(); ++row) each(r, row);
  });
}


namespace typed {

// A parent row's field: a column through its node, a load from its JSON.
template <class F>
void read_top_field(const result& r, int row, int column, row_decoder& decoder, const runtime::row_plan& plan,
                    std::size_t index, F& out) {
  const runtime::row_plan::source& from = plan.fields[index];
  if constexpr (runtime::typed::readable_value<F>) {
    if (from.column)
      runtime::typed::read_value(column < 0 ? node() : column_node(r, row, column, from.column->kind, plan.table->name, from.key),
                                out, plan, from);
  } else if constexpr (runtime::typed::readable_row<F>) {
    if (!from.nested) return;
    std::optional<runtime::json_value> value;
    if (column >= 0 && !r.is_null(row, column)) value = decoder.parse(r.text(row, column));
    runtime::typed::read_nested(value, out, plan, from);
  }
}

template <class T>
void read_top_row(const result& r, int row, const std::vector<int>& columns, row_decoder& decoder,
                  const runtime::row_plan& plan, T& out) {
  auto fields = reflection::tie_fields(out);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (read_top_field(r, row, columns[I], decoder, plan, I, reflection::field_value(std::get<I>(fields))), ...);
  }(std::make_index_sequence<reflection::field_count<T>>());
}

}  // namespace typed

template <class T>
std::vector<T> table_query::run_typed(const find_options& options, bool unique) const {
  static const model::row_type row = reflection::describe<T>();  // once per struct
  const model::query_options given = runtime::planning::options_of(schema_, &table_, options);
  const std::vector<model::row_problem> problems = model::row_mismatches(schema_, table_, row, options.max_depth, &given);
  if (!problems.empty()) throw row_mismatch_error(problems.front().message);
  const compiled_read read = compile(runtime::typed::options_for(schema_, table_, row.fields, options), unique);
  const auto plan = runtime::typed::plan_of(schema_, table_, row.name, row.fields, true);
  const std::vector<int> columns = runtime::typed::result_columns_of(*plan, read);
  std::vector<T> out;
  each_row(read, [&](const result& r, int i) { typed::read_top_row(r, i, columns, db_.decoder(), *plan, out.emplace_back()); });
  return out;
}

template <reflection::row_struct T>
std::optional<T> table_query::find_first(find_options options) const {
  options.limit = 1;
  return runtime::first_row(run_typed<T>(options, false));
}

template <reflection::row_struct T>
std::optional<T> table_query::find_unique(find_options options) const {
  options.limit = 2;
  return runtime::unique_row(run_typed<T>(options, true), table_.name);
}




}  // namespace orm::postgres
