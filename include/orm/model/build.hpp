#pragma once
// Builds the schema model from a constexpr schema value at run time. The Clang front
// end mirrors this walk over evaluated APValues; a parity test keeps them equal.
#include <string>
#include <vector>

#include <orm/model/resolve.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/schema.hpp>

namespace orm::model {

namespace convert {

inline std::string text(str s) { return std::string(s.view()); }
inline source_site where(const site& s) { return {s.file, s.line, s.column}; }
inline std::vector<std::string> names(const name_list& list) {
  std::vector<std::string> out;
  for (str n : list) out.push_back(text(n));
  return out;
}
inline literal literal_of(const value& v) { return {v.kind, v.integer, v.real, text(v.text)}; }
inline condition condition_of(const predicate& p) {
  condition out;
  for (const auto& n : p) out.push_back({n.op, text(n.column), literal_of(n.operand), n.arity});
  return out;
}

inline column column_of(const column_def& c) {
  column out;
  out.name = text(c.name);
  out.kind = c.type.kind;
  out.id_table = text(c.type.id_table);
  out.not_null = c.type.is_not_null;
  out.unique = c.type.is_unique;
  out.default_value = literal_of(c.type.default_to);
  if (!c.type.references_table.empty())
    out.references = reference{text(c.type.references_table), text(c.type.references_column),
                               {c.type.references_on_delete, c.type.references_on_update}};
  out.site = where(c.where);
  return out;
}

inline column primary_key(const source_site& table_site) {
  column id;
  id.name = "id";
  id.kind = column_kind::integer;
  id.not_null = true;
  id.unique = true;
  id.implicit = true;
  id.site = table_site;
  return id;
}

// Adds a declared column to a table: a base column as is; a variant field both to its
// variant and, once per name, as a physical column of the flat storage.
inline void add_column(table& t, const column& declared, int variant_index) {
  if (variant_index < 0) {
    t.columns.push_back(declared);
    return;
  }
  auto& v = t.variants[static_cast<std::size_t>(variant_index)];
  v.fields.push_back({declared.name, declared.kind, declared.id_table, declared.not_null, declared.unique, declared.site});
  const int existing = t.column_index(declared.name);
  if (existing >= 0) {
    // Another variant's field of that name shares its column; a base column of that
    // name stays a base column (the discriminator check reports the shadowing).
    auto& shared = t.columns[static_cast<std::size_t>(existing)];
    if (!shared.variants.empty()) shared.variants.push_back(variant_index);
    return;
  }
  column physical = declared;
  physical.variants = {variant_index};
  t.columns.push_back(physical);
}

inline foreign_key foreign_key_of(const foreign_key_def& f) {
  return {text(f.name), names(f.columns), text(f.target_table), names(f.target_columns), {f.on_delete, f.on_update},
          where(f.where)};
}

inline relation relation_of(const relation_def& r) {
  relation out;
  out.kind = r.kind;
  out.source = text(r.source);
  out.name = text(r.name);
  out.target = text(r.target);
  out.from = names(r.from);
  out.to = names(r.to);
  out.alias = text(r.alias);
  out.optional = r.optional;
  out.where = condition_of(r.filter);
  if (!r.through_table.empty()) out.through = through_junction{text(r.through_table), names(r.through_from), names(r.through_to)};
  out.part = text(r.part);
  out.site = where(r.where);
  return out;
}

}  // namespace convert

// Variant fields are added after the base columns so that a field sharing a base
// column's name folds into it (the discriminator check reports the shadowing).
template <std::size_t NT, std::size_t NC, std::size_t NI, std::size_t NK, std::size_t NF, std::size_t NV,
          std::size_t ND, std::size_t NR>
schema build(const schema_def<NT, NC, NI, NK, NF, NV, ND, NR>& s) {
  schema out;
  out.settings = {s.options.strict, s.options.defaults.default_limit, s.options.defaults.relation_fan_out_max_keys};
  out.site = convert::where(s.where);
  std::size_t c = 0, i = 0, k = 0, f = 0, v = 0, d = 0;
  for (const table_entry& e : s.tables) {
    table t;
    t.name = convert::text(e.name);
    t.site = convert::where(e.where);
    t.columns.push_back(convert::primary_key(t.site));
    for (std::size_t n = 0; n < e.discriminators; ++n, ++d) {
      const auto& disc = s.discriminators[d];
      discriminator out_d{convert::text(disc.column), convert::text(disc.as), {}, convert::where(disc.where)};
      for (int x = 0; x < disc.variant_count; ++x) out_d.variants.push_back(disc.first_variant + x);
      t.discriminators.push_back(out_d);
    }
    for (std::size_t n = 0; n < e.variants; ++n, ++v) {
      const auto& var = s.variants[v];
      t.variants.push_back({convert::text(var.name), var.discriminator, {}, convert::where(var.where)});
    }
    const std::size_t first_column = c;
    for (std::size_t n = 0; n < e.columns; ++n, ++c)
      if (s.columns[c].variant < 0) convert::add_column(t, convert::column_of(s.columns[c]), -1);
    for (std::size_t n = 0; n < e.columns; ++n) {
      const auto& col = s.columns[first_column + n];
      if (col.variant >= 0) convert::add_column(t, convert::column_of(col), col.variant);
    }
    for (std::size_t n = 0; n < e.indexes; ++n, ++i) {
      const auto& idx = s.indexes[i];
      t.indexes.push_back({convert::text(idx.name), idx.unique, convert::names(idx.columns), convert::where(idx.where)});
    }
    for (std::size_t n = 0; n < e.checks; ++n, ++k)
      t.checks.push_back({convert::text(s.checks[k].name), convert::condition_of(s.checks[k].condition),
                          convert::where(s.checks[k].where)});
    for (const auto& col : t.columns)
      if (col.references)
        t.foreign_keys.push_back({"", {col.name}, col.references->table, {col.references->column},
                                  col.references->options, col.site});
    for (std::size_t n = 0; n < e.foreign_keys; ++n, ++f) t.foreign_keys.push_back(convert::foreign_key_of(s.foreign_keys[f]));
    out.tables.push_back(std::move(t));
  }
  for (const auto& r : s.relation_defs) out.relations.push_back(convert::relation_of(r));
  resolve(out);
  return out;
}

}  // namespace orm::model
