#pragma once
// find_many<T> on SQLite: the parent row's columns straight from the statement into the
// struct's fields; the loads' JSON and everything else of a typed row is shared
// (runtime/typed_rows.hpp).
#include <sqlite3.h>

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include <orm/runtime/typed_rows.hpp>
#include <orm/sqlite/column_values.hpp>
#include <orm/sqlite/statement.hpp>
#include <orm/sqlite/vocabulary.hpp>

namespace orm::sqlite {

// A parent row's column straight from the statement into its field: no node in between.
// runtime::typed::read_top_row finds it beside the statement's type.
template <class F>
void read_column(const statement& s, int i, F& out, const row_plan& plan, const row_plan::source& from) {
  // Under the connection's mutex, as every row loop is (column_value).
  const column_value v = i < 0 ? column_value(nullptr) : s.value(i);  // no column: never read
  const int stored = i < 0 ? SQLITE_NULL : checked_storage(v, from.column->kind, plan.table->name, from.key);
  if constexpr (reflection::is_optional<F>::value) {
    if (stored == SQLITE_NULL) {
      out.reset();
      return;
    }
    read_column(s, i, out.emplace(), plan, from);
  } else {
    if (stored == SQLITE_NULL) runtime::typed::null_into_required(plan, from);
    using kind = model::row_field::value_kind;
    using traits = reflection::field_traits<F>;
    if constexpr (traits::value == kind::boolean)
      out = v.integer() != 0;
    else if constexpr (traits::value == kind::integer)
      out = static_cast<F>(v.integer());
    else if constexpr (traits::value == kind::time_point)
      out = runtime::typed::time_point_of<F>(v.integer(), plan, from);
    else if constexpr (traits::value == kind::real)
      out = static_cast<F>(stored == SQLITE_INTEGER ? static_cast<double>(v.integer()) : v.real());
    else if constexpr (traits::value == kind::text)
      out.assign(v.text_view());
    else if constexpr (traits::value == kind::bytes) {
      const std::string_view bytes = stored == SQLITE_BLOB ? v.blob_view() : v.text_view();
      out.assign(reinterpret_cast<const typename F::value_type*>(bytes.data()),
                 reinterpret_cast<const typename F::value_type*>(bytes.data() + bytes.size()));
    }
  }
}

}  // namespace orm::sqlite
