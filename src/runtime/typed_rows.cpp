#include <orm/runtime/typed_rows.hpp>

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
  for (const row_plan::source& from : plan.fields) {
    int found = -1;
    for (std::size_t j = 0; j < read.columns.size(); ++j)
      if (read.columns[j].key == from.key) found = static_cast<int>(j);
    out.push_back(found);
  }
  return out;
}

}  // namespace orm::runtime::typed
