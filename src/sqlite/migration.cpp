#include <orm/sqlite/migration.hpp>

namespace orm::sqlite::migration_detail {

std::map<std::string, existing_column> columns_of(sqlite3* db, const std::string& table) {
  std::map<std::string, existing_column> out;
  statement s(db, "SELECT name, type, \"notnull\" FROM pragma_table_info(?)");
  s.bind(1, param(table));
  while (s.step()) out[s.text(0)] = {s.text(1), s.integer(2) != 0};
  return out;
}

std::map<std::string, existing_index> indexes_of(sqlite3* db, const std::string& table) {
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

bool table_exists(sqlite3* db, const std::string& table) {
  statement s(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
  s.bind(1, param(table));
  return s.step();
}

}  // namespace orm::sqlite::migration_detail

namespace orm::sqlite {

migration_plan plan_migration(sqlite3* db, const model::schema& s) {
  return runtime::plan_migration(s, dialect, [db](const std::string& table) -> std::optional<migration_detail::existing_table> {
    if (!migration_detail::table_exists(db, table)) return std::nullopt;
    return migration_detail::existing_table{migration_detail::columns_of(db, table), migration_detail::indexes_of(db, table)};
  });
}

}  // namespace orm::sqlite
