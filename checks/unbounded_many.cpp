#include "checks/unbounded_many.hpp"

#include <fmt/format.h>

namespace orm::checks {

void unbounded_many(const schema_index& schema, findings& out) {
  const model::schema& s = schema.schema();
  if (s.settings.default_limit > 0) return;
  for (const model::relation& r : s.relations) {
    if (r.kind != relation_kind::many) continue;
    // A warning: the schema runs; a query that names no limit is refused at run time.
    finding f = make_finding("orm-unbounded-many", severity::warning, r.site, fmt::format(
        "many() relation '{}' can be loaded with no bound: the schema sets no defaults.default_limit{}; set one, or "
        "give every `with` of '{}' a limit",
        qualified(r), r.where.empty() ? "" : " and its predefined where filters rows, it does not bound them", r.name));
    f.fixes.push_back(set_default_limit{s.site, suggested_default_limit});
    out.push_back(std::move(f));
  }
}

}  // namespace orm::checks
