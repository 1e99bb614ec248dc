#include <orm/model/structure.hpp>

namespace orm::model::structure {

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::string tuple(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c;
  return "(" + out + ")";
}

std::string qualified(const relation& r) { return quoted(r.source + "." + r.name); }

bool is_primary_key(const std::vector<std::string>& columns) { return columns == std::vector<std::string>{"id"}; }

bool unique_key(const table& t, const std::vector<std::string>& columns) {
  for (const std::string& name : columns) {
    if (name == "id") return true;
    if (const column* c = t.find_column(name); c && c->unique && c->variants.empty()) return true;
  }
  return std::any_of(t.indexes.begin(), t.indexes.end(), [&](const index& i) {
    return i.unique && !i.columns.empty() && std::all_of(i.columns.begin(), i.columns.end(), [&](const std::string& c) {
      return std::find(columns.begin(), columns.end(), c) != columns.end();
    });
  });
}

}  // namespace orm::model::structure

namespace orm::model {

std::vector<structure_problem> structure_problems(const schema& s) { return structure::walk(s).run(); }

}  // namespace orm::model
