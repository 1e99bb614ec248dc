#pragma once
// The one description of a schema that the runtime, its guards and ormlint's checks
// read. Plain structs with owned strings: the runtime builds them from constexpr
// values (build.hpp), the Clang front end from evaluated APValues. resolve.hpp fills
// in the derived parts (indices, inferred relation ends) in one place for both.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <orm/load_strategy.hpp>
#include <orm/column_type.hpp>
#include <orm/predicate.hpp>
#include <orm/relation.hpp>
#include <orm/value.hpp>

namespace orm::model {

struct source_site {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  friend bool operator==(const source_site&, const source_site&) = default;
};

struct literal {
  value_kind kind = value_kind::none;
  std::int64_t integer = 0;
  double real = 0;
  std::string text;
  friend bool operator==(const literal&, const literal&) = default;
};

struct predicate_term {
  predicate_op op = predicate_op::eq;
  std::string column;
  literal operand;
  unsigned arity = 0;
  friend bool operator==(const predicate_term&, const predicate_term&) = default;
};
using condition = std::vector<predicate_term>;  // postfix, as in orm::predicate

struct reference {
  std::string table;
  std::string column;
  reference_options options;
};

struct column {
  std::string name;
  column_kind kind = column_kind::text;
  std::string id_table;
  bool not_null = false;  // declared; a variant field's NOT NULL holds in its branch only
  bool unique = false;
  literal default_value;
  std::optional<reference> references;
  std::vector<int> variants;  // variants that declare this column; empty for a base column
  bool implicit = false;      // the primary key every table has
  source_site site;

  bool nullable_in_storage() const { return !not_null || !variants.empty(); }
  // No stored row holds NULL here (a cursor can seek by it).
  bool never_null() const { return implicit || !nullable_in_storage(); }
};

struct index {
  std::string name;
  bool unique = false;
  std::vector<std::string> columns;
  source_site site;
};

struct check {
  std::string name;
  condition predicate;
  source_site site;
};

struct foreign_key {
  std::string name;
  std::vector<std::string> columns;
  std::string target_table;
  std::vector<std::string> target_columns;
  reference_options options;
  source_site site;
};

// One field as a variant declares it. Several variants may declare the same name;
// storage then has one column for them (see column::variants).
struct variant_field {
  std::string name;
  column_kind kind = column_kind::text;
  std::string id_table;
  bool required = false;  // .not_null() inside a variant: required in that branch
  bool unique = false;
  source_site site;
};

struct variant {
  std::string name;
  int discriminator = 0;
  std::vector<variant_field> fields;
  source_site site;
};

struct discriminator {
  std::string column;
  std::string as;
  std::vector<int> variants;
  source_site site;
};

struct table {
  std::string name;
  std::vector<column> columns;  // physical columns: `id` first, then as declared
  std::vector<index> indexes;
  std::vector<check> checks;
  std::vector<foreign_key> foreign_keys;  // table-level and column-level alike
  std::vector<variant> variants;
  std::vector<discriminator> discriminators;
  source_site site;
  bool small = false;  // small_table(): reading all of it is no cost

  const column* find_column(std::string_view name) const;
  int column_index(std::string_view name) const;
};

// How a relation's columns were established.
enum class resolution : unsigned char {
  declared,           // from/to written on the relation (or primary keys, for through)
  inferred,           // from/to taken, mirrored, from the one inverse relation
  missing_inverse,    // no from/to, and no inverse to infer them from
  ambiguous_inverse,  // no from/to, and several relations could be the inverse
  unknown_name,       // it (or the inverse it infers from) names a table or column that does not exist
};

struct through_junction {
  std::string table;
  std::vector<std::string> from;  // junction columns holding the source's `from` values
  std::vector<std::string> to;    // junction columns holding the target's `to` values
  friend bool operator==(const through_junction&, const through_junction&) = default;
};

struct relation {
  relation_kind kind = relation_kind::one;
  std::string source;
  std::string name;
  std::string target;
  std::vector<std::string> from;  // as written
  std::vector<std::string> to;    // as written
  std::string alias;
  bool optional = true;
  condition where;
  std::optional<through_junction> through;
  std::string part;  // define_relations_part name; empty when written in the schema
  source_site site;

  // Filled by resolve(): what loading this relation actually joins on.
  resolution status = resolution::declared;
  std::vector<std::string> resolved_from;
  std::vector<std::string> resolved_to;
  std::optional<through_junction> resolved_through;
  int inverse = -1;                     // index of the inverse relation, when there is exactly one
  std::vector<int> inverse_candidates;  // every relation that could be the inverse
  std::vector<int> other_part_candidates;  // inverse candidates that only another part holds
  std::vector<int> unmirrored_partners;    // same tables and alias, but columns that do not mirror

  bool declares_columns() const { return !from.empty() || !to.empty(); }
  bool is_resolved() const { return status == resolution::declared || status == resolution::inferred; }
};

struct options {
  bool strict = true;
  std::int64_t default_limit = 0;  // 0: none
  std::int64_t relation_fan_out_max_keys = 1000;
  load_strategy default_load = load_strategy::automatic;  // schema_defaults::load_strategy
};

struct schema {
  std::string name;  // the C++ variable, where known (the Clang front end sets it)
  std::vector<table> tables;
  std::vector<relation> relations;
  options settings;
  source_site site;

  const table* find_table(std::string_view name) const;
  int table_index(std::string_view name) const;
  // The relations declared on `table` called `name` (more than one is a mistake).
  std::vector<int> relations_named(std::string_view table, std::string_view name) const;
};

// --- inline definitions -------------------------------------------------------------


}  // namespace orm::model
