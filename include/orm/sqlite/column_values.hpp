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
int checked_storage(const column_value& v, column_kind kind, std::string_view table, std::string_view column);

node column_node(const column_value& v, column_kind kind, std::string_view table, std::string_view column);

// Read under the connection's mutex (column_value), as the row loops of database.hpp are.
// A read calls this for every column of every row: the common cases (an integer column
// holding an integer, a text column holding text) inline, the rest as above.
inline node column_node(const statement& s, int i, column_kind kind, std::string_view table, std::string_view column) {
  const column_value v = s.value(i);
  const int stored = v.type();
  if (stored == SQLITE_INTEGER && (kind == column_kind::integer || kind == column_kind::id))
    return node::of_integer(v.integer());
  if (stored == SQLITE_TEXT && kind == column_kind::text) return node::of_text(std::string(v.text_view()));
  return column_node(v, kind, table, column);
}

}  // namespace orm::sqlite
