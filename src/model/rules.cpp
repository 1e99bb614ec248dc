#include <orm/model/rules.hpp>

#include <set>

namespace orm::model {

std::vector<lookup> lookups_of(const relation& r) {
  std::vector<lookup> out;
  if (r.resolved_through) out.push_back({r.resolved_through->table, r.resolved_through->from, true});
  out.push_back({r.target, r.resolved_to, false});
  return out;
}

bool lookup_served(const table& t, const std::vector<std::string>& columns) {
  if (columns == std::vector<std::string>{"id"}) return true;
  if (columns.size() == 1) {
    const column* c = t.find_column(columns.front());
    if (c && c->unique && c->variants.empty()) return true;
  }
  return std::any_of(t.indexes.begin(), t.indexes.end(), [&](const index& i) {
    return i.columns.size() >= columns.size() && std::equal(columns.begin(), columns.end(), i.columns.begin());
  });
}

namespace {

// The ends under one alias between one pair of tables (either way round) that cannot be
// the two ends of one edge: more than two, or two that go the same way between two
// tables (on a self-reference, the direction of two ends cannot tell them apart).
std::vector<ambiguity> shared_aliases(const schema& s) {
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<int>> ends;
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const relation& r = s.relations[i];
    if (r.alias.empty()) continue;
    ends[{std::min(r.source, r.target), std::max(r.source, r.target), r.alias}].push_back(static_cast<int>(i));
  }
  std::vector<ambiguity> out;
  for (auto& [key, members] : ends) {
    const relation& a = s.relations[static_cast<std::size_t>(members.front())];
    const relation& b = s.relations[static_cast<std::size_t>(members.back())];
    const bool same_way = members.size() == 2 && a.source != a.target && a.source == b.source;
    if (members.size() > 2 || same_way) out.push_back({ambiguity::kind::shared_alias, std::move(members), {}});
  }
  std::sort(out.begin(), out.end(), [](const ambiguity& x, const ambiguity& y) { return x.members < y.members; });
  return out;
}

}  // namespace

bool member_of(const std::vector<ambiguity>& found, ambiguity::kind k, int index) {
  return std::any_of(found.begin(), found.end(), [&](const ambiguity& a) {
    return a.what == k && std::find(a.members.begin(), a.members.end(), index) != a.members.end();
  });
}

std::vector<ambiguity> ambiguities(const schema& s) {
  std::vector<ambiguity> out = shared_aliases(s);
  std::set<int> aliased_wrongly;
  for (const ambiguity& a : out) aliased_wrongly.insert(a.members.begin(), a.members.end());
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> inference_groups;
  std::map<std::pair<std::string, std::string>, std::vector<int>> by_name;
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const relation& r = s.relations[i];
    by_name[{r.source, r.name}].push_back(static_cast<int>(i));
    if (r.status != resolution::ambiguous_inverse) continue;
    if (aliased_wrongly.count(static_cast<int>(i))) continue;
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

bool same_declaration(const variant_field& a, const variant_field& b) {
  return a.kind == b.kind && a.id_table == b.id_table && a.required == b.required && a.unique == b.unique;
}

const char* kind_name(column_kind k) {
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

std::string signature(const variant_field& f) {
  std::string s = f.kind == column_kind::id ? "id(\"" + f.id_table + "\")" : std::string(kind_name(f.kind)) + "()";
  if (f.required) s += ".not_null()";
  if (f.unique) s += ".unique()";
  return s;
}

std::string discriminator_problem::message(const table& t) const {
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

std::vector<discriminator_problem> discriminator_problems(const schema& s, const table& t) {
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
