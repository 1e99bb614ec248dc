#pragma once
// What SQLite's words for a failure leave unsaid: the cause in this program's terms (which
// option, which file, which table and column) and the way out. SQLite says "database is
// locked", "attempt to write a readonly database" or "FOREIGN KEY constraint failed" and
// names none of them.
#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <vector>

#include <orm/sqlite/dialect.hpp>
#include <orm/sqlite/vocabulary.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/runtime/condition.hpp>
#include <orm/runtime/ddl.hpp>
#include <orm/runtime/param.hpp>
#include <orm/runtime/sql_text.hpp>
#include <orm/sqlite/statement.hpp>

namespace orm::sqlite::failure {

// The connection's options the reasons name.
struct connection_facts {
  int busy_timeout_ms = 0;
  bool read_only = false;
};

std::string file_of(sqlite3* db);

// Why a lock or a file stopped the statement, or "" when SQLite's words say it all.
std::string lock_or_file_reason(sqlite3* db, int extended_code, const connection_facts& facts);

const param* written(const fields& row, const std::string& column);

std::string columns_of(const std::string& table, const std::vector<std::string>& columns);

bool any_row(sqlite3* db, const std::string& sql, const std::vector<param>& params);

// A written row whose foreign key names no row: which key, which value, which table.
std::string missing_parent(sqlite3* db, const model::table& t, const fields& row);

// Rows of other tables that still refer to the rows a remove (or a key update) would
// change, under a foreign key without on_delete cascade or set_null.
std::string remaining_children(sqlite3* db, const model::schema& s, const model::table& t, const condition& where);

// Which foreign key a write broke: the written row's own reference, or, for a remove or an
// update of a referenced key, the rows that still refer to the rows it changes.
std::string foreign_key_reason(sqlite3* db, const model::schema& s, const model::table& t, const fields* row,
                                      const condition* where);

// `e` with `reason` after its first line.
sqlite_error with_reason(const sqlite_error& e, const std::string& reason);

}  // namespace orm::sqlite::failure
