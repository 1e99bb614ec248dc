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
  std::vector<written_name> order_columns;
  std::optional<std::int64_t> limit;   // the value, when known
  std::optional<std::int64_t> offset;
  bool limit_given = false;  // a limit is written (at a call site its value may be unknown)
  source_site limit_site, offset_site;
  std::vector<query_load> with;
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
};

struct query {
  std::string table;
  query_options top;
  bool allow_full_scan = false;  // written and not literally false
  int max_depth = 3;
  source_site site;
  std::optional<per_row_call> per_row;
};

// A write as the planner reads it: insert(schema, "users", {{"name", ...}}), update,
// remove. Field names as written; at a call site, only the fields written as literals.
struct write {
  enum class kind : unsigned char { insert, update, remove } what = kind::insert;
  written_name table;
  std::vector<written_name> fields;
  std::vector<written_name> where_columns;
  bool where_empty = false;  // the filter is known to be empty: it would touch every row
  bool allow_full_scan = false;
  source_site site;
  std::optional<per_row_call> per_row;
};

}  // namespace orm::model
