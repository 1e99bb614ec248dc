#include "checks/discriminator_collision.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

namespace orm::checks {

namespace {

constexpr const char* id = "orm-discriminator-collision";

void report(findings& out, severity level, const model::source_site& site, std::string message,
            std::vector<note> notes = {}) {
  finding f = make_finding(id, level, site, std::move(message));
  f.notes = std::move(notes);
  out.push_back(std::move(f));
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

std::string signature(const model::variant_field& f) {
  std::string s = f.kind == column_kind::id ? fmt::format("id(\"{}\")", f.id_table) : fmt::format("{}()", kind_name(f.kind));
  if (f.required) s += ".not_null()";
  if (f.unique) s += ".unique()";
  return s;
}

void alias_collisions(const schema_index& schema, const model::table& t, const model::discriminator& d,
                      findings& out) {
  const auto where = fmt::format("discriminator '{}' of '{}' nests its variant fields under '{}'", d.column, t.name, d.as);
  if (d.as == "with" || d.as == "extras") {
    report(out, severity::error, d.site,
           fmt::format("{}, which is reserved for query options; choose another .as", where));
  } else if (const model::column* c = t.find_column(d.as); c && c->variants.empty()) {
    report(out, severity::error, d.site, fmt::format("{}, which is also a column; choose another .as", where),
           {{c->site, "column declared here"}});
  }
  for (const auto& r : schema.schema().relations)
    if (r.source == t.name && r.name == d.as)
      report(out, severity::error, d.site, fmt::format("{}, which is also a relation of '{}'; choose another .as", where, t.name),
             {{r.site, "relation declared here"}});
}

void variant_collisions(const model::table& t, const model::discriminator& d, findings& out) {
  if (d.variants.empty())
    report(out, severity::error, d.site,
           fmt::format("discriminator '{}' of '{}' has no variants; declare at least one", d.column, t.name));
  std::map<std::string, const model::variant*> by_name;
  std::map<std::string, std::pair<const model::variant*, const model::variant_field*>> fields;
  for (int index : d.variants) {
    const model::variant& v = t.variants[static_cast<std::size_t>(index)];
    if (const auto [first, fresh] = by_name.emplace(v.name, &v); !fresh)
      report(out, severity::error, v.site,
             fmt::format("discriminator '{}' of '{}' declares variant '{}' twice; a variant name is one value of '{}'",
                         d.column, t.name, v.name, d.column),
             {{first->second->site, "first declared here"}});
    if (v.fields.empty())
      report(out, severity::warning, v.site,
             fmt::format("variant '{}' of '{}' declares no fields, so its rows read an empty '{}'; declare its fields, "
                         "or suppress this where the value carries no data",
                         v.name, t.name, d.as));
    for (const auto& f : v.fields) {
      if (const model::column* base = t.find_column(f.name); base && base->variants.empty()) {
        report(out, severity::error, f.site,
               fmt::format("field '{}' of variant '{}' shadows column '{}' of '{}'; rename the field", f.name, v.name,
                           f.name, t.name),
               {{base->site, "column declared here"}});
        continue;
      }
      const auto [seen, fresh] = fields.emplace(f.name, std::pair{&v, &f});
      if (!fresh && signature(*seen->second.second) != signature(f))
        report(out, severity::error, f.site,
               fmt::format("field '{}' of variant '{}' is {} but variant '{}' declares it {}; a field shared by variants "
                           "must be declared identically",
                           f.name, v.name, signature(f), seen->second.first->name, signature(*seen->second.second)),
               {{seen->second.second->site, "first declared here"}});
    }
  }
}

}  // namespace

void discriminator_collision(const schema_index& schema, findings& out) {
  for (const model::table& t : schema.schema().tables) {
    for (std::size_t i = 0; i < t.discriminators.size(); ++i) {
      const model::discriminator& d = t.discriminators[i];
      if (i > 0)
        report(out, severity::error, d.site,
               fmt::format("table '{}' has a second discriminator '{}'; a table may have one, so fold these variants "
                           "into '{}'",
                           t.name, d.column, t.discriminators.front().column),
               {{t.discriminators.front().site, "first discriminator declared here"}});
      alias_collisions(schema, t, d, out);
      variant_collisions(t, d, out);
    }
  }
}

}  // namespace orm::checks
