#pragma once
// A parent row's column, read from PostgreSQL's text result: the value a node holds,
// typed by the column's kind, as sqlite/column_values.hpp reads SQLite's. What the kind
// cannot hold is an error naming the table and column.
#include <charconv>
#include <string>
#include <string_view>

#include <orm/postgres/vocabulary.hpp>
#include <orm/column_type.hpp>
#include <orm/postgres/connection.hpp>
#include <orm/runtime/errors.hpp>
#include <orm/runtime/node.hpp>

namespace orm::postgres {

runtime::node column_node(const result& r, int row, int column, column_kind kind, std::string_view table,
                                std::string_view name);

}  // namespace orm::postgres
