#include <orm/sqlite/failure_reasons.hpp>

namespace orm::sqlite::failure {

std::string file_of(sqlite3* db) {
  const char* name = sqlite3_db_filename(db, "main");
  return name && *name ? name : ":memory:";
}

std::string lock_or_file_reason(sqlite3* db, int extended_code, const connection_facts& facts) {
  switch (extended_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "another connection held the database's lock for longer than this connection waits for it "
             "(open_options::busy_timeout_ms, " + std::to_string(facts.busy_timeout_ms) +
             " ms); keep other connections' write transactions short, open every connection with .wal = true so "
             "that reads and the writer do not wait for each other, or raise busy_timeout_ms";
    default: break;
  }
  const std::string file = file_of(db);
  switch (extended_code) {
    case SQLITE_READONLY_DIRECTORY:
    case SQLITE_READONLY_CANTINIT:
    case SQLITE_READONLY_RECOVERY:
      return "the database is in WAL mode, and SQLite must create or write '" + file + "-wal' and '" + file +
             "-shm' next to it even to read it, which it cannot do in that directory; make the directory (and those "
             "files) writable for this user, or, if no process writes the database while it is open, open it with "
             "{.read_only = true, .immutable = true}";
    default: break;
  }
  if ((extended_code & 0xff) == SQLITE_READONLY && facts.read_only)
    return "this connection was opened with open_options::read_only = true; open another without it to write";
  return "";
}

const param* written(const fields& row, const std::string& column) {
  for (const auto& [name, value] : row)
    if (name == column) return &value;
  return nullptr;
}

std::string columns_of(const std::string& table, const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + table + "." + c;
  return out;
}

bool any_row(sqlite3* db, const std::string& sql, const std::vector<param>& params) {
  statement s(db, sql);
  s.bind(params);
  return s.step();
}

std::string missing_parent(sqlite3* db, const model::table& t, const fields& row) {
  for (const model::foreign_key& fk : t.foreign_keys) {
    std::vector<param> values;
    std::string where, shown_values;
    for (std::size_t i = 0; i < fk.columns.size(); ++i) {
      const param* v = written(row, fk.columns[i]);
      if (!v || v->is_null()) break;
      values.push_back(*v);
      where += std::string(i ? " AND " : "") + sql::identifier(fk.target_columns[i]) + " = ?";
      shown_values += (i ? ", " : "") + sql::literal(*v, dialect);
    }
    if (values.size() != fk.columns.size()) continue;  // not written: SQLite did not check it
    if (any_row(db, "SELECT 1 FROM " + sql::identifier(fk.target_table) + " WHERE " + where + " LIMIT 1", values)) continue;
    return columns_of(t.name, fk.columns) + " = " + shown_values + " refers to no row of " + fk.target_table + " (" +
           columns_of(fk.target_table, fk.target_columns) + "); insert the " + fk.target_table +
           " row first, or write a value that " + fk.target_table + " has (or null, where the column allows it)";
  }
  return "";
}

std::string remaining_children(sqlite3* db, const model::schema& s, const model::table& t, const condition& where) {
  for (const model::table& child : s.tables)
    for (const model::foreign_key& fk : child.foreign_keys) {
      if (fk.target_table != t.name) continue;
      std::vector<param> params;
      const std::string rows = sql::render(where, t, sql::identifier(t.name), &params, dialect, &s);
      const std::string own = "(" + ddl::names(fk.columns) + ")", theirs = ddl::names(fk.target_columns);
      if (!any_row(db, "SELECT 1 FROM " + sql::identifier(child.name) + " WHERE " + own + " IN (SELECT " + theirs +
                           " FROM " + sql::identifier(t.name) + " WHERE " + rows + ") LIMIT 1",
                   params))
        continue;
      return "rows of " + child.name + " still refer to these " + t.name + " rows through " +
             columns_of(child.name, fk.columns) + ", whose foreign key has no on_delete cascade or set_null; remove "
             "or re-point those " + child.name + " rows first, or declare the reference with {.on_delete = "
             "fk_action::cascade} (or set_null)";
    }
  return "";
}

std::string foreign_key_reason(sqlite3* db, const model::schema& s, const model::table& t, const fields* row,
                                      const condition* where) {
  try {
    std::string reason = row ? missing_parent(db, t, *row) : "";
    if (reason.empty() && where) reason = remaining_children(db, s, t, *where);
    return reason;
  } catch (const error&) {
    return "";  // the diagnosis could not run (the lock, say): SQLite's words stand alone
  }
}

sqlite_error with_reason(const sqlite_error& e, const std::string& reason) {
  if (reason.empty()) return e;
  std::string what = e.what();
  const std::size_t end = std::min(what.find('\n'), what.size());
  what.insert(end, ": " + reason);
  return sqlite_error(what, e.code, e.extended_code);
}

}  // namespace orm::sqlite::failure
