#include <orm/model/aggregate.hpp>

#include <algorithm>

namespace orm::model {

const char* aggregate_name(aggregate_fn f) {
  switch (f) {
    case aggregate_fn::count: return "count";
    case aggregate_fn::sum: return "sum";
    case aggregate_fn::avg: return "avg";
    case aggregate_fn::min: return "min";
    case aggregate_fn::max: return "max";
  }
  return "?";
}

std::string aggregate_key(const aggregate_term& term) {
  if (term.fn == aggregate_fn::count) return "count";
  return term.column.text + "_" + aggregate_name(term.fn);
}

std::string aggregate_refusal(aggregate_fn f, const table& t, const column& c) {
  const std::string what = std::string(aggregate_name(f)) + " of '" + t.name + "." + c.name + "'";
  const std::string kind = kind_name(c.kind);
  const bool numeric = c.kind == column_kind::integer || c.kind == column_kind::real;
  switch (f) {
    case aggregate_fn::count: return {};
    case aggregate_fn::sum:
    case aggregate_fn::avg:
      if (numeric) return {};
      if (c.kind == column_kind::boolean)
        return what + " adds booleans, which neither database sums alike; count the rows where it is true (.count "
                      "with where eq(\"" + c.name + "\", true))";
      if (c.kind == column_kind::timestamp)
        return what + " adds points in time, which mean nothing summed; take its min or max, or store the duration "
                      "as an integer column";
      return what + " cannot be computed: it is " + (c.kind == column_kind::id ? "an " : "a ") + kind +
             " column, and " + aggregate_name(f) + " takes integer or real columns; aggregate a numeric column";
    case aggregate_fn::min:
    case aggregate_fn::max:
      if (c.kind == column_kind::boolean)
        return what + " cannot be computed: PostgreSQL has no " + aggregate_name(f) +
               " of booleans; ask exists() with where eq(\"" + c.name + "\", " + (f == aggregate_fn::max ? "true" : "false") +
               ") instead";
      if (c.kind == column_kind::bytes)
        return what + " cannot be computed: bytes have no order the two databases share; aggregate another column";
      return {};
  }
  return {};
}

namespace {

column_kind result_kind(aggregate_fn f, const column& c) { return f == aggregate_fn::avg ? column_kind::real : c.kind; }

column result_column(const std::string& name, column_kind kind, bool not_null) {
  column out;
  out.name = name;
  out.kind = kind;
  out.not_null = not_null;
  return out;
}

}  // namespace

table aggregate_rows(const table& t, const aggregation& a) {
  table out;
  out.name = "aggregate(" + t.name + ")";
  for (const written_name& g : a.group_by)
    if (const column* c = t.find_column(g.text)) out.columns.push_back(result_column(c->name, c->kind, c->never_null()));
  for (const aggregate_term& term : a.terms) {
    if (term.fn == aggregate_fn::count) {
      out.columns.push_back(result_column(aggregate_key(term), column_kind::integer, true));
      continue;
    }
    const column* c = t.find_column(term.column.text);
    if (!c || !aggregate_refusal(term.fn, t, *c).empty()) continue;
    // A group holds a row at least; a value of no rows is NULL, but a sum of none is 0.
    const bool not_null = term.fn == aggregate_fn::sum || (!a.group_by.empty() && c->never_null());
    out.columns.push_back(result_column(aggregate_key(term), result_kind(term.fn, *c), not_null));
  }
  return out;
}

std::vector<row_problem> aggregate_row_mismatches(const schema& s, const table& t, const aggregation& a,
                                                  const row_type& row, const source_site& call) {
  const table rows = aggregate_rows(t, a);
  schema alone;  // the rows are no table of `s`: none of its relations is a field of them
  alone.settings = s.settings;
  std::vector<row_problem> out = row_mismatches(alone, rows, row, 0, nullptr, call);
  if (!a.complete) {  // a field may name a value not seen at the call
    std::erase_if(out, [](const row_problem& p) { return p.what == row_problem::kind::unknown_field; });
    return out;
  }
  for (const column& c : rows.columns) {
    const bool held = std::any_of(row.fields.begin(), row.fields.end(), [&](const row_field& f) { return f.name == c.name; });
    if (!held)
      out.push_back({row_problem::kind::unrequested,
                     "the aggregate of '" + t.name + "' reads '" + c.name + "', and '" + row.name +
                         "' has no field '" + c.name + "' to hold it; add the field or drop it from the aggregate",
                     call, {}});
  }
  return out;
}

}  // namespace orm::model
