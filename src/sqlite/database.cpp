#include <orm/sqlite/database.hpp>

#include <orm/runtime/database_impl.hpp>
#include <orm/sqlite/read_sql.hpp>

namespace orm::sqlite {

namespace {

// A path as a URI that opens it immutable: '%', '?' and '#' would otherwise end or
// change it.
std::string immutable_uri(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "file:";
  for (const unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c <= ' ' || c >= 0x7f) (out += '%') += std::string{hex[c >> 4], hex[c & 15]};
    else out += static_cast<char>(c);
  }
  return out + "?immutable=1";
}

}  // namespace

database::database(const std::string& path, const open_options& options)
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

database::database(database&& other) noexcept
    : basic_database(std::move(other)), db_(std::exchange(other.db_, nullptr)), facts_(other.facts_),
      statements_(std::move(other.statements_)) {}

database& database::operator=(database&& other) noexcept {
  if (this != &other) {
    statements_.clear();  // finalized before the connection closes
    sqlite3_close(db_);
    basic_database::operator=(std::move(other));
    db_ = std::exchange(other.db_, nullptr);
    facts_ = other.facts_;
    statements_ = std::move(other.statements_);
  }
  return *this;
}

database::~database() {
  statements_.clear();  // finalized before the connection closes
  sqlite3_close(db_);
}

void database::exec(const std::string& sql) {
  const auto held = hold();
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw explained(sqlite_error("statement failed: " + text + "\n  " + sql, sqlite3_errcode(db_), sqlite3_extended_errcode(db_)));
  }
}

std::int64_t database::exec(const std::string& sql, const std::vector<param>& params) {
  return run_statement(sql, params, [](const statement&) {});
}

void database::check_own_statement(const statement& s, const std::string& sql, std::size_t params) {
  if (s.more_statements())
    throw sqlite_error("a statement of your own with parameters is run alone, and this text holds more after it; run "
                       "them one call at a time\n  " + sql, SQLITE_MISUSE);
  if (s.parameter_count() != static_cast<int>(params))
    throw sqlite_error("the statement has " + std::to_string(s.parameter_count()) + " parameters, and " +
                       std::to_string(params) + " were given\n  " + sql, SQLITE_RANGE);
}

compiled_read database::compile_read(const model::schema& schema, const model::table& table, const find_options& options,
                                     warning_sink warn, bool unique) const {
  return read_compiler(schema, options, std::move(warn), unique).compile(table, options);
}

std::int64_t database::write(const model::schema& schema, const model::table& t, const runtime::writes::statement_text& text,
                             runtime::writes::answer wanted, std::span<const fields> rows, const condition* where) {
  std::int64_t returned_id = 0;  // an upsert's RETURNING: last_insert_rowid misses a row it changed
  try {
    explaining([&] {
      auto s = prepared(text.sql);
      s->bind(text.params);
      while (s->step()) returned_id = s->integer(0);
    });
  } catch (const sqlite_error& e) {
    throw write_failure(e, schema, t, rows, where);
  }
  switch (wanted) {
    case runtime::writes::answer::returned_id: return returned_id;
    case runtime::writes::answer::new_id: return sqlite3_last_insert_rowid(db_);
    case runtime::writes::answer::rows_changed: break;
  }
  return sqlite3_changes64(db_);
}

sqlite_error database::write_failure(const sqlite_error& e, const model::schema& schema, const model::table& t,
                                     std::span<const fields> rows, const condition* where) const {
  if (e.extended_code != SQLITE_CONSTRAINT_FOREIGNKEY) return e;
  // The first row whose parent is missing (a batch's row, by its place in the batch).
  std::string reason;
  for (std::size_t i = 0; i < rows.size() && reason.empty(); ++i) {
    reason = failure::foreign_key_reason(db_, schema, t, &rows[i], nullptr);
    if (!reason.empty() && rows.size() > 1) reason = "row " + std::to_string(i + 1) + " of the batch: " + reason;
  }
  if (reason.empty() && where) reason = failure::foreign_key_reason(db_, schema, t, nullptr, where);
  return failure::with_reason(e, reason);
}

migration_plan database::introspect(const model::schema& schema) const {
  migration_plan plan;
  explaining([&] { plan = sqlite::plan_migration(db_, schema); });
  return plan;
}

void database::explaining(detail::function_ref<void()> f) const {
  try {
    f();
  } catch (const sqlite_error& e) {
    throw explained(e);
  }
}

sqlite_error database::explained(const sqlite_error& e) const {
  return failure::with_reason(e, failure::lock_or_file_reason(db_, e.extended_code, facts_));
}

}  // namespace orm::sqlite

template class orm::runtime::basic_database<orm::sqlite::database>;
template class orm::runtime::basic_table_query<orm::sqlite::database>;
template void orm::runtime::load_keys::push<orm::sqlite::statement>(const orm::sqlite::statement&, int, orm::column_kind);
