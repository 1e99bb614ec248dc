#include "checks/query_checks.hpp"

#include <algorithm>
#include <initializer_list>

#include <orm/model/query_plan.hpp>

namespace orm::checks {

namespace {
using kind = model::query_problem::kind;

// Errors: the runtime refuses each of these calls, with the same message.
void report(const schema_index& schema, const model::query& query, findings& out, const char* check,
            std::initializer_list<kind> kinds) {
  for (const model::query_problem& p : model::plan_query(schema.schema(), query)) {
    if (std::find(kinds.begin(), kinds.end(), p.what) == kinds.end() || p.site.line == 0) continue;
    finding f = make_finding(check, p.warning ? severity::warning : severity::error, p.site, p.message);
    if (!p.suggestion.empty()) f.fixes.push_back(replace_literal{p.site, p.written, p.suggestion, true});
    out.push_back(std::move(f));
  }
}
}  // namespace

void unknown_relation_at_call(const schema_index& s, const model::query& q, findings& out) {
  report(s, q, out, "orm-unknown-relation", {kind::unknown_relation, kind::duplicate_relation});
}
void unknown_column_at_call(const schema_index& s, const model::query& q, findings& out) {
  report(s, q, out, "orm-unknown-column", {kind::unknown_column});
}
void query_depth_at_call(const schema_index& s, const model::query& q, findings& out) {
  report(s, q, out, "orm-query-depth", {kind::depth});
}
void negative_bound_at_call(const schema_index& s, const model::query& q, findings& out) {
  report(s, q, out, "orm-negative-bound", {kind::negative_bound});
}
void unbounded_loads(const schema_index& s, const model::query& q, findings& out) {
  report(s, q, out, "orm-unbounded-many", {kind::unbounded});
}

}  // namespace orm::checks
