#include "checks/structure_checks.hpp"

#include <algorithm>
#include <initializer_list>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace orm::checks {

namespace {
using kind = model::structure_problem::kind;

void add_fix(const model::structure_problem& p, finding& f) {
  if (p.what == kind::redundant_index) f.fixes.push_back(remove_index{p.in_table->site, p.redundant->site});
  if (p.what == kind::one_to_non_unique)
    f.fixes.push_back(add_index{p.in_table->name, p.in_table->site,
                                fmt::format("unique_{}", fmt::join(p.unique_columns, "_")), p.unique_columns, true});
}

void report(const schema_index& schema, findings& out, const char* check, std::initializer_list<kind> kinds) {
  for (const model::structure_problem& p : schema.structure()) {
    if (std::find(kinds.begin(), kinds.end(), p.what) == kinds.end()) continue;
    finding f = make_finding(check, p.error ? severity::error : severity::warning, p.site, p.message);
    for (const auto& [site, message] : p.notes) f.notes.push_back({site, message});
    add_fix(p, f);
    out.push_back(std::move(f));
  }
}
}  // namespace

void relation_name_collision(const schema_index& s, findings& out) {
  report(s, out, "orm-relation-name-collision", {kind::relation_is_column});
}
void non_unique_one(const schema_index& s, findings& out) { report(s, out, "orm-non-unique-one", {kind::one_to_non_unique}); }
void foreign_key_mismatch(const schema_index& s, findings& out) {
  report(s, out, "orm-foreign-key-mismatch",
         {kind::required_over_nullable, kind::set_null_on_not_null, kind::id_names_other_table});
}
void required_cycle(const schema_index& s, findings& out) { report(s, out, "orm-required-cycle", {kind::required_cycle}); }
void redundant_index(const schema_index& s, findings& out) { report(s, out, "orm-redundant-index", {kind::redundant_index}); }

}  // namespace orm::checks
