#pragma once
// SQL functions the runtime's statements call on SQLite, registered on every connection
// (src/sqlite/functions.cpp).
struct sqlite3;

namespace orm::sqlite::functions {

// orm_add(value, amount, 'table.column'): orm::add's sum, refused past the int64 range.
void register_all(sqlite3* db);

}  // namespace orm::sqlite::functions
