#pragma once
// Builds the schema model from a constexpr schema value at run time: each pooled
// element converted to model types, assembled by assemble.hpp (shared with ormlint) in
// src/model/build.cpp.
#include <span>
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>
#include <orm/schema.hpp>

namespace orm::model {

namespace convert {

std::string text(str s);
source_site where(const site& s);
std::vector<std::string> names(const name_list& list);
literal literal_of(const value& v);
predicate_term term_of(const predicate_node& n);
condition condition_of(const predicate& p);

}  // namespace convert

// A constexpr schema's pools as spans, whatever their sizes: one assembler, compiled once
// in src/model/build.cpp, serves every schema type (a template per schema type cost each
// user's unit that includes a schema 13 KB of code and its compile time).
struct schema_pools_view {
  std::span<const table_entry> tables;
  std::span<const column_def> columns;
  std::span<const index_def> indexes;
  std::span<const check_def> checks;
  std::span<const foreign_key_def> foreign_keys;
  std::span<const variant_def> variants;
  std::span<const discriminator_def> discriminators;
  std::span<const relation_def> relations;
  schema_options options;
  site where;
};
schema build(const schema_pools_view& pools);

template <std::size_t NT, std::size_t NC, std::size_t NI, std::size_t NK, std::size_t NF, std::size_t NV,
          std::size_t ND, std::size_t NR>
schema_pools_view pools_of(const schema_def<NT, NC, NI, NK, NF, NV, ND, NR>& s) {
  return {{s.tables.items, s.tables.size},
          {s.columns.items, s.columns.size},
          {s.indexes.items, s.indexes.size},
          {s.checks.items, s.checks.size},
          {s.foreign_keys.items, s.foreign_keys.size},
          {s.variants.items, s.variants.size},
          {s.discriminators.items, s.discriminators.size},
          {s.relation_defs.items, s.relation_defs.size},
          s.options,
          s.where};
}

template <std::size_t NT, std::size_t NC, std::size_t NI, std::size_t NK, std::size_t NF, std::size_t NV,
          std::size_t ND, std::size_t NR>
schema build(const schema_def<NT, NC, NI, NK, NF, NV, ND, NR>& s) {
  return build(pools_of(s));
}

}  // namespace orm::model
