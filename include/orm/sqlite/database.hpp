#pragma once
// orm::sqlite::database: a SQLite file or ":memory:", migrated from a schema, written
// with bound parameters, read with relational queries of one statement each.
#include <sqlite3.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <orm/model/build.hpp>
#include <orm/model/rules.hpp>
#include <orm/model/verdict.hpp>
#include <orm/model/write_plan.hpp>
#include <orm/sqlite/ddl.hpp>
#include <orm/sqlite/decode.hpp>
#include <orm/sqlite/read_sql.hpp>
#include <orm/sqlite/statement.hpp>
#include <orm/sqlite/writes.hpp>

namespace orm::sqlite {

class database;

// Options of an update or remove.
struct write_options {
  bool allow_full_scan = false;  // allow an empty where, which changes every row
};

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

 private:
  compiled_read compile(const find_options& options, bool unique) const;
  std::vector<node> run(const compiled_read& read) const;

  database& db_;
  const model::schema& schema_;
  const model::table& table_;
};

class database {
 public:
  explicit database(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
      const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw sqlite_error("cannot open database '" + path + "': " + message, SQLITE_CANTOPEN);
    }
    // A double-quoted name that matches no column is an error, not a string literal.
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    exec("PRAGMA foreign_keys = ON");
  }
  database(const database&) = delete;
  database& operator=(const database&) = delete;
  ~database() { sqlite3_close(db_); }

  // Creates the tables, indexes and constraints that do not exist yet, in one transaction.
  // A schema that ormlint reports an error in (model/verdict.hpp) is refused, in its words.
  void migrate(const model::schema& schema) {
    if (const auto refusals = model::schema_refusals(schema); !refusals.empty()) {
      std::string message = "the schema cannot be migrated: " + refusals.front();
      for (std::size_t i = 1; i < refusals.size(); ++i) message += "\n  and: " + refusals[i];
      throw schema_error(message);
    }
    exec("BEGIN");
    try {
      for (const std::string& sql : ddl::statements(schema)) exec(sql);
      exec("COMMIT");
    } catch (...) {
      exec("ROLLBACK");
      throw;
    }
  }

  std::int64_t insert(const model::schema& schema, const std::string& table, const fields& row) {
    run(writes::insert(planned(schema, model::write::kind::insert, table, row, nullptr, {}), row));
    return sqlite3_last_insert_rowid(db_);
  }
  // An empty `where` is refused unless `options.allow_full_scan`: it would change every row.
  std::int64_t update(const model::schema& schema, const std::string& table, const fields& changes, const condition& where,
                      write_options options = {}) {
    run(writes::update(planned(schema, model::write::kind::update, table, changes, &where, options), changes, where));
    return sqlite3_changes64(db_);
  }
  std::int64_t remove(const model::schema& schema, const std::string& table, const condition& where,
                      write_options options = {}) {
    run(writes::remove(planned(schema, model::write::kind::remove, table, {}, &where, options), where));
    return sqlite3_changes64(db_);
  }

  table_query query(const model::schema& schema, const std::string& table) {
    return table_query(*this, schema, table_of(schema, table));
  }

  // The same, from the constexpr schema: its model is built once per database.
  template <class Schema>
  const model::schema& model_of(const Schema& schema) {
    auto& slot = models_[static_cast<const void*>(&schema)];
    if (!slot) slot = std::make_unique<model::schema>(model::build(schema));
    return *slot;
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
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      throw sqlite_error("statement failed: " + text + "\n  " + sql, sqlite3_errcode(db_));
    }
  }

  sqlite3* handle() const { return db_; }
  // Warnings of non-strict schemas (a relation load that no index serves).
  const std::vector<std::string>& warnings() const { return warnings_; }
  void warn(const std::string& message) { warnings_.push_back(message); }
  row_decoder& decoder() { return decoder_; }

 private:
  // Plans the write (model/write_plan.hpp), as ormlint does at the call site; the first
  // problem is thrown. Returns the table.
  static const model::table& planned(const model::schema& schema, model::write::kind what, const std::string& table,
                                     const fields& row, const condition* where, write_options options) {
    model::write w;
    w.what = what;
    w.table = {table, {}};
    for (const auto& [name, value] : row) w.fields.push_back(field_of(name, value));
    if (where) {
      for (const auto& term : where->terms())
        if (!term.column.empty()) w.where_columns.push_back({term.column, {}});
      w.where_empty = where->empty();
    }
    w.allow_full_scan = options.allow_full_scan;
    for (const model::query_problem& p : model::plan_write(schema, w)) {
      if (p.what == model::query_problem::kind::full_scan_write) throw full_scan_error(p.message);
      if (p.what == model::query_problem::kind::discriminator_write) throw discriminator_write_error(p.message);
      throw schema_error(p.message);
    }
    return *schema.find_table(table);
  }
  // A field as the planner reads it: every kind and text value is known at run time.
  static model::written_field field_of(const std::string& name, const param& value) {
    using k = model::written_kind;
    model::written_field f{{name, {}}, k::unknown, std::nullopt, {}};
    switch (value.type()) {
      case param::kind::null: f.kind = k::null; break;
      case param::kind::boolean: f.kind = k::boolean; break;
      case param::kind::integer: f.kind = k::integer; break;
      case param::kind::real: f.kind = k::real; break;
      case param::kind::text: f.kind = k::text; f.text = value.text(); break;
      case param::kind::bytes: f.kind = k::bytes; break;
    }
    return f;
  }
  static const model::table& table_of(const model::schema& schema, const std::string& name) {
    const model::table* t = schema.find_table(name);
    if (!t) throw schema_error("the schema has no table '" + name + "'");
    return *t;
  }
  void run(const writes::statement_text& text) {
    statement s(db_, text.sql);
    s.bind(text.params);
    while (s.step()) {
    }
  }

  sqlite3* db_ = nullptr;
  std::map<const void*, std::unique_ptr<model::schema>> models_;
  std::vector<std::string> warnings_;
  row_decoder decoder_;
};

inline compiled_read table_query::sql(const find_options& options) const { return compile(options, false); }

inline compiled_read table_query::compile(const find_options& options, bool unique) const {
  return read_compiler(schema_, options, [this](const std::string& m) { db_.warn(m); }, unique).compile(table_, options);
}

inline std::vector<node> table_query::find_many(const find_options& options) const { return run(compile(options, false)); }

inline std::vector<node> table_query::run(const compiled_read& read) const {
  statement s(db_.handle(), read.sql);
  s.bind(read.params);
  std::vector<node> rows;
  while (s.step()) {
    if (read.fan_out_limit > 0 && static_cast<std::int64_t>(rows.size()) == read.fan_out_limit)
      throw fan_out_error("the query on '" + table_.name + "' loads relations for more than " +
                          std::to_string(read.fan_out_limit) +
                          " parent rows (relation_fan_out_max_keys); add a limit or a narrower where, raise "
                          "defaults.relation_fan_out_max_keys, or pass allow_full_scan");
    rows.push_back(db_.decoder().decode(s.text(0), read.decode));
  }
  return rows;
}

inline std::optional<node> table_query::find_first(find_options options) const {
  options.limit = 1;
  auto rows = find_many(options);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

inline std::optional<node> table_query::find_unique(find_options options) const {
  options.limit = 2;
  auto rows = run(compile(options, true));
  if (rows.size() > 1)
    throw schema_error("find_unique on '" + table_.name + "' matched more than one row; filter on a unique column");
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace orm::sqlite
