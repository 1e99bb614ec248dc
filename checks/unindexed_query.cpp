#include "checks/unindexed_query.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <orm/runtime/sql_text.hpp>

#include "checks/query_explainer.hpp"

namespace orm::checks {

namespace {

constexpr const char* id = "orm-unindexed-query";

// What SQLite's plan says of the top level of a read (lines not indented).
struct top_level_plan {
  bool scans = false;  // SCAN <alias>: every row of the table (or of an index) is read
  bool sorts = false;  // USE TEMP B-TREE FOR ORDER BY: every matching row is sorted
};

// The alias the statement gives the read's own table: the plan names tables by alias.
std::string top_alias(const std::string& statement, const std::string& table) {
  const std::string from = "FROM " + runtime::sql::identifier(table) + " AS ";
  const std::size_t at = statement.find(from);
  if (at == std::string::npos) return {};
  const std::size_t begin = at + from.size();
  return statement.substr(begin, statement.find_first_of(" )", begin) - begin);
}

top_level_plan read_plan(const runtime::explained_read& e, const std::string& table) {
  top_level_plan out;
  const std::string alias = e.statements.empty() ? std::string() : top_alias(e.statements.front(), table);
  if (alias.empty()) return out;  // a statement of another shape: nothing is judged
  const std::string scan = "SCAN " + alias;
  for (const std::string& line : e.plan) {
    if (line == scan || line.starts_with(scan + " ")) out.scans = true;
    if (line == "USE TEMP B-TREE FOR ORDER BY") out.sorts = true;
  }
  return out;
}

bool is_comparison(predicate_op op) {
  return op != predicate_op::all && op != predicate_op::any && op != predicate_op::negate;
}

// The index SQLite can use for a filter of ANDed comparisons and an order: the columns
// compared for equality (eq, in, is_null) first, then one compared by range, then, when
// no range column came before them, the order's (a range scan returns rows in the range
// column's order, not the sort's). Empty when the filter has an OR, or a NOT over more
// than one comparison (SQLite serves those with one index per branch, if at all), or
// nothing to index.
std::vector<std::string> index_for(const model::query_options& o, bool for_order) {
  std::vector<std::string> equal, range;
  const model::condition& terms = *o.filter;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    const model::predicate_term& t = terms[k];
    if (t.op == predicate_op::any) return {};
    // !term (such as !is_null(c)) narrows nothing an index can seek; !(a && b) is an OR.
    if (t.op == predicate_op::negate) {
      if (k == 0 || !is_comparison(terms[k - 1].op)) return {};
      const std::string& negated = terms[k - 1].column;
      if (!equal.empty() && equal.back() == negated) equal.pop_back();
      else if (!range.empty() && range.back() == negated) range.pop_back();
      continue;
    }
    if (!is_comparison(t.op) || t.column == "id") continue;
    if (t.op == predicate_op::eq || t.op == predicate_op::in || t.op == predicate_op::is_null)
      equal.push_back(t.column);
    else if (t.op == predicate_op::lt || t.op == predicate_op::le || t.op == predicate_op::gt || t.op == predicate_op::ge)
      range.push_back(t.column);
  }
  std::vector<std::string> out;
  auto add = [&](const std::string& c) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  };
  for (const auto& c : equal) add(c);
  if (!range.empty()) add(range.front());
  if (for_order && range.empty())
    for (const auto& c : o.order_columns) add(c.text);
  return out;
}

std::string quoted_list(const std::vector<std::string>& names) {
  return fmt::format("\"{}\"", fmt::join(names, "\", \""));
}

std::vector<std::string> names_of(const std::vector<model::written_name>& written) {
  std::vector<std::string> out;
  for (const auto& n : written)
    if (std::find(out.begin(), out.end(), n.text) == out.end()) out.push_back(n.text);
  return out;
}

}  // namespace

void unindexed_query(const schema_index& schema, const planned_query& q, findings& out) {
  const model::query_options& top = q.call.top;
  const bool filters = top.filter && !top.filter->empty();
  const bool sorts_under_limit = !top.order_columns.empty() && top.limit_given;
  if (!filters && !sorts_under_limit) return;
  // A call the planner refuses is reported by the check of what is wrong with it.
  if (std::any_of(q.problems.begin(), q.problems.end(), [](const model::query_problem& p) { return !p.warning; })) return;
  const model::table* t = schema.table(q.call.table);
  if (!t || t->small) return;  // the user says reading all of it is no cost
  const auto explained = schema.explainer().explain(q.call);
  if (!explained) return;
  const top_level_plan plan = read_plan(*explained, t->name);
  const bool scan = filters && plan.scans;
  const bool sort = sorts_under_limit && plan.sorts;
  if (!scan && !sort) return;

  std::string what;
  if (scan) what = fmt::format("filters '{}' by ({})", t->name, fmt::join(names_of(top.where_columns), ", "));
  if (sort)
    what += fmt::format("{}orders {} by ({}) under a limit", scan ? " and " : "", scan ? "it" : "'" + t->name + "'",
                        fmt::join(names_of(top.order_columns), ", "));
  std::string cost = scan ? fmt::format("SQLite reads every row of '{}' (SCAN{})", t->name, sort ? ", then a temporary sort" : "")
                          : "SQLite sorts every matching row (USE TEMP B-TREE FOR ORDER BY) to return the first few";
  const model::source_site& at = scan && !top.where_columns.empty() ? top.where_columns.front().site
                                 : !top.order_columns.empty()       ? top.order_columns.front().site
                                                                    : q.call.site;

  // The index offered is the one SQLite's planner, asked again with it, uses: no advice
  // that would not serve.
  std::vector<std::string> columns = index_for(top, sort);
  bool serves = false;
  if (!columns.empty())
    if (const auto again = schema.explainer().explain_with_index(q.call, t->name, columns)) {
      // Judged on the worse of the two costs: a scan gone is the index's whole point
      // even where a range column leaves a sort of the rows it finds.
      const top_level_plan with_index = read_plan(*again, t->name);
      serves = scan ? !with_index.scans : !with_index.sorts;
    }
  // A name the table does not use yet: migrate refuses two indexes of one name.
  std::string name = fmt::format("by_{}", fmt::join(columns, "_"));
  auto taken = [&](const std::string& n) {
    return std::any_of(t->indexes.begin(), t->indexes.end(), [&](const model::index& i) { return i.name == n; });
  };
  for (int k = 2; taken(name); ++k) name = fmt::format("by_{}_{}", fmt::join(columns, "_"), k);
  finding f = make_finding(id, severity::warning, at,
                           fmt::format("this read {}, and no index serves it: {} on every call; {}", what, cost,
                                       serves ? fmt::format("add index(\"{}\").on({}) to '{}'", name, quoted_list(columns), t->name)
                                              : std::string("no one index serves it as written (a like pattern, or || or ! "
                                                            "over several comparisons): filter on columns an index leads "
                                                            "with, or mark the table small_table()")));
  if (serves) f.fixes.push_back(add_index{t->name, t->site, name, columns, false});
  out.push_back(std::move(f));
}

}  // namespace orm::checks
