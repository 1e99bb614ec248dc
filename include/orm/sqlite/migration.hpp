#pragma once
// What a SQLite database file has, read for `migrate` (sqlite_schema, PRAGMA table_info /
// index_list / index_info); the rules that compare it with the schema are shared with
// PostgreSQL (migration_diff.hpp).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <sqlite3.h>

#include <orm/sqlite/dialect.hpp>
#include <orm/sqlite/vocabulary.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/runtime/migration_diff.hpp>
#include <orm/sqlite/statement.hpp>

namespace orm::sqlite {

namespace migration_detail {

using namespace runtime::migration_detail;

inline std::map<std::string, existing_column> columns_of(sqlite3* db, const std::string& table) {
  std::map<std::string, existing_column> out;
  statement s(db, "SELECT name, type, \"notnull\" FROM pragma_table_info(?)");
  s.bind(1, param(table));
  while (s.step()) out[s.text(0)] = {s.text(1), s.integer(2) != 0};
  return out;
}

// The indexes of a table: name -> "UNIQUE? (columns)", with how each was made.
inline std::map<std::string, existing_index> indexes_of(sqlite3* db, const std::string& table) {
  std::map<std::string, existing_index> out;
  statement list(db, "SELECT name, \"unique\", origin FROM pragma_index_list(?)");
  list.bind(1, param(table));
  while (list.step()) {
    std::vector<std::string> columns;
    statement info(db, "SELECT name FROM pragma_index_info(?) ORDER BY seqno");
    info.bind(1, param(list.text(0)));
    while (info.step()) columns.push_back(info.text(0));
    out[list.text(0)] = {index_definition(list.integer(1) != 0, columns), list.text(2)};
  }
  return out;
}

inline bool table_exists(sqlite3* db, const std::string& table) {
  statement s(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
  s.bind(1, param(table));
  return s.step();
}

}  // namespace migration_detail

// What migrate would do to `db` for `s`, without doing it.
inline migration_plan plan_migration(sqlite3* db, const model::schema& s) {
  return runtime::plan_migration(s, dialect, [db](const std::string& table) -> std::optional<migration_detail::existing_table> {
    if (!migration_detail::table_exists(db, table)) return std::nullopt;
    return migration_detail::existing_table{migration_detail::columns_of(db, table), migration_detail::indexes_of(db, table)};
  });
}

}  // namespace orm::sqlite
