#include <orm/runtime/aggregate_read.hpp>

namespace orm::runtime {

namespace planning {

model::aggregation aggregation_of(const aggregate_options& o) {
  model::aggregation out;
  for (const std::string& g : o.group_by.names) out.group_by.push_back({g, {}});
  if (o.count) out.terms.push_back({model::aggregate_fn::count, {}});
  const auto add = [&](model::aggregate_fn f, const column_names& columns) {
    for (const std::string& c : columns.names) out.terms.push_back({f, {c, {}}});
  };
  add(model::aggregate_fn::sum, o.sum);
  add(model::aggregate_fn::avg, o.avg);
  add(model::aggregate_fn::min, o.min);
  add(model::aggregate_fn::max, o.max);
  return out;
}

}  // namespace planning

namespace {

// A value as reads return it: a native timestamp as the runtime's integer.
std::string as_read(const std::string& value, column_kind kind, const sql::dialect& d) {
  return kind == column_kind::timestamp && d.microseconds_of ? d.microseconds_of(value) : value;
}

std::string computed(const model::aggregate_term& term, const std::string& alias, const sql::dialect& d,
                     column_kind kind) {
  if (term.fn == model::aggregate_fn::count) return "COUNT(*)";
  const std::string ref = sql::column_ref(alias, term.column.text);
  switch (term.fn) {
    case model::aggregate_fn::sum: return "COALESCE(SUM(" + ref + "), 0)";
    case model::aggregate_fn::avg: return "AVG(" + ref + ")";
    case model::aggregate_fn::min: return as_read("MIN(" + ref + ")", kind, d);
    case model::aggregate_fn::max: return as_read("MAX(" + ref + ")", kind, d);
    case model::aggregate_fn::count: break;
  }
  return {};
}

}  // namespace

compiled_read aggregate_read(const model::schema& s, const model::table& t, const aggregate_options& o,
                             const warning_sink& warn, const sql::dialect& d) {
  const model::aggregation a = planning::aggregation_of(o);
  model::query q;
  q.table = t.name;
  find_options filtered;
  filtered.where = o.where;
  q.top = planning::options_of(s, &t, filtered);
  q.aggregate = a;
  planning::check(s, q, warn);

  const std::string alias = "t0";
  const model::table rows = model::aggregate_rows(t, a);  // the planner accepted every name
  compiled_read out;
  out.decode.table = rows.name;
  out.levels.push_back({t.name, alias});
  std::string select, groups, order;
  for (std::size_t i = 0; i < rows.columns.size(); ++i) {
    const model::column& c = rows.columns[i];
    std::string value;
    if (i < a.group_by.size()) {
      const std::string ref = sql::column_ref(alias, c.name);
      value = as_read(ref, c.kind, d);
      groups += (groups.empty() ? "" : ", ") + ref;
      order += (order.empty() ? "" : ", ") + ref + " ASC NULLS FIRST";  // SQLite's order, said for PostgreSQL
    } else {
      value = computed(a.terms[i - a.group_by.size()], alias, d, c.kind);
    }
    select += (select.empty() ? "" : ", ") + value + " AS " + sql::identifier(c.name);
    out.columns.push_back({c.name, c.kind, -1});
  }
  out.sql = "SELECT " + select + " FROM " + sql::identifier(t.name) + " AS " + alias;
  if (!o.where.empty()) out.sql += " WHERE " + sql::render(o.where, t, alias, &out.params, d, &s);
  if (!groups.empty()) out.sql += " GROUP BY " + groups + " ORDER BY " + order;
  out.read_your_writes = o.read_your_writes;
  return out;
}

}  // namespace orm::runtime
