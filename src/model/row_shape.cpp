#include <orm/model/row_shape.hpp>

namespace orm::model {

namespace {
constexpr std::string_view count_suffix = "_count";
}  // namespace

std::string count_key(const std::string& relation) { return relation + std::string(count_suffix); }

std::optional<std::string> counted_relation(const schema& s, const table& t, const std::string& field) {
  constexpr std::string_view suffix = count_suffix;
  if (field.size() <= suffix.size() || !field.ends_with(suffix) || t.find_column(field)) return std::nullopt;
  std::string relation = field.substr(0, field.size() - suffix.size());
  if (s.relations_named(t.name, relation).size() != 1 || !s.relations_named(t.name, field).empty()) return std::nullopt;
  return relation;
}

namespace {

row_shape shape_at(const schema& s, const table& t, const std::vector<row_field>& fields, int depth, int max_depth) {
  row_shape out;
  for (const row_field& f : fields) {
    if (const column* c = t.find_column(f.name); c && c->variants.empty()) {
      out.columns.push_back(f.name);
      continue;
    }
    bool alias = false;
    for (const discriminator& d : t.discriminators)
      if (d.as == f.name) {
        out.columns.push_back(d.column);
        alias = true;
      }
    if (alias) continue;
    if (auto counted = counted_relation(s, t, f.name); counted && f.kind == row_field::value_kind::integer) {
      out.counts.push_back(std::move(*counted));
      continue;
    }
    if (f.kind != row_field::value_kind::row || depth + 1 > max_depth) continue;
    const std::vector<int> found = s.relations_named(t.name, f.name);
    const table* target = found.size() == 1 ? s.find_table(s.relations[static_cast<std::size_t>(found.front())].target) : nullptr;
    if (!target) continue;
    out.loads.push_back({f.name, f.site, target, shape_at(s, *target, f.fields, depth + 1, max_depth)});
  }
  return out;
}

}  // namespace

row_shape shape_of(const schema& s, const table& t, const std::vector<row_field>& fields, int max_depth) {
  return shape_at(s, t, fields, 0, max_depth);
}

}  // namespace orm::model
