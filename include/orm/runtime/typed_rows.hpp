#pragma once
// find_many<T>: rows decoded straight into the user's structs, no node tree in between.
// The struct's shape is the query: its column fields select columns, its relation fields
// load relations (with the options the call's `with` gives them). The rules in
// model/row_rules.hpp decide first whether T can hold the rows, as ormlint does. Each
// backend reads the parent row's columns from its own result (sqlite/typed_rows.hpp,
// postgres/database.hpp); the loads' JSON and the written fields are read here.
#include <chrono>
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <orm/model/row_rules.hpp>
#include <orm/reflection/describe.hpp>
#include <orm/runtime/decode.hpp>
#include <orm/runtime/errors.hpp>
#include <orm/runtime/find_options.hpp>
#include <orm/runtime/param.hpp>
#include <orm/runtime/read_plan.hpp>
#include <orm/runtime/time_conversion.hpp>

namespace orm::runtime {

// A struct that cannot hold the rows of its query (model/row_rules.hpp).
struct row_mismatch_error : schema_error {
  using schema_error::schema_error;
};

// Where each field of a struct comes from, resolved once per call.
struct row_plan {
  struct source {
    std::string key;                        // the field's name: the row's JSON member
    const model::column* column = nullptr;  // a column field
    std::unique_ptr<row_plan> nested;       // a relation or variant alias field
    bool relation = false;
  };
  const model::table* table = nullptr;
  std::string row_name;
  std::vector<source> fields;
  // A timestamp's integer counts microseconds (PostgreSQL), not the field's own duration.
  bool microsecond_timestamps = false;
};

namespace typed {

// The plan of `fields` on table `t`; the rules have accepted them.
std::unique_ptr<row_plan> plan_of(const model::schema& s, const model::table& t, const std::string& row_name,
                                         const std::vector<model::row_field>& fields,
                                         bool microsecond_timestamps = false);

// The call's options with the struct's shape: its columns selected, its relations loaded,
// each load keeping the options the call gave it.
find_options options_for(const model::schema& s, const model::table& t,
                                const std::vector<model::row_field>& fields, const find_options& given);

// The field types decoding knows. Any other field compiles, and the rules refuse it
// (a row_mismatch_error) before a row is read.
template <class F>
struct value_type_of {
  using type = F;
};
template <class F>
struct value_type_of<std::optional<F>> {
  using type = F;
};
template <class F>
concept readable_value = [] {
  using v = typename value_type_of<F>::type;
  using kind = model::row_field::value_kind;
  constexpr kind k = reflection::field_traits<v>::value;
  return k == kind::boolean || k == kind::integer || k == kind::real || k == kind::text || k == kind::bytes ||
         k == kind::time_point;
}();
template <class F>
concept readable_row = [] {
  using v = typename value_type_of<F>::type;
  if constexpr (reflection::is_vector<F>::value)
    return reflection::row_struct<typename F::value_type> && !reflection::is_vector<typename F::value_type>::value;
  else
    return reflection::row_struct<v> && !reflection::is_vector<v>::value;
}();

// A timestamp's stored integer as the field's time point, or refused when it cannot hold it.
template <class F>
F time_point_of(std::int64_t stored, const row_plan& plan, const row_plan::source& from) {
  return timestamps::time_point_of<F>(stored, plan.microsecond_timestamps, plan.table->name + "." + from.key, from.key);
}

// A NULL for a field that is not std::optional: the error, compiled once (typed_rows.cpp).
[[noreturn]] void null_into_required(const row_plan& plan, const row_plan::source& from);

template <class F>
void read_value(node value, F& out, const row_plan& plan, const row_plan::source& from) {
  using traits = reflection::field_traits<F>;
  if constexpr (reflection::is_optional<F>::value) {
    if (value.is_null()) {
      out.reset();
      return;
    }
    typename F::value_type inner{};
    read_value(std::move(value), inner, plan, from);
    out = std::move(inner);
  } else {
    if (value.is_null()) null_into_required(plan, from);
    using kind = model::row_field::value_kind;
    if constexpr (traits::value == kind::boolean)
      out = value.as_boolean();
    else if constexpr (traits::value == kind::integer)
      out = static_cast<F>(value.as_integer());
    else if constexpr (traits::value == kind::time_point)
      out = time_point_of<F>(value.as_integer(), plan, from);
    else if constexpr (traits::value == kind::real)
      out = static_cast<F>(value.as_real());
    else if constexpr (traits::value == kind::text)
      out = std::move(value).take_text();
    else if constexpr (traits::value == kind::bytes) {
      const std::string bytes = std::move(value).take_text();
      out.assign(reinterpret_cast<const typename F::value_type*>(bytes.data()),
                 reinterpret_cast<const typename F::value_type*>(bytes.data() + bytes.size()));
    }
  }
}

template <class T>
void read_row(const json_value& object, const row_plan& plan, T& out);

// A relation field's result column when a statement of its own loads it (result_columns_of).
inline constexpr int loaded_later = -2;

// A relation field that found no row and cannot be empty (neither a list nor std::optional).
runtime::error missing_row(const row_plan& plan, const row_plan::source& from);

// The struct of a relation field's rows: the list's, the optional's, or the field's own.
template <class F>
struct row_of_field {
  using type = F;
};
template <class F>
struct row_of_field<std::vector<F>> {
  using type = F;
};
template <class F>
struct row_of_field<std::optional<F>> {
  using type = F;
};

// A relation's rows, read by a statement of its own, into the field: a list takes them
// all, anything else the first (take(i) gives the i-th of `rows`).
template <class F, class Take>
void assign_loaded(F& field, std::span<const std::size_t> rows, Take&& take) {
  if constexpr (reflection::is_vector<F>::value) {
    field.reserve(rows.size());
    for (std::size_t i : rows) field.push_back(take(i));
  } else {
    if (!rows.empty()) field = take(rows.front());
  }
}

template <class F>
void read_nested(const std::optional<json_value>& value, F& out, const row_plan& plan, const row_plan::source& from) {
  if constexpr (reflection::is_vector<F>::value) {
    out.clear();
    if (!value) return;
    const std::vector<json_value> items = value->items();
    out.reserve(items.size());
    for (const json_value& item : items) read_row(item, *from.nested, out.emplace_back());
  } else if constexpr (reflection::is_optional<F>::value) {
    if (!value || value->is_null()) {
      out.reset();
      return;
    }
    read_row(*value, *from.nested, out.emplace());
  } else {
    if (!value || value->is_null()) throw missing_row(plan, from);
    read_row(*value, *from.nested, out);
  }
}

template <class F>
void read_field(const json_value& object, const row_plan& plan, std::size_t index, F& out) {
  const row_plan::source& from = plan.fields[index];
  const std::optional<json_value> value = object.member(from.key);
  if constexpr (readable_value<F>) {
    if (from.column)
      read_value(value ? value->column(from.column->kind, plan.table->name, from.key) : node(), out, plan, from);
  } else if constexpr (readable_row<F>) {
    if (from.nested) read_nested(value, out, plan, from);
  }
}

template <class T>
void read_row(const json_value& object, const row_plan& plan, T& out) {
  auto fields = reflection::tie_fields(out);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (read_field(object, plan, I, reflection::field_value(std::get<I>(fields))), ...);
  }
  (std::make_index_sequence<reflection::field_count<T>>());
}

// A parent row's field from a backend's result row `r`: a column straight into the
// field through read_column(r, i, out, plan, from), declared beside the row's type; a
// load from its JSON (r.is_null(i), r.text_view(i)).
template <class Row, class F>
void read_top_field(const Row& r, int column, row_decoder& decoder, const row_plan& plan, std::size_t index, F& out) {
  const row_plan::source& from = plan.fields[index];
  if constexpr (readable_value<F>) {
    if (from.column) read_column(r, column, out, plan, from);
  } else if constexpr (readable_row<F>) {
    if (!from.nested || column == loaded_later) return;
    std::optional<json_value> value;
    if (column >= 0 && !r.is_null(column)) value = decoder.parse(r.text_view(column));
    read_nested(value, out, plan, from);
  }
}

template <class Row, class T>
void read_top_row(const Row& r, const std::vector<int>& columns, row_decoder& decoder, const row_plan& plan, T& out) {
  auto fields = reflection::tie_fields(out);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (read_top_field(r, columns[I], decoder, plan, I, reflection::field_value(std::get<I>(fields))), ...);
  }
  (std::make_index_sequence<reflection::field_count<T>>());
}

// For each field of the parent row, the result column that holds it (-1: none;
// loaded_later: a relation loaded by a statement of its own, filled after the row).
std::vector<int> result_columns_of(const row_plan& plan, const compiled_read& read);

// db.returning<T>(): T's fields must be columns of `t` (a write returns the rows it wrote,
// not what they relate to): a row_mismatch_error otherwise, in the row rules' words first.
// The RETURNING list, each column as reads return it (a native timestamp as microseconds).
std::string returning_list(const model::schema& s, const model::table& t, const model::row_type& row,
                           const sql::dialect& d);

// run<T>(sql, params): the result of a statement of your own, described as a table whose
// columns are T's fields, each of the kind its type holds and NOT NULL unless it is
// std::optional. A field that no column can hold (a struct, a list, an integer narrower
// than 64 bits) is a row_mismatch_error, in the row rules' words.
model::table statement_result_of(const model::row_type& row);
// For each field, the statement's result column of its name; a field that names none is
// a row_mismatch_error that lists the columns there are.
std::vector<int> statement_columns_of(const model::row_type& row, const std::vector<std::string_view>& names,
                                      const std::string& sql);

// A struct to write, as the column values a write takes: each field by its name; an
// empty std::optional is not set (the column keeps its default, or NULL). A field that is
// no column (a relation's rows) is passed on by name, and the write planner refuses it
// as it refuses any unknown column, in the words ormlint uses.
template <class F>
void add_written(fields& out, std::string_view name, const F& value, bool microsecond_timestamps) {
  using kind = model::row_field::value_kind;
  using traits = reflection::field_traits<F>;
  if constexpr (reflection::is_optional<F>::value) {
    if (value) add_written(out, name, *value, microsecond_timestamps);
  } else if constexpr (traits::value == kind::boolean) {
    out.emplace_back(std::string(name), param(static_cast<bool>(value)));
  } else if constexpr (traits::value == kind::integer) {
    out.emplace_back(std::string(name), param(static_cast<long long>(value)));
  } else if constexpr (traits::value == kind::time_point) {
    out.emplace_back(std::string(name),
                     param(static_cast<long long>(timestamps::stored_of(value, microsecond_timestamps, name))));
  } else if constexpr (traits::value == kind::real) {
    out.emplace_back(std::string(name), param(static_cast<double>(value)));
  } else if constexpr (traits::value == kind::text) {
    out.emplace_back(std::string(name), param(value));
  } else if constexpr (traits::value == kind::bytes) {
    out.emplace_back(std::string(name),
                     param(blob{std::string(reinterpret_cast<const char*>(value.data()), value.size())}));
  } else {
    out.emplace_back(std::string(name), param());
  }
}

template <reflection::row_struct Row>
fields fields_of(const Row& row, bool microsecond_timestamps = false) {
  fields out;
  const auto values = reflection::tie_fields(row);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (add_written(out,
                 reflection::column_name_of<std::remove_cvref_t<decltype(std::get<I>(values))>>(
                     reflection::field_names<Row>[I]),
                 reflection::field_value(std::get<I>(values)), microsecond_timestamps),
     ...);
  }
  (std::make_index_sequence<reflection::field_count<Row>>());
  return out;
}

// fields_of for an insert. A plain integer `id` holding 0 is the struct used for reading,
// written before the database numbered it: it would store a row with id 0 (and the next
// such insert would collide), so it is refused; std::optional leaves the numbering to the
// database, and any other value is written as the id asked for.
template <reflection::row_struct Row>
fields fields_to_insert(const Row& row, const std::string& table, bool microsecond_timestamps = false) {
  const auto values = reflection::tie_fields(row);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    const auto refuse_unset_id = [&](std::string_view name, const auto& value) {
      using F = std::remove_cvref_t<decltype(value)>;
      if constexpr (std::is_integral_v<F> && !std::is_same_v<F, bool>)
        if (name == "id" && value == 0)
          throw schema_error("the struct written to '" + table +
                             "' has a plain integer 'id' holding 0, which would "
                             "store a row with id 0 instead of letting the database number it; declare the field "
                             "std::optional<std::int64_t> and leave it empty on insert (or set the id you want)");
    };
    (refuse_unset_id(reflection::column_name_of<std::remove_cvref_t<decltype(std::get<I>(values))>>(
                         reflection::field_names<Row>[I]),
                     reflection::field_value(std::get<I>(values))),
     ...);
  }
  (std::make_index_sequence<reflection::field_count<Row>>());
  return fields_of(row, microsecond_timestamps);
}

}  // namespace typed

}  // namespace orm::runtime
