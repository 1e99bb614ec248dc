#pragma once
// The facts about a schema that both ormlint's checks and the runtime's guards decide
// on, in one place, so that a finding exists exactly when the runtime refuses.
#include <algorithm>
#include <map>
#include <tuple>
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>

namespace orm::model {

// One lookup a relation load makes: rows of `table` found by `columns`.
struct lookup {
  std::string table;
  std::vector<std::string> columns;
  bool junction = false;
};

// What loading a resolved relation looks up: the junction by its `from` columns, then
// (or only) the target by `to`.
inline std::vector<lookup> lookups_of(const relation& r) {
  std::vector<lookup> out;
  if (r.resolved_through) out.push_back({r.resolved_through->table, r.resolved_through->from, true});
  out.push_back({r.target, r.resolved_to, false});
  return out;
}

// Whether `table` finds rows by `columns` without a scan: the primary key, a .unique()
// base column (SQLite indexes it), or an index whose leading columns match in order.
inline bool lookup_served(const table& t, const std::vector<std::string>& columns) {
  if (columns == std::vector<std::string>{"id"}) return true;
  if (columns.size() == 1) {
    const column* c = t.find_column(columns.front());
    if (c && c->unique && c->variants.empty()) return true;
  }
  return std::any_of(t.indexes.begin(), t.indexes.end(), [&](const index& i) {
    return i.columns.size() >= columns.size() && std::equal(columns.begin(), columns.end(), i.columns.begin());
  });
}

inline bool self_reference_without_alias(const relation& r) { return r.source == r.target && r.alias.empty(); }

// What tells a relation's edge apart, for every relation at once (one pass, so the
// checks stay linear in schema size):
// - sharing[i]: the other relations in the same direction between the same tables under
//   the same alias, in declaration order. Loading i is ambiguous when this is not empty
//   (the two ends of one self-referencing edge may share an alias), or when i is a
//   self-reference without an alias.
// - alias_owner[i]: the first relation to use i's alias owns it for its pair of tables;
//   when that pair is not i's, the owner, else -1.
struct edge_identities {
  std::vector<std::vector<int>> sharing;
  std::vector<int> alias_owner;
};

inline edge_identities identify_edges(const schema& s) {
  edge_identities out{std::vector<std::vector<int>>(s.relations.size()), std::vector<int>(s.relations.size(), -1)};
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<int>> groups;
  std::map<std::string, int> owners;
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const relation& r = s.relations[i];
    groups[{r.source, r.target, r.alias}].push_back(static_cast<int>(i));
    if (r.alias.empty()) continue;
    const int owner = owners.try_emplace(r.alias, static_cast<int>(i)).first->second;
    const relation& o = s.relations[static_cast<std::size_t>(owner)];
    if (std::minmax(o.source, o.target) != std::minmax(r.source, r.target)) out.alias_owner[i] = owner;
  }
  for (const auto& [key, members] : groups) {
    const bool self_with_alias = std::get<0>(key) == std::get<1>(key) && !std::get<2>(key).empty();
    if (members.size() < 2 || (self_with_alias && members.size() <= 2)) continue;
    for (int i : members)
      for (int j : members)
        if (i != j) out.sharing[static_cast<std::size_t>(i)].push_back(j);
  }
  return out;
}

}  // namespace orm::model

namespace orm::model {

// What can be wrong with a discriminator, by the seed's rules. Warnings run; the others
// make the runtime refuse the schema, and ormlint report it.
struct discriminator_problem {
  enum class kind : unsigned char {
    alias_reserved,        // `as` is `with` or `extras`
    alias_is_column,       // `as` names a column of the table
    alias_is_relation,     // `as` names a relation of the table
    second_discriminator,  // a table has one
    no_variants,
    duplicate_variant,
    empty_variant,   // a warning: a value with no data can be meant
    shadows_column,  // a variant field named like a base column
    field_differs,   // a field several variants declare differently
  } what;
  const discriminator* subject = nullptr;
  const variant* in_variant = nullptr;       // the variant at fault
  const variant_field* field = nullptr;      // the field at fault
  const variant* first_variant = nullptr;    // the earlier declaration it clashes with
  const variant_field* first_field = nullptr;
  const column* clashing_column = nullptr;
  const relation* clashing_relation = nullptr;

  bool is_warning() const { return what == kind::empty_variant; }

  const char* summary() const {
    switch (what) {
      case kind::alias_reserved: return "its alias is reserved for query options (with, extras)";
      case kind::alias_is_column: return "its alias is also a column";
      case kind::alias_is_relation: return "its alias is also a relation";
      case kind::second_discriminator: return "its table already has a discriminator";
      case kind::no_variants: return "it has no variants";
      case kind::duplicate_variant: return "it declares a variant twice";
      case kind::empty_variant: return "a variant has no fields";
      case kind::shadows_column: return "a variant field shadows a column";
      case kind::field_differs: return "variants declare one field differently";
    }
    return "";
  }
};

inline bool same_declaration(const variant_field& a, const variant_field& b) {
  return a.kind == b.kind && a.id_table == b.id_table && a.required == b.required && a.unique == b.unique;
}

inline std::vector<discriminator_problem> discriminator_problems(const schema& s, const table& t) {
  using k = discriminator_problem::kind;
  std::vector<discriminator_problem> out;
  for (std::size_t i = 0; i < t.discriminators.size(); ++i) {
    const discriminator& d = t.discriminators[i];
    if (i > 0) out.push_back({k::second_discriminator, &d});
    if (d.as == "with" || d.as == "extras") {
      out.push_back({k::alias_reserved, &d});
    } else if (const column* c = t.find_column(d.as); c && c->variants.empty()) {
      discriminator_problem p{k::alias_is_column, &d};
      p.clashing_column = c;
      out.push_back(p);
    }
    for (const relation& r : s.relations)
      if (r.source == t.name && r.name == d.as) {
        discriminator_problem p{k::alias_is_relation, &d};
        p.clashing_relation = &r;
        out.push_back(p);
      }
    if (d.variants.empty()) out.push_back({k::no_variants, &d});
    std::vector<const variant*> seen_variants;
    std::vector<std::pair<const variant*, const variant_field*>> seen_fields;
    for (int index : d.variants) {
      const variant& v = t.variants[static_cast<std::size_t>(index)];
      for (const variant* earlier : seen_variants)
        if (earlier->name == v.name) {
          discriminator_problem p{k::duplicate_variant, &d, &v};
          p.first_variant = earlier;
          out.push_back(p);
          break;
        }
      seen_variants.push_back(&v);
      if (v.fields.empty()) out.push_back({k::empty_variant, &d, &v});
      for (const variant_field& f : v.fields) {
        if (const column* base = t.find_column(f.name); base && base->variants.empty()) {
          discriminator_problem p{k::shadows_column, &d, &v, &f};
          p.clashing_column = base;
          out.push_back(p);
          continue;
        }
        const auto earlier = std::find_if(seen_fields.begin(), seen_fields.end(),
                                          [&](const auto& e) { return e.second->name == f.name; });
        if (earlier == seen_fields.end()) {
          seen_fields.emplace_back(&v, &f);
        } else if (!same_declaration(*earlier->second, f)) {
          discriminator_problem p{k::field_differs, &d, &v, &f};
          p.first_variant = earlier->first;
          p.first_field = earlier->second;
          out.push_back(p);
        }
      }
    }
  }
  return out;
}

}  // namespace orm::model
