#include "checks/discriminator_collision.hpp"

#include <fmt/format.h>

#include <orm/model/rules.hpp>

namespace orm::checks {

namespace {

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

// The finding for one problem the model's rules found: where, what, and the way out.
finding describe(const model::table& t, const model::discriminator_problem& p) {
  using k = model::discriminator_problem::kind;
  const model::discriminator& d = *p.subject;
  const auto nests = fmt::format("discriminator '{}' of '{}' nests its variant fields under '{}'", d.column, t.name, d.as);
  const severity level = p.is_warning() ? severity::warning : severity::error;
  auto at = [&](const model::source_site& site, std::string message) {
    return make_finding("orm-discriminator-collision", level, site, std::move(message));
  };
  finding f;
  switch (p.what) {
    case k::alias_reserved:
      return at(d.site, fmt::format("{}, which is reserved for query options; choose another .as", nests));
    case k::alias_is_column:
      f = at(d.site, fmt::format("{}, which is also a column; choose another .as", nests));
      f.notes.push_back({p.clashing_column->site, "column declared here"});
      return f;
    case k::alias_is_relation:
      f = at(d.site, fmt::format("{}, which is also a relation of '{}'; choose another .as", nests, t.name));
      f.notes.push_back({p.clashing_relation->site, "relation declared here"});
      return f;
    case k::second_discriminator:
      f = at(d.site, fmt::format("table '{}' has a second discriminator '{}'; a table may have one, so fold these "
                                 "variants into '{}'",
                                 t.name, d.column, t.discriminators.front().column));
      f.notes.push_back({t.discriminators.front().site, "first discriminator declared here"});
      return f;
    case k::no_variants:
      return at(d.site, fmt::format("discriminator '{}' of '{}' has no variants; declare at least one", d.column, t.name));
    case k::duplicate_variant:
      f = at(p.in_variant->site, fmt::format("discriminator '{}' of '{}' declares variant '{}' twice; a variant name is "
                                             "one value of '{}'",
                                             d.column, t.name, p.in_variant->name, d.column));
      f.notes.push_back({p.first_variant->site, "first declared here"});
      return f;
    case k::empty_variant:
      return at(p.in_variant->site, fmt::format("variant '{}' of '{}' declares no fields, so its rows read an empty "
                                                "'{}'; declare its fields, or suppress this where the value carries no data",
                                                p.in_variant->name, t.name, d.as));
    case k::shadows_column:
      f = at(p.field->site, fmt::format("field '{}' of variant '{}' shadows column '{}' of '{}'; rename the field",
                                        p.field->name, p.in_variant->name, p.field->name, t.name));
      f.notes.push_back({p.clashing_column->site, "column declared here"});
      return f;
    case k::field_differs:
      f = at(p.field->site, fmt::format("field '{}' of variant '{}' is {} but variant '{}' declares it {}; a field "
                                        "shared by variants must be declared identically",
                                        p.field->name, p.in_variant->name, signature(*p.field), p.first_variant->name,
                                        signature(*p.first_field)));
      f.notes.push_back({p.first_field->site, "first declared here"});
      return f;
  }
  return f;
}

}  // namespace

void discriminator_collision(const schema_index& schema, findings& out) {
  for (const model::table& t : schema.schema().tables)
    for (const model::discriminator_problem& p : model::discriminator_problems(schema.schema(), t))
      out.push_back(describe(t, p));
}

}  // namespace orm::checks
