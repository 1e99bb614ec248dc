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

namespace {
void unbounded_loads_from(const schema_index& schema, const std::string& table, const std::vector<model::query_load>& loads,
                          findings& out) {
  for (const model::query_load& load : loads) {
    const auto found = schema.schema().relations_named(table, load.relation);
    if (found.size() != 1) continue;  // unknown or twice-declared: the runtime says so
    const model::relation& r = schema.relation(found.front());
    if (r.kind == relation_kind::many && !load.has_limit)
      out.push_back(make_finding(
          "orm-unbounded-many", severity::error, load.site,
          fmt::format("this query loads many() relation '{}' with no limit, and the schema sets no "
                      "defaults.default_limit, so the runtime refuses it; give this `with` a limit, set a default_limit, "
                      "or pass allow_full_scan",
                      qualified(r))));
    unbounded_loads_from(schema, r.target, load.nested, out);
  }
}
}  // namespace

// An error here, unlike on the schema: this query, as written, is refused at run time.
void unbounded_loads(const schema_index& schema, const model::query& query, findings& out) {
  if (schema.schema().settings.default_limit > 0 || query.allow_full_scan) return;
  unbounded_loads_from(schema, query.table, query.loads, out);
}

}  // namespace orm::checks
