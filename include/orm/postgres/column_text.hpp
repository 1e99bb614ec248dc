#pragma once
// A parent row's column, read from PostgreSQL's text result: the value a node holds,
// typed by the column's kind, as sqlite/column_values.hpp reads SQLite's. What the kind
// cannot hold is an error naming the table and column.
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include <orm/postgres/vocabulary.hpp>
#include <orm/column_type.hpp>
#include <orm/postgres/connection.hpp>
#include <orm/runtime/errors.hpp>
#include <orm/runtime/node.hpp>
#include <orm/runtime/typed_rows.hpp>

namespace orm::postgres {

runtime::node column_node(const result& r, int row, int column, column_kind kind, std::string_view table,
                          std::string_view name);

// One row of a result, as the shared reads take a backend's row (runtime/database.hpp).
struct result_row {
  const result& r;
  int row;
  bool is_null(int column) const { return r.is_null(row, column); }
  std::string_view text_view(int column) const { return r.text(row, column); }
  int column_count() const { return r.column_count(); }
  std::string_view column_name(int column) const { return r.column_name(column); }
  // A column that is an integer whatever the rows (a COUNT(*)).
  std::int64_t integer(int column) const {
    return column_node(r, row, column, column_kind::integer, "", "").as_integer();
  }
};

inline runtime::node column_node(const result_row& r, int column, column_kind kind, std::string_view table,
                                 std::string_view name) {
  return column_node(r.r, r.row, column, kind, table, name);
}

// A parent row's column into its field, through the value a node holds (the text is
// parsed once either way).
template <class F>
void read_column(const result_row& r, int column, F& out, const runtime::row_plan& plan,
                 const runtime::row_plan::source& from) {
  runtime::typed::read_value(
      column < 0 ? runtime::node() : column_node(r, column, from.column->kind, plan.table->name, from.key), out, plan,
      from);
}

}  // namespace orm::postgres
