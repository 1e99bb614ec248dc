#include <orm/runtime/index_use.hpp>

#include <algorithm>

namespace orm::runtime {

namespace {

std::size_t indent_of(const std::string& line) {
  const std::size_t first = line.find_first_not_of(' ');
  return first == std::string::npos ? line.size() : first;
}

// Whether a plan line reads the table at `alias` (SQLite: "SCAN t0", "SEARCH t1 USING ...").
bool reads_alias(const std::string& text, const std::string& verb, const std::string& alias) {
  const std::string head = verb + " " + alias;
  return text == head || text.starts_with(head + " ");
}

struct level_plan {
  bool scans = false;
  bool sorts = false;
};

// What the plan says of the level at `alias`: its table's line, and a temporary sort in
// the same block of the plan (the lines at its indentation between its parent lines).
level_plan plan_of(const std::vector<std::string>& plan, const std::string& alias) {
  level_plan out;
  std::size_t at = plan.size();
  for (std::size_t k = 0; k < plan.size() && at == plan.size(); ++k) {
    const std::string text = plan[k].substr(indent_of(plan[k]));
    if (reads_alias(text, "SCAN", alias) || reads_alias(text, "SEARCH", alias)) at = k;
  }
  if (at == plan.size()) return out;  // a plan of another shape: nothing is judged
  const std::size_t depth = indent_of(plan[at]);
  out.scans = plan[at].substr(depth).starts_with("SCAN");
  std::size_t begin = at;
  while (begin > 0 && indent_of(plan[begin - 1]) >= depth) --begin;
  for (std::size_t k = begin; k < plan.size() && indent_of(plan[k]) >= depth; ++k)
    if (indent_of(plan[k]) == depth && plan[k].substr(depth) == "USE TEMP B-TREE FOR ORDER BY") out.sorts = true;
  return out;
}

bool is_comparison(predicate_op op) {
  return op != predicate_op::all && op != predicate_op::any && op != predicate_op::negate;
}

// The index SQLite can use for `key` (a load's relation columns), a filter of ANDed
// comparisons and an order: the key, then the columns compared for equality (eq, in,
// is_null), then one compared by range, then, when no range column came before them, the
// order's (a range scan returns rows in the range column's order, not the sort's).
// Empty when the filter has an OR, or a NOT over more than one comparison (SQLite serves
// those with one index per branch, if at all), or nothing to index.
std::vector<std::string> index_for(const std::vector<std::string>& key, const model::query_options& o, bool for_order) {
  std::vector<std::string> equal, range;
  const model::condition empty;
  const model::condition& terms = o.filter ? *o.filter : empty;
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
  for (const auto& c : key) add(c);
  for (const auto& c : equal) add(c);
  if (!range.empty()) add(range.front());
  if (for_order && range.empty())
    for (const auto& c : o.order_columns) add(c.text);
  return out.size() == key.size() ? std::vector<std::string>{} : out;
}

// An order by a one() relation's column ("author.name") is the related row's: no index of
// this table can serve it, and it is not judged (docs/checks/unindexed-query.md).
bool sorts_under_limit(const model::query_options& o) {
  return !o.order_columns.empty() && o.limit_given &&
         std::none_of(o.order_columns.begin(), o.order_columns.end(),
                      [](const model::written_name& c) { return c.text.find('.') != std::string::npos; });
}

// A filter the rule judges: one known whole, without relation filters (some/none/every),
// whose EXISTS the database runs per row of a plan this rule does not read; reads with
// them are left alone, at run time as at call sites (docs/checks/unindexed-query.md).
bool judged_filter(const model::query_options& o) {
  return o.filter && !o.filter->empty() &&
         std::none_of(o.filter->begin(), o.filter->end(),
                      [](const model::predicate_term& t) { return is_relation_filter(t.op); });
}

std::string listed(const std::vector<model::written_name>& written) {
  std::vector<std::string> names;
  for (const auto& n : written)
    if (std::find(names.begin(), names.end(), n.text) == names.end()) names.push_back(n.text);
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return "(" + out + ")";
}

std::string top_finding(const model::table& t, const model::query_options& o, bool scan, bool sort) {
  std::string what;
  if (scan) what = "filters '" + t.name + "' by " + listed(o.where_columns);
  if (sort) what += (scan ? " and orders it by " : "orders '" + t.name + "' by ") + listed(o.order_columns) + " under a limit";
  const std::string cost = scan ? "SQLite reads every row of '" + t.name + "' (SCAN" + (sort ? ", then a temporary sort" : "") + ")"
                                : "SQLite sorts every matching row (USE TEMP B-TREE FOR ORDER BY) to return the first few";
  return "this read " + what + ", and no index serves it: " + cost + " on every call";
}

std::string load_finding(const model::table& t, const std::string& path, const model::query_options& o) {
  return "this read loads '" + path + "' ordered by " + listed(o.order_columns) +
         " under a limit, and no index serves it: SQLite sorts all of each parent's '" + t.name +
         "' (USE TEMP B-TREE FOR ORDER BY) to return the first few on every call";
}

struct judge {
  const model::schema& s;
  const explained_read& plan;
  std::vector<unindexed_level>& out;

  const std::string* alias_of(const std::string& path) const {
    for (const read_level& l : plan.levels)
      if (l.path == path) return &l.alias;
    return nullptr;
  }

  void top(const model::table& t, const model::query_options& o) {
    const bool filters = judged_filter(o);
    const bool sorts = sorts_under_limit(o);
    const std::string* alias = alias_of(t.name);
    if (!t.small && (filters || sorts) && alias) {
      const level_plan p = plan_of(plan.plan, *alias);
      const bool scan = filters && p.scans, sort = sorts && p.sorts;
      if (scan || sort) out.push_back({t.name, &t, &o, nullptr, scan, sort, index_for({}, o, sort), top_finding(t, o, scan, sort)});
    }
    loads(t, o, t.name);
  }

  void loads(const model::table& parent, const model::query_options& o, const std::string& path) {
    for (const model::query_load& load : o.with) {
      const std::vector<int> found = s.relations_named(parent.name, load.relation.text);
      if (found.size() != 1) continue;
      const model::relation& r = s.relations[static_cast<std::size_t>(found.front())];
      const model::table* target = s.find_table(r.target);
      if (!target) continue;
      const std::string here = path + "." + r.name;
      const model::query_options& lo = load.options;
      const std::string* alias = alias_of(here);
      const bool judged = r.kind == relation_kind::many && !r.resolved_through && !target->small && alias &&
                          sorts_under_limit(lo);
      if (judged && plan_of(plan.plan, *alias).sorts)
        out.push_back({here, target, &lo, &load.relation, false, true, index_for(r.resolved_to, lo, true),
                       load_finding(*target, here, lo)});
      loads(*target, lo, here);
    }
  }
};

}  // namespace

std::vector<unindexed_level> unindexed_levels(const model::schema& s, const std::string& table,
                                              const model::query_options& top, const explained_read& plan) {
  std::vector<unindexed_level> out;
  if (const model::table* t = s.find_table(table)) judge{s, plan, out}.top(*t, top);
  return out;
}

namespace {
bool orders_under_limit(const model::query_options& o) {
  return sorts_under_limit(o) ||
         std::any_of(o.with.begin(), o.with.end(), [](const model::query_load& l) { return orders_under_limit(l.options); });
}
}  // namespace

bool may_be_unindexed(const model::query_options& top) {
  return judged_filter(top) || orders_under_limit(top);
}

std::string no_one_index_advice() {
  return "no one index serves it as written (a like pattern, or || or ! over several comparisons): filter on columns "
         "an index leads with, or mark the table small_table()";
}

std::string quoted_columns(const std::vector<std::string>& columns) {
  std::string out;
  for (const std::string& c : columns) out += (out.empty() ? "\"" : ", \"") + c + "\"";
  return out;
}

}  // namespace orm::runtime
