#pragma once
// Lookups the rules share, built once per schema so that no rule scans all relations
// for each relation (rules stay linear in schema size).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <orm/model/rules.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/model/structure.hpp>

namespace orm::checks {

class query_explainer;

class schema_index {
 public:
  explicit schema_index(const model::schema& s);
  ~schema_index();

  const model::table* table(std::string_view name) const;
  // Relations from `source` to `target`, in declaration order.
  const std::vector<int>& between(const std::string& source, const std::string& target) const;
  const model::relation& relation(int i) const { return schema_.relations[static_cast<std::size_t>(i)]; }
  const model::schema& schema() const { return schema_; }
  // The structural problems (model/structure.hpp), found once for all the checks that report them.
  const std::vector<model::structure_problem>& structure() const {
    if (!structure_) structure_ = model::structure_problems(schema_);
    return *structure_;
  }
  // The ambiguous relations (model/rules.hpp), found once for the checks that read them.
  const std::vector<model::ambiguity>& ambiguities() const {
    if (!ambiguities_) ambiguities_ = model::ambiguities(schema_);
    return *ambiguities_;
  }
  // SQLite's planner over the schema's tables (query_explainer.hpp), made at the first ask.
  const query_explainer& explainer() const;

 private:
  const model::schema& schema_;
  std::unordered_map<std::string_view, const model::table*> tables_;
  std::map<std::pair<std::string, std::string>, std::vector<int>> between_;
  std::vector<int> none_;
  mutable std::optional<std::vector<model::structure_problem>> structure_;
  mutable std::optional<std::vector<model::ambiguity>> ambiguities_;
  mutable std::unique_ptr<query_explainer> explainer_;
};

// "users.posts": how messages name a relation.
std::string qualified(const model::relation& r);
// "(authorId, kind)"
std::string column_tuple(const std::vector<std::string>& columns);

}  // namespace orm::checks
