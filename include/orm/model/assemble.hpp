#pragma once
// Assembles the schema model from a schema's pooled arrays, whoever reads them: the
// runtime reads constexpr values (build.hpp), ormlint reads Clang's evaluated APValues
// (tool/extract). Both only convert single elements; this walk, which decides how
// tables own pooled elements, how variant fields fold into flat columns and which
// foreign keys a table has, exists once.
//
// A Pools type provides, each element already converted to model types:
//   options settings() const;  source_site site() const;
//   std::size_t table_count() const;          pooled_table table(std::size_t) const;
//   pooled_column column(std::size_t) const;  index index(std::size_t) const;
//   check check(std::size_t) const;           foreign_key foreign_key(std::size_t) const;
//   variant variant(std::size_t) const;       pooled_discriminator discriminator(std::size_t) const;
//   std::size_t relation_count() const;       relation relation(std::size_t) const;
#include <cstddef>
#include <string>
#include <vector>

#include <orm/model/resolve.hpp>
#include <orm/model/schema_model.hpp>

namespace orm::model {

// A table's name, site and how many entries of each pool it owns, in pool order.
struct pooled_table {
  std::string name;
  source_site site;
  std::size_t columns = 0, indexes = 0, checks = 0, foreign_keys = 0, variants = 0, discriminators = 0;
  bool small = false;
};

struct pooled_column {
  column declared;
  int variant = -1;  // index of its variant within the table; -1 for a base column
};

struct pooled_discriminator {
  discriminator declared;  // variants left empty
  int first_variant = 0;
  int variant_count = 0;
};

namespace detail {

column primary_key(const source_site& table_site);

// A base column is added as is; a variant field is added to its variant and, once per
// name, as a physical column of the flat storage.
void add_column(table& t, const column& declared, int variant_index);

}  // namespace detail

template <class Pools>
schema assemble(const Pools& pools) {
  schema out;
  out.settings = pools.settings();
  out.site = pools.site();
  std::size_t c = 0, i = 0, k = 0, f = 0, v = 0, d = 0;
  for (std::size_t n = 0; n < pools.table_count(); ++n) {
    const pooled_table entry = pools.table(n);
    table t;
    t.name = entry.name;
    t.site = entry.site;
    t.small = entry.small;
    t.columns.push_back(detail::primary_key(t.site));
    std::vector<pooled_discriminator> discriminators;
    for (std::size_t x = 0; x < entry.discriminators; ++x, ++d) discriminators.push_back(pools.discriminator(d));
    for (std::size_t x = 0; x < entry.variants; ++x, ++v) t.variants.push_back(pools.variant(v));
    for (pooled_discriminator& pd : discriminators) {
      for (int y = 0; y < pd.variant_count; ++y)  // only variants the table has, whatever the pools say
        if (const int variant = pd.first_variant + y; variant >= 0 && static_cast<std::size_t>(variant) < t.variants.size())
          pd.declared.variants.push_back(variant);
      t.discriminators.push_back(std::move(pd.declared));
    }
    // Base columns first, so that a variant field sharing a base column's name folds into it.
    std::vector<pooled_column> fields;
    for (std::size_t x = 0; x < entry.columns; ++x, ++c) {
      pooled_column pc = pools.column(c);
      if (pc.variant < 0) detail::add_column(t, pc.declared, -1);
      else fields.push_back(std::move(pc));
    }
    for (const auto& field : fields) detail::add_column(t, field.declared, field.variant);
    for (std::size_t x = 0; x < entry.indexes; ++x, ++i) t.indexes.push_back(pools.index(i));
    for (std::size_t x = 0; x < entry.checks; ++x, ++k) t.checks.push_back(pools.check(k));
    for (const auto& col : t.columns)
      if (col.references)
        t.foreign_keys.push_back({"", {col.name}, col.references->table, {col.references->column},
                                  col.references->options, col.site});
    for (std::size_t x = 0; x < entry.foreign_keys; ++x, ++f) t.foreign_keys.push_back(pools.foreign_key(f));
    out.tables.push_back(std::move(t));
  }
  for (std::size_t n = 0; n < pools.relation_count(); ++n) out.relations.push_back(pools.relation(n));
  resolve(out);
  return out;
}

}  // namespace orm::model
