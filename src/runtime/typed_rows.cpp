#include <orm/runtime/typed_rows.hpp>

#include <algorithm>

#include <orm/model/row_shape.hpp>

namespace orm::runtime::typed {

std::unique_ptr<row_plan> plan_of(const model::schema& s, const model::table& t, const std::string& row_name,
                                         const std::vector<model::row_field>& fields,
                                         bool microsecond_timestamps) {
  auto plan = std::make_unique<row_plan>();
  plan->table = &t;
  plan->row_name = row_name;
  plan->microsecond_timestamps = microsecond_timestamps;
  for (const model::row_field& f : fields) {
    row_plan::source from;
    from.key = f.name;
    if (const model::column* c = t.find_column(f.name); c && c->variants.empty()) {
      from.column = c;
    } else if (model::counted_relation(s, t, f.name)) {
      static const model::column counted = [] {
        model::column c;
        c.name = "count";
        c.kind = column_kind::integer;
        c.not_null = true;
        return c;
      }();
      from.column = &counted;
    } else if (const std::vector<int> found = s.relations_named(t.name, f.name); found.size() == 1) {
      from.relation = true;
      const model::table* target = s.find_table(s.relations[static_cast<std::size_t>(found.front())].target);
      if (target) from.nested = plan_of(s, *target, f.row_name, f.fields, microsecond_timestamps);
    } else {
      from.nested = std::make_unique<row_plan>();  // a variant alias: the variants' columns of `t`
      from.nested->table = &t;
      from.nested->microsecond_timestamps = microsecond_timestamps;
      from.nested->row_name = f.row_name;
      for (const model::row_field& inner : f.fields)
        from.nested->fields.push_back({inner.name, t.find_column(inner.name), {}, false});
    }
    plan->fields.push_back(std::move(from));
  }
  return plan;
}

namespace {

// The call's options at one level, with what the struct's shape reads there.
find_options options_with(const model::row_shape& shape, const find_options& given) {
  find_options out = given;
  out.columns = {selection::mode::include, shape.columns};
  std::vector<with_relation> loads;
  for (const model::row_shape::load& l : shape.loads) {
    find_options nested;
    for (const with_relation& w : given.with)
      if (w.relation == l.relation) nested = w.options;
    loads.push_back({l.relation, options_with(l.shape, nested)});
  }
  out.with = with_list(loads);
  out.count = shape.counts;
  out.with_variants = false;
  return out;
}

}  // namespace

find_options options_for(const model::schema& s, const model::table& t, const std::vector<model::row_field>& fields,
                         const find_options& given) {
  return options_with(model::shape_of(s, t, fields, given.max_depth), given);
}

std::vector<int> result_columns_of(const row_plan& plan, const compiled_read& read) {
  std::vector<int> out;
  out.reserve(plan.fields.size());  // once per read: allocated once, not grown
  for (const row_plan::source& from : plan.fields) {
    int found = -1;
    for (std::size_t j = 0; j < read.columns.size(); ++j)
      if (read.columns[j].key == from.key && !read.columns[j].hidden)
        found = read.columns[j].load >= 0 ? loaded_later : static_cast<int>(j);
    out.push_back(found);
  }
  return out;
}

void null_into_required(const row_plan& plan, const row_plan::source& from) {
  throw runtime::error("'" + plan.table->name + "." + from.key + "' is NULL, and field '" + from.key + "' of '" +
                       plan.row_name + "' is not std::optional");
}

runtime::error missing_row(const row_plan& plan, const row_plan::source& from) {
  return runtime::error("'" + plan.table->name + "." + from.key + "' found no row, and field '" + from.key + "' of '" +
                        plan.row_name + "' is not std::optional");
}

std::string returning_list(const model::schema& s, const model::table& t, const model::row_type& row,
                           const sql::dialect& d) {
  const std::vector<model::row_problem> problems = model::returned_row_mismatches(s, t, row);
  if (!problems.empty()) throw row_mismatch_error(problems.front().message);
  std::string out;
  for (const model::row_field& f : row.fields) {
    const model::column* c = t.find_column(f.name);
    const std::string ref = sql::identifier(c->name);
    out += (out.empty() ? "" : ", ") +
           (c->kind == column_kind::timestamp && d.microseconds_of ? d.microseconds_of(ref) + " AS " + ref : ref);
  }
  return out;
}

model::table statement_result_of(const model::row_type& row) {
  using v_k = model::row_field::value_kind;
  model::table out;
  out.name = "result";
  for (const model::row_field& f : row.fields) {
    if (f.kind == v_k::row || f.kind == v_k::unsupported || f.sequence)
      throw row_mismatch_error("field '" + f.name + "' of '" + row.name + "' is " + f.type +
                               ", and a statement's result has columns of values only; make it a value type "
                               "(std::int64_t, double, std::string, bool, bytes, a time point), std::optional when "
                               "it can be NULL");
    model::column c;
    c.name = f.name;
    c.kind = f.kind == v_k::integer   ? column_kind::integer
             : f.kind == v_k::real    ? column_kind::real
             : f.kind == v_k::boolean ? column_kind::boolean
             : f.kind == v_k::bytes   ? column_kind::bytes
             : f.kind == v_k::time_point ? column_kind::timestamp
                                         : column_kind::text;
    c.not_null = !f.optional;
    out.columns.push_back(std::move(c));
  }
  const std::vector<model::row_problem> problems = model::row_mismatches(model::schema{}, out, row, 0);
  if (!problems.empty()) throw row_mismatch_error(problems.front().message);
  return out;
}

std::vector<int> statement_columns_of(const model::row_type& row, const std::vector<std::string_view>& names,
                                      const std::string& sql) {
  std::vector<int> out;
  for (const model::row_field& f : row.fields) {
    const auto found = std::find(names.begin(), names.end(), f.name);
    if (found == names.end()) {
      std::string listed;
      for (std::string_view n : names) listed += (listed.empty() ? "'" : ", '") + std::string(n) + "'";
      throw row_mismatch_error("field '" + f.name + "' of '" + row.name + "' names no column of the statement's result (" +
                               (listed.empty() ? std::string("it has none") : "its columns: " + listed) +
                               "); name a column so in the SQL (AS " + f.name + "), or rename the field\n  " + sql);
    }
    out.push_back(static_cast<int>(found - names.begin()));
  }
  return out;
}

}  // namespace orm::runtime::typed
