#include "checks/discriminator_collision.hpp"

#include <orm/model/rules.hpp>

namespace orm::checks {

namespace {

// The finding for one problem the model's rules found, in the model's words (migrate
// refuses with the same), with the notes that show the other side of the clash.
finding describe(const model::table& t, const model::discriminator_problem& p) {
  using k = model::discriminator_problem::kind;
  const model::source_site& site = p.field ? p.field->site : p.in_variant ? p.in_variant->site : p.subject->site;
  finding f = make_finding("orm-discriminator-collision", p.is_warning() ? severity::warning : severity::error, site,
                           p.message(t));
  switch (p.what) {
    case k::alias_is_column:
    case k::shadows_column: f.notes.push_back({p.clashing_column->site, "column declared here"}); break;
    case k::alias_is_relation: f.notes.push_back({p.clashing_relation->site, "relation declared here"}); break;
    case k::second_discriminator:
      f.notes.push_back({t.discriminators.front().site, "first discriminator declared here"});
      break;
    case k::duplicate_variant: f.notes.push_back({p.first_variant->site, "first declared here"}); break;
    case k::field_differs: f.notes.push_back({p.first_field->site, "first declared here"}); break;
    default: break;
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
