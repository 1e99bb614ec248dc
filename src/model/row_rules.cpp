#include <orm/model/row_rules.hpp>

namespace orm::model::detail {

const char* cpp_type_for(column_kind k) {
  switch (k) {
    case column_kind::text:
    case column_kind::discriminator: return "std::string";
    case column_kind::integer:
    case column_kind::id:
    case column_kind::timestamp: return "std::int64_t";
    case column_kind::real: return "double";
    case column_kind::boolean: return "bool";
    case column_kind::bytes: return "std::vector<std::byte>";
  }
  return "?";
}

bool holds(row_field::value_kind v, column_kind k) {
  using v_k = row_field::value_kind;
  switch (k) {
    case column_kind::text:
    case column_kind::discriminator: return v == v_k::text;
    case column_kind::integer:
    case column_kind::id: return v == v_k::integer;
    case column_kind::timestamp: return v == v_k::integer || v == v_k::time_point;
    case column_kind::real: return v == v_k::real;
    case column_kind::boolean: return v == v_k::boolean;
    case column_kind::bytes: return v == v_k::bytes;
  }
  return false;
}

}  // namespace orm::model::detail

namespace orm::model {

const row_field* find_row_field(const std::vector<row_field>& fields, const source_site& site) {
  if (site.line == 0) return nullptr;
  for (const row_field& f : fields) {
    if (f.site.line == site.line && f.site.column == site.column && f.site.file == site.file) return &f;
    if (const row_field* inner = find_row_field(f.fields, site)) return inner;
  }
  return nullptr;
}

const row_field* find_row_field(const row_type& row, const source_site& site) { return find_row_field(row.fields, site); }

}  // namespace orm::model

namespace orm::model::detail {

void add_row_loads(const row_shape& shape, query_options& o) {
  for (const row_shape::load& l : shape.loads) {
    auto load = std::find_if(o.with.begin(), o.with.end(), [&](const query_load& w) { return w.relation.text == l.relation; });
    if (load == o.with.end()) {
      o.with.push_back({{l.relation, l.site}, {}});
      load = o.with.end() - 1;
    }
    add_row_loads(l.shape, load->options);
  }
}

}  // namespace orm::model::detail

namespace orm::model {

query with_row_loads(const schema& s, query q) {
  const table* t = q.row ? s.find_table(q.table) : nullptr;
  if (t) detail::add_row_loads(shape_of(s, *t, q.row->fields, q.max_depth), q.top);
  return q;
}

std::vector<row_problem> row_mismatches(const schema& s, const table& t, const row_type& row, int max_depth,
                                               const query_options* given, const source_site& call) {
  detail::row_checker check(s, max_depth);
  check.level(t, row.name, row.fields, given, 0, call);
  return std::move(check.out);
}

}  // namespace orm::model
