#include "checks/schema_index.hpp"

#include "checks/query_explainer.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace orm::checks {

schema_index::schema_index(const model::schema& s) : schema_(s) {
  for (const auto& t : s.tables) tables_.emplace(t.name, &t);
  for (std::size_t i = 0; i < s.relations.size(); ++i)
    between_[{s.relations[i].source, s.relations[i].target}].push_back(static_cast<int>(i));
}

schema_index::~schema_index() = default;

const query_explainer& schema_index::explainer() const {
  if (!explainer_) explainer_ = std::make_unique<query_explainer>(schema_);
  return *explainer_;
}

const model::table* schema_index::table(std::string_view name) const {
  const auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : it->second;
}

const std::vector<int>& schema_index::between(const std::string& source, const std::string& target) const {
  const auto it = between_.find({source, target});
  return it == between_.end() ? none_ : it->second;
}

std::string qualified(const model::relation& r) { return r.source + "." + r.name; }

std::string column_tuple(const std::vector<std::string>& columns) { return fmt::format("({})", fmt::join(columns, ", ")); }

}  // namespace orm::checks
