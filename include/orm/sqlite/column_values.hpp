#pragma once
// A parent row's column, read from the statement as SQLite stored it: the value a node
// holds, typed by the column's kind (booleans are stored 0/1). The same rules as the
// decoder applies to a value inside JSON (src/runtime/decode.cpp): what the kind cannot
// hold, written behind the runtime's back, is an error naming the table and column.
#include <sqlite3.h>

#include <string>
#include <string_view>

#include <orm/sqlite/vocabulary.hpp>
#include <orm/column_type.hpp>
#include <orm/runtime/node.hpp>
#include <orm/sqlite/statement.hpp>

namespace orm::sqlite {

// The value's storage class (SQLITE_NULL, SQLITE_INTEGER, ...), once checked against the
// column's kind: what the kind cannot hold is refused here, for nodes and typed rows alike.
inline int checked_storage(const statement& s, int i, column_kind kind, std::string_view table, std::string_view column) {
  const int stored = s.type(i);
  const auto refuse = [&](const char* what) {
    const std::string held = stored == SQLITE_TEXT ? "text '" + std::string(s.text_view(i)) + "'" : "a value of another type";
    return sqlite::error("'" + std::string(table) + "." + std::string(column) + "' holds " + held + ", which is not " + what);
  };
  if (stored == SQLITE_NULL) return stored;
  switch (kind) {
    case column_kind::boolean:
      if (stored != SQLITE_INTEGER) throw refuse("a boolean");
      break;
    case column_kind::integer:
    case column_kind::id:
    case column_kind::timestamp:
      if (stored != SQLITE_INTEGER) throw refuse("an integer");
      break;
    case column_kind::real:
      if (stored != SQLITE_INTEGER && stored != SQLITE_FLOAT) throw refuse("a real");
      break;
    case column_kind::bytes: break;
    default:
      if (stored == SQLITE_BLOB) throw refuse("text");
  }
  return stored;
}

inline node column_node(const statement& s, int i, column_kind kind, std::string_view table, std::string_view column) {
  const int stored = checked_storage(s, i, kind, table, column);
  if (stored == SQLITE_NULL) return node();
  switch (kind) {
    case column_kind::boolean: return node::of_boolean(s.integer(i) != 0);
    case column_kind::integer:
    case column_kind::id:
    case column_kind::timestamp: return node::of_integer(s.integer(i));
    case column_kind::real: return node::of_real(stored == SQLITE_INTEGER ? static_cast<double>(s.integer(i)) : s.real(i));
    case column_kind::bytes:
      return node::of_text(std::string(stored == SQLITE_BLOB ? s.blob_view(i) : s.text_view(i)), node::kind::bytes);
    default:
      if (stored == SQLITE_INTEGER) return node::of_integer(s.integer(i));
      if (stored == SQLITE_FLOAT) return node::of_real(s.real(i));
      return node::of_text(std::string(s.text_view(i)));
  }
}

}  // namespace orm::sqlite
