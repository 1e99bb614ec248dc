#pragma once
// Typed rows: whether a C++ struct can hold the rows of a query. A field named like a
// column reads that column; a field named like a relation loads it; a field named like a
// discriminator's alias holds the active variant's fields. The runtime describes the
// struct by reflection (orm/reflection/describe.hpp) and ormlint from Clang's record of it;
// both ask this, so they refuse the same structs with the same words.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <orm/model/names.hpp>
#include <orm/model/query_model.hpp>
#include <orm/model/row_shape.hpp>
#include <orm/model/rules.hpp>
#include <orm/model/schema_model.hpp>

namespace orm::model {

struct row_problem {
  enum class kind : unsigned char {
    unknown_field,  // names no column, relation or variant alias
    wrong_type,     // the C++ type cannot hold the column's values (or a relation's rows)
    not_optional,   // a nullable column or a one() that may be missing, into a non-optional field
    unrequested,    // `with` loads a relation the struct has no field for
    depth,          // relation fields nested deeper than max_depth
    cursor_field,   // find_page<T>: a column of the cursor T has no field for
  } what;
  std::string message;
  source_site site;        // the field (empty for unrequested: the call's `with`)
  std::string suggestion;  // the close name, or the type to write
};

namespace detail {

// The C++ type a column reads into, as the docs name it.
const char* cpp_type_for(column_kind k);

bool holds(row_field::value_kind v, column_kind k);


}  // namespace detail

// The field of `row` (at any depth) declared at `site`; null when none is.
const row_field* find_row_field(const std::vector<row_field>& fields, const source_site& site);
const row_field* find_row_field(const row_type& row, const source_site& site);

namespace detail {
// Adds the loads of `shape` to `o` (and to the loads `o` already names, at any depth).
void add_row_loads(const row_shape& shape, query_options& o);
}  // namespace detail

// The query a find_*<T> runs: the call's own, plus a load for each relation field of T
// (at the field's site) that its `with` does not name, nested as T nests them. The
// runtime loads what T's fields name; planning this query finds the same refusals
// (an unbounded many(), a missing index) that the runtime's planner finds.
query with_row_loads(const schema& s, query q);

// Every reason `row` cannot hold the rows of table `t`, fields in declaration order; `given`
// is the call's own options (its `with` loads), when known.
std::vector<row_problem> row_mismatches(const schema& s, const table& t, const row_type& row, int max_depth,
                                               const query_options* given = nullptr, const source_site& call = {});

// What a keyset cursor is made of (find_page): the order's columns, then the id unless the
// order names it, so that rows with equal order values still have one place each.
std::vector<std::string> cursor_columns(std::vector<std::string> order);

// find_page<T>: the next and previous cursors are read from the first and last rows, so
// each column of the cursor (cursor_columns of `order`) must be a field of `row`. A
// problem per missing field, at the call.
std::vector<row_problem> cursor_field_mismatches(const row_type& row, const std::vector<std::string>& order,
                                                 const source_site& call = {});

// Every reason `row` cannot hold the rows a write of table `t` returns (db.returning<T>()):
// those columns only, so a field that names a relation, a relation count or a
// discriminator's variants is refused as no column; then row_mismatches at depth 0.
std::vector<row_problem> returned_row_mismatches(const schema& s, const table& t, const row_type& row);

}  // namespace orm::model
