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

// What makes loading a relation ambiguous, as the seed system decides it. A relation
// that writes its from/to is never ambiguous by itself; ambiguity is
// - inference: relations with no from/to that more than one relation back could lend
//   columns to; the inferring relations between the same tables under the same alias
//   are one group, reported once;
// - duplicate_name: one table declaring a relation name more than once.
struct ambiguity {
  enum class kind : unsigned char { inference, duplicate_name } what;
  std::vector<int> members;     // the relations at fault, in declaration order
  std::vector<int> candidates;  // inference: the relations that could lend their columns

  std::string message(const schema& s) const {
    auto name = [&](int i) {
      const relation& r = s.relations[static_cast<std::size_t>(i)];
      return "'" + r.source + "." + r.name + "'";
    };
    auto listed = [&](const std::vector<int>& items, const char* last_joint) {
      std::string out;
      for (std::size_t k = 0; k < items.size(); ++k)
        out += (k == 0 ? "" : k + 1 == items.size() ? last_joint : ", ") + name(items[k]);
      return out;
    };
    const relation& first = s.relations[static_cast<std::size_t>(members.front())];
    if (what == kind::duplicate_name)
      return "table '" + first.source + "' declares relation '" + first.name + "' " +
             (members.size() == 2 ? std::string("twice") : std::to_string(members.size()) + " times") +
             "; rename all but one of them";
    const std::string from = candidates.size() == 2 ? listed(candidates, " or ") : "any of " + listed(candidates, ", ");
    if (members.size() == 1)
      return "relation " + name(members.front()) + " has no from/to and could take them from " + from +
             "; give it and its intended inverse the same alias, or write from/to";
    return "relations " + listed(members, " and ") + " have no from/to and each could take them from " + from +
           "; give each edge its own alias on both of its ends, or write from/to";
  }
};

inline std::vector<ambiguity> ambiguities(const schema& s) {
  std::vector<ambiguity> out;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> inference_groups;
  std::map<std::pair<std::string, std::string>, std::vector<int>> by_name;
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const relation& r = s.relations[i];
    by_name[{r.source, r.name}].push_back(static_cast<int>(i));
    if (r.status != resolution::ambiguous_inverse) continue;
    const auto [group, added] = inference_groups.try_emplace({r.source, r.target, r.alias}, out.size());
    if (added) out.push_back({ambiguity::kind::inference, {}, {}});
    ambiguity& a = out[group->second];
    a.members.push_back(static_cast<int>(i));
    for (int c : r.inverse_candidates)
      if (std::find(a.candidates.begin(), a.candidates.end(), c) == a.candidates.end()) a.candidates.push_back(c);
  }
  for (auto& [key, members] : by_name)
    if (members.size() > 1) out.push_back({ambiguity::kind::duplicate_name, std::move(members), {}});
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

  // What is wrong, where, and the way out: the words ormlint reports and migrate refuses with.
  std::string message(const table& t) const;
};

inline bool same_declaration(const variant_field& a, const variant_field& b) {
  return a.kind == b.kind && a.id_table == b.id_table && a.required == b.required && a.unique == b.unique;
}

inline const char* kind_name(column_kind k) {
  switch (k) {
    case column_kind::text: return "text";
    case column_kind::integer: return "integer";
    case column_kind::real: return "real";
    case column_kind::boolean: return "boolean";
    case column_kind::bytes: return "bytes";
    case column_kind::timestamp: return "timestamp";
    case column_kind::id: return "id";
    case column_kind::discriminator: return "discriminator";
  }
  return "?";
}

// How a field is written in the DSL: id("users").not_null()
inline std::string signature(const variant_field& f) {
  std::string s = f.kind == column_kind::id ? "id(\"" + f.id_table + "\")" : std::string(kind_name(f.kind)) + "()";
  if (f.required) s += ".not_null()";
  if (f.unique) s += ".unique()";
  return s;
}

inline std::string discriminator_problem::message(const table& t) const {
  using k = kind;
  const discriminator& d = *subject;
  const std::string nests = "discriminator '" + d.column + "' of '" + t.name + "' nests its variant fields under '" + d.as + "'";
  switch (what) {
    case k::alias_reserved: return nests + ", which is reserved for query options; choose another .as";
    case k::alias_is_column: return nests + ", which is also a column; choose another .as";
    case k::alias_is_relation: return nests + ", which is also a relation of '" + t.name + "'; choose another .as";
    case k::second_discriminator:
      return "table '" + t.name + "' has a second discriminator '" + d.column + "'; a table may have one, so fold these "
             "variants into '" + t.discriminators.front().column + "'";
    case k::no_variants: return "discriminator '" + d.column + "' of '" + t.name + "' has no variants; declare at least one";
    case k::duplicate_variant:
      return "discriminator '" + d.column + "' of '" + t.name + "' declares variant '" + in_variant->name +
             "' twice; a variant name is one value of '" + d.column + "'";
    case k::empty_variant:
      return "variant '" + in_variant->name + "' of '" + t.name + "' declares no fields, so its rows read an empty '" +
             d.as + "'; declare its fields, or suppress this where the value carries no data";
    case k::shadows_column:
      return "field '" + field->name + "' of variant '" + in_variant->name + "' shadows column '" + field->name +
             "' of '" + t.name + "'; rename the field";
    case k::field_differs:
      return "field '" + field->name + "' of variant '" + in_variant->name + "' is " + signature(*field) +
             " but variant '" + first_variant->name + "' declares it " + signature(*first_field) +
             "; a field shared by variants must be declared identically";
  }
  return {};
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
