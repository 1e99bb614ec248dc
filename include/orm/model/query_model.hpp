#pragma once
// A query as the planner reads it: what a find_* call asks of the schema, with the
// names as written. The runtime builds one from its find_options (no sites); ormlint
// builds one from a call site (the site of each string literal), leaving out what it
// cannot see, so that the planner decides both the same way.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>
#include <orm/predicate.hpp>

namespace orm::model {

// A name as a query writes it, and where (empty at run time).
struct written_name {
  std::string text;
  source_site site;
};

struct query_load;

struct query_options {
  enum class selection : unsigned char { all, include, exclude } columns_mode = selection::all;
  std::vector<written_name> columns;
  std::vector<written_name> where_columns;  // every column the filter names
  // The relations the filter tests with some/none/every, each with what its own filter
  // names on the related table (where_columns and filter_relations only).
  std::vector<query_load> filter_relations;
  std::vector<written_name> order_columns;
  // The filter as the runtime's postfix condition (operators and columns, no values), and
  // whether each order column is descending: what orm-unindexed-query explains. At a call
  // site, filled in only when the whole filter (order) is seen there.
  std::optional<condition> filter;
  std::optional<std::vector<bool>> order_descending;
  std::optional<std::int64_t> limit;   // the value, when known
  std::optional<std::int64_t> offset;
  bool limit_given = false;  // a limit is written (at a call site its value may be unknown)
  // A keyset cursor given (.after, .before, or both), and where: the order it pages by
  // must be NOT NULL columns of the table (orm-cursor-order).
  enum class paging : unsigned char { none, after, before, both } pages = paging::none;
  source_site pages_site;
  source_site limit_site, offset_site;
  // The load strategy asked for (orm/load_strategy.hpp), as its number, when known.
  std::optional<std::int64_t> strategy;
  source_site strategy_site;
  std::vector<query_load> with;
  std::vector<written_name> counts;  // relations whose rows each row counts (.count)
};

struct query_load {
  written_name relation;
  query_options options;
};

// A call made once per row of another query: inside a loop over that query's rows, with
// filter values taken from the row. Only ormlint fills it in, from the loop it reads.
struct per_row_call {
  std::string outer_table;
  source_site outer_site;                  // the query whose rows the loop iterates
  std::vector<written_name> row_columns;   // the filter's columns whose values come from the row
  std::string call;                        // the repeated call: find_many, update, ...
  // When the call sits in a helper function that the loop calls with a row's value: that
  // call, and the helper's name (empty otherwise).
  source_site through;
  std::string helper;
};

// A field of a row struct, as far as the rules care.
struct row_field {
  enum class value_kind : unsigned char { integer, real, text, bytes, boolean, time_point, row, unsupported };
  std::string name;
  value_kind kind = value_kind::unsupported;
  bool optional = false;  // std::optional<...>
  bool sequence = false;  // std::vector<...> of rows
  bool narrow = false;    // an integer narrower than 64 bits or unsigned, or a float
  std::string type;       // the field's C++ type, for messages
  std::string row_name;   // kind == row: the struct's name
  std::vector<row_field> fields;  // kind == row
  source_site site;       // ormlint: the field's name where it is declared
  // ormlint: where the name is written (the identifier, or orm::renamed's string literal,
  // then `name_quoted`), for the fix-it that renames it.
  source_site name_site;
  bool name_quoted = false;
  // ormlint: the field's type as written, from its first token to its last (for fix-its).
  std::string type_written;
  source_site type_begin, type_last;
};

struct row_type {
  std::string name;
  std::vector<row_field> fields;
  source_site site;
};

// What aggregate() computes over a table's rows (model/aggregate.hpp): COUNT(*), and sum,
// avg, min or max of a column, per group of rows that share the group_by columns' values.
enum class aggregate_fn : unsigned char { count, sum, avg, min, max };

struct aggregate_term {
  aggregate_fn fn = aggregate_fn::count;
  written_name column;  // empty for count
};

struct aggregation {
  std::vector<written_name> group_by;
  std::vector<aggregate_term> terms;
  // Every name is seen (at a call site, a list built at run time is not): only then can a
  // row struct's field be told to name nothing the aggregate computes.
  bool complete = true;
};

struct query {
  std::string table;
  query_options top;
  bool allow_full_scan = false;  // written and not literally false
  int max_depth = 3;
  source_site site;
  std::optional<per_row_call> per_row;
  std::optional<row_type> row;  // find_*<T>: the struct the rows decode into
  bool page = false;             // find_page: cursors are made from the rows' order columns
  std::optional<aggregation> aggregate;  // aggregate(): top's where filters the rows it reads
  // find_unique: its where must pin a unique key. `pinned` is what the filter fixes with
  // eq(...) through ANDs only; unknown (nullopt) when a call site's filter is not all seen.
  bool unique = false;
  std::optional<std::vector<std::string>> pinned;
};

// The columns a filter (in the runtime's postfix form) fixes with eq(...) whatever else it
// says: through `all` connectives only; `any` and `negate` pin nothing.
template <class Terms>
std::vector<std::string> pinned_columns(const Terms& terms) {
  std::vector<std::vector<std::string>> stack;
  for (const auto& t : terms) {
    const auto op = t.op;
    if (op == predicate_op::all || op == predicate_op::any || op == predicate_op::negate) {
      std::vector<std::string> joined;
      for (unsigned i = 0; i < t.arity && !stack.empty(); ++i) {
        if (op == predicate_op::all) joined.insert(joined.end(), stack.back().begin(), stack.back().end());
        stack.pop_back();
      }
      stack.push_back(std::move(joined));
    } else {
      stack.push_back(op == predicate_op::eq ? std::vector<std::string>{t.column} : std::vector<std::string>{});
    }
  }
  return stack.size() == 1 ? stack.front() : std::vector<std::string>{};
}

// The kind of a value a write sets: at run time its parameter's; at a call site, the
// C++ type the parameter is built from (unknown when it is a parameter already).
// What a written value is. add_integer, add_real and clock are computed by the database:
// orm::add / orm::sub of an integer or a real from the row's current value (updates
// only), orm::now from its clock.
enum class written_kind : unsigned char { unknown, null, boolean, integer, real, text, bytes, add_integer, add_real, clock };

struct written_field {
  written_name name;
  written_kind kind = written_kind::unknown;
  std::optional<std::string> text;  // the text value, when known (a discriminator's variant)
  source_site value_site;
};

// A write as the planner reads it: insert(schema, "users", {{"name", ...}}), update,
// remove. Field names as written; at a call site, only the fields written as literals.
struct write {
  // upsert: an insert that, when the row conflicts with one on the unique key `conflict_on`,
  // sets that row's `on_conflict` fields instead (ON CONFLICT ... DO UPDATE).
  enum class kind : unsigned char { insert, update, remove, upsert } what = kind::insert;
  written_name table;
  std::vector<written_field> fields;
  bool fields_complete = true;  // every field the write sets is in `fields` (not so when a name is not seen)
  std::vector<written_name> where_columns;
  std::vector<query_load> filter_relations;  // as in a read's query_options
  bool where_empty = false;  // the filter is known to be empty: it would touch every row
  bool allow_full_scan = false;
  source_site site;
  std::optional<per_row_call> per_row;
  // upsert only. `conflict_on_known`: every name of .on was seen (at a call site, a list
  // built at run time is not). `on_conflict`: what a conflicting row is set to; nullopt
  // when .update is not given (the row's own fields but the key's).
  std::vector<written_name> conflict_on;
  bool conflict_on_known = true;
  std::optional<std::vector<written_field>> on_conflict;
  bool on_conflict_complete = true;
  // db.returning<T>().<write>: the struct the rows it wrote come back as.
  std::optional<row_type> returned;

  bool inserts() const { return what == kind::insert || what == kind::upsert; }
};

}  // namespace orm::model
