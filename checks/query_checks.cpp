#include "checks/query_checks.hpp"

#include <algorithm>
#include <initializer_list>

#include <orm/model/n_plus_one.hpp>

namespace orm::checks {

namespace {
using kind = model::query_problem::kind;

// Errors: the runtime refuses each of these calls, with the same message.
void report(const std::vector<model::query_problem>& problems, findings& out, const char* check,
            std::initializer_list<kind> kinds) {
  for (const model::query_problem& p : problems) {
    if (std::find(kinds.begin(), kinds.end(), p.what) == kinds.end() || p.site.line == 0) continue;
    finding f = make_finding(check, p.warning ? severity::warning : severity::error, p.site, p.message);
    if (!p.suggestion.empty()) f.fixes.push_back(replace_literal{p.site, p.written, p.suggestion, true});
    out.push_back(std::move(f));
  }
}
}  // namespace

void unknown_column_in_write(const schema_index&, const planned_write& w, findings& out) {
  report(w.problems, out, "orm-unknown-column", {kind::unknown_column});
}
void value_type_in_write(const schema_index&, const planned_write& w, findings& out) {
  report(w.problems, out, "orm-value-type", {kind::value_type});
}
void discriminator_write(const schema_index&, const planned_write& w, findings& out) {
  report(w.problems, out, "orm-discriminator-write", {kind::discriminator_write});
}
void full_scan_write(const schema_index&, const planned_write& w, findings& out) {
  report(w.problems, out, "orm-full-scan-write", {kind::full_scan_write});
}
void conflict_target(const schema_index&, const planned_write& w, findings& out) {
  report(w.problems, out, "orm-conflict-target", {kind::conflict_target});
}

namespace {
void report_n_plus_one(const schema_index& s, const std::string& table, const model::source_site& at,
                       const std::optional<model::per_row_call>& per_row, findings& out) {
  if (!per_row) return;
  const auto message = model::n_plus_one_message(s.schema(), table, *per_row);
  if (!message) return;
  finding f = make_finding("orm-n-plus-one", severity::warning, at, *message);
  f.notes.push_back({per_row->outer_site, "the loop iterates the rows of this query on '" + per_row->outer_table + "'"});
  if (!per_row->helper.empty())
    f.notes.push_back({per_row->through, "once per row through this call of '" + per_row->helper + "'"});
  out.push_back(std::move(f));
}
}  // namespace

void n_plus_one_at_call(const schema_index& s, const planned_query& q, findings& out) {
  report_n_plus_one(s, q.call.table, q.call.site, q.call.per_row, out);
}
void n_plus_one_in_write(const schema_index& s, const planned_write& w, findings& out) {
  report_n_plus_one(s, w.call.table.text, w.call.site, w.call.per_row, out);
}

void unpinned_unique_at_call(const schema_index&, const planned_query& q, findings& out) {
  report(q.problems, out, "orm-unpinned-unique", {kind::unpinned_unique});
}

void unknown_relation_at_call(const schema_index&, const planned_query& q, findings& out) {
  report(q.problems, out, "orm-unknown-relation", {kind::unknown_relation, kind::duplicate_relation});
}
void unknown_column_at_call(const schema_index&, const planned_query& q, findings& out) {
  report(q.problems, out, "orm-unknown-column", {kind::unknown_column});
}
void cursor_order_at_call(const schema_index&, const planned_query& q, findings& out) {
  report(q.problems, out, "orm-cursor-order", {kind::cursor_order});
}
void aggregate_type_at_call(const schema_index&, const planned_query& q, findings& out) {
  report(q.problems, out, "orm-aggregate-type", {kind::aggregate_type});
}
void query_depth_at_call(const schema_index&, const planned_query& q, findings& out) {
  report(q.problems, out, "orm-query-depth", {kind::depth});
}
void negative_bound_at_call(const schema_index&, const planned_query& q, findings& out) {
  report(q.problems, out, "orm-negative-bound", {kind::negative_bound});
}
void unknown_strategy_at_call(const schema_index&, const planned_query& q, findings& out) {
  report(q.problems, out, "orm-unknown-strategy", {kind::unknown_strategy});
}
void unbounded_loads(const schema_index&, const planned_query& q, findings& out) {
  report(q.problems, out, "orm-unbounded-many", {kind::unbounded});
}

}  // namespace orm::checks
