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

std::map<std::string, existing_column> columns_of(sqlite3* db, const std::string& table);

// The indexes of a table: name -> "UNIQUE? (columns)", with how each was made.
std::map<std::string, existing_index> indexes_of(sqlite3* db, const std::string& table);

bool table_exists(sqlite3* db, const std::string& table);

}  // namespace migration_detail

// What migrate would do to `db` for `s`, without doing it.
migration_plan plan_migration(sqlite3* db, const model::schema& s);

}  // namespace orm::sqlite
