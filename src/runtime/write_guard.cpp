#include <orm/runtime/write_guard.hpp>

#include <algorithm>

#include <orm/runtime/read_plan.hpp>

namespace orm::runtime::guarded {

model::written_field field_of(const std::string& name, const param& value) {
  using k = model::written_kind;
  model::written_field f{{name, {}}, k::unknown, std::nullopt, {}};
  switch (value.type()) {
    case param::kind::null: f.kind = k::null; break;
    case param::kind::boolean: f.kind = k::boolean; break;
    case param::kind::integer: f.kind = k::integer; break;
    case param::kind::real: f.kind = k::real; break;
    case param::kind::text: f.kind = k::text; f.text = value.text(); break;
    case param::kind::bytes: f.kind = k::bytes; break;
    case param::kind::add: f.kind = value.adds_real() ? k::add_real : k::add_integer; break;
    case param::kind::now: f.kind = k::clock; break;
  }
  return f;
}

namespace {
const model::table& refuse_problems(const model::schema& schema, const model::write& w) {
  // Warnings (an unindexed relation filter in a schema that is not strict) have no sink
  // here: a write warns nobody, as before relation filters.
  for (const model::query_problem& p : model::plan_write(schema, w))
    if (!p.warning) planning::refuse(p);
  return *schema.find_table(w.table.text);
}

std::vector<model::written_field> fields_of(const fields& row) {
  std::vector<model::written_field> out;
  for (const auto& [name, value] : row) out.push_back(field_of(name, value));
  return out;
}
}  // namespace

const model::table& planned_write(const model::schema& schema, model::write::kind what, const std::string& table,
                                         const fields& row, const condition* where, write_options options) {
  model::write w;
  w.what = what;
  w.table = {table, {}};
  w.fields = fields_of(row);
  if (where) {
    planning::describe_filter(where->terms(), w.where_columns, w.filter_relations);
    w.where_empty = where->empty();
  }
  w.allow_full_scan = options.allow_full_scan;
  return refuse_problems(schema, w);
}

const model::table& planned_upsert(const model::schema& schema, const std::string& table, const fields& row,
                                   const upsert_options& options) {
  model::write w;
  w.what = model::write::kind::upsert;
  w.table = {table, {}};
  w.fields = fields_of(row);
  for (const std::string& c : options.on) w.conflict_on.push_back({c, {}});
  if (options.update) w.on_conflict = fields_of(*options.update);
  return refuse_problems(schema, w);
}

bool planned_alike(const model::table& t, const fields& a, const fields& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].first != b[i].first || a[i].second.type() != b[i].second.type()) return false;
    // What the planner reads of a value beyond its kind: a discriminator's variant.
    if (a[i].second.type() == param::kind::text &&
        std::any_of(t.discriminators.begin(), t.discriminators.end(),
                    [&](const model::discriminator& d) { return d.column == a[i].first; }) &&
        a[i].second.text() != b[i].second.text())
      return false;
  }
  return true;
}

const model::table& table_of(const model::schema& schema, const std::string& name) {
  const model::table* t = schema.find_table(name);
  if (!t) throw schema_error("the schema has no table '" + name + "'");
  return *t;
}

const model::schema& model_cache::of_pools(const void* key, const model::schema_pools_view& pools) {
  auto& slot = models_[key];
  if (!slot) slot = std::make_unique<model::schema>(model::build(pools));
  return *slot;
}

}  // namespace orm::runtime::guarded
