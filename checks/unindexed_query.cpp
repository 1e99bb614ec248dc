#include "checks/unindexed_query.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <orm/runtime/index_use.hpp>

#include "checks/query_explainer.hpp"

namespace orm::checks {

namespace {

constexpr const char* id = "orm-unindexed-query";

// Where the finding points: the level's first filtered column when it scans, else its
// first order column, else the load or the call.
const model::source_site& site_of(const runtime::unindexed_level& level, const model::query& call) {
  const model::query_options& o = *level.options;
  if (level.scans && !o.where_columns.empty()) return o.where_columns.front().site;
  if (!o.order_columns.empty()) return o.order_columns.front().site;
  return level.load ? level.load->site : call.site;
}

// Whether the level is served once `index` is added: the scan gone (the index's whole
// point, even where a range column leaves a sort), or else the sort.
bool served_by(const schema_index& schema, const model::query& call, const runtime::unindexed_level& level) {
  const auto again = schema.explainer().explain_with_index(call, level.table->name, level.index);
  if (!again) return false;
  for (const runtime::unindexed_level& still : runtime::unindexed_levels(schema.schema(), call.table, call.top, *again))
    if (still.path == level.path && (level.scans ? still.scans : still.sorts)) return false;
  return true;
}

// A name the table does not use yet: migrate refuses two indexes of one name.
std::string free_index_name(const model::table& t, const std::vector<std::string>& columns) {
  std::string name = fmt::format("by_{}", fmt::join(columns, "_"));
  auto taken = [&](const std::string& n) {
    return std::any_of(t.indexes.begin(), t.indexes.end(), [&](const model::index& i) { return i.name == n; });
  };
  for (int k = 2; taken(name); ++k) name = fmt::format("by_{}_{}", fmt::join(columns, "_"), k);
  return name;
}

}  // namespace

void unindexed_query(const schema_index& schema, const planned_query& q, findings& out) {
  if (!runtime::may_be_unindexed(q.call.top)) return;
  // A call the planner refuses is reported by the check of what is wrong with it.
  if (std::any_of(q.problems.begin(), q.problems.end(), [](const model::query_problem& p) { return !p.warning; })) return;
  const auto explained = schema.explainer().explain(q.call);
  if (!explained) return;
  for (const runtime::unindexed_level& level : runtime::unindexed_levels(schema.schema(), q.call.table, q.call.top, *explained)) {
    // The index offered is the one SQLite's planner, asked again with it, uses: no advice
    // that would not serve.
    const bool serves = !level.index.empty() && served_by(schema, q.call, level);
    const model::table& t = *level.table;
    const std::string name = free_index_name(t, level.index);
    finding f = make_finding(id, severity::warning, site_of(level, q.call),
                             fmt::format("{}; {}", level.finding,
                                         serves ? fmt::format("add index(\"{}\").on({}) to '{}'", name, runtime::quoted_columns(level.index), t.name)
                                                : runtime::no_one_index_advice()));
    if (serves) f.fixes.push_back(add_index{t.name, t.site, name, level.index, false});
    out.push_back(std::move(f));
  }
}

}  // namespace orm::checks
