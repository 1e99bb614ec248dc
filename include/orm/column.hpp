#pragma once
// column("title", text().not_null()): one named column of a table.
#include <orm/column_type.hpp>
#include <orm/site.hpp>

namespace orm {

struct column_def {
  str name;
  site where;
  column_type type;
  // For a discriminator's variant field: the index of its variant within the table
  // (flat storage); -1 for an ordinary column.
  int variant;
};

constexpr column_def column(named name, column_type type) { return {name.text, name.where, type, -1}; }

}  // namespace orm
