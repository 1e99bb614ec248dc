#include "checks/row_mismatch.hpp"

#include <orm/model/aggregate.hpp>
#include <orm/model/row_rules.hpp>

namespace orm::checks {

namespace {

// Each problem as a finding at its field, with `note` at the call that reads into `row`,
// and the fix the problem suggests.
void report(const std::vector<model::row_problem>& problems, const model::row_type& row, const std::string& note,
            const model::source_site& call, findings& out) {
  using k = model::row_problem::kind;
  for (const model::row_problem& p : problems) {
    finding f = make_finding("orm-row-mismatch", severity::error, p.site.line ? p.site : call, p.message);
    if (p.site.line && call.line && p.site != call) f.notes.push_back({call, note});
    const model::row_field* field = model::find_row_field(row, p.site);
    if (field && !p.suggestion.empty()) {
      if (p.what == k::unknown_field) {
        if (field->name_site.line)
          f.fixes.push_back(replace_source{field->name_site, field->name_site,
                                           field->name_quoted ? "\"" + p.suggestion + "\"" : p.suggestion});
      }
      else if (field->type_begin.line)
        f.fixes.push_back(replace_source{field->type_begin, field->type_last,
                                         p.what == k::not_optional && !field->type_written.empty()
                                             ? "std::optional<" + field->type_written + ">"
                                             : p.suggestion});
    }
    out.push_back(std::move(f));
  }
}

}  // namespace

// The rules are model/row_rules.hpp's and model/aggregate.hpp's, the runtime's own: the
// finding's message is the runtime's row_mismatch_error, reported at the field, with a
// note at the call.
void row_mismatch_at_call(const schema_index& schema, const planned_query& q, findings& out) {
  if (!q.call.row) return;
  const model::table* table = schema.table(q.call.table);
  if (!table) return;  // the planner reports an unknown table
  std::vector<model::row_problem> problems =
      q.call.aggregate
          ? model::aggregate_row_mismatches(schema.schema(), *table, *q.call.aggregate, *q.call.row, q.call.site)
          : model::row_mismatches(schema.schema(), *table, *q.call.row, q.call.max_depth, &q.call.top, q.call.site);
  // find_page<T>: its cursors are read from T's fields, when the whole order is seen here.
  if (q.call.page && q.call.top.order_descending) {
    std::vector<std::string> order;
    for (const model::written_name& n : q.call.top.order_columns) order.push_back(n.text);
    for (model::row_problem& p : model::cursor_field_mismatches(*q.call.row, order, q.call.site))
      problems.push_back(std::move(p));
  }
  report(problems, *q.call.row, "rows of '" + q.call.table + "' are read into '" + q.call.row->name + "' here", q.call.site,
         out);
}

void row_mismatch_in_write(const schema_index& schema, const planned_write& w, findings& out) {
  if (!w.call.returned) return;
  const model::table* table = schema.table(w.call.table.text);
  if (!table) return;  // the write planner reports an unknown table
  report(model::returned_row_mismatches(schema.schema(), *table, *w.call.returned), *w.call.returned,
         "rows written to '" + w.call.table.text + "' are returned as '" + w.call.returned->name + "' here", w.call.site, out);
}

}  // namespace orm::checks
