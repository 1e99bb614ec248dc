#pragma once
// The runtime's SQLite renderer and SQLite's own planner over an empty in-memory database
// with the schema's tables and indexes (the runtime's migrate): what orm-unindexed-query
// asks whether a call's filter and order are served by an index. Built once per schema
// in each translation unit, on the first call that filters or orders.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <orm/model/query_model.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/runtime/read_plan.hpp>

namespace orm::sqlite {
class database;
}

namespace orm::checks {

class query_explainer {
 public:
  explicit query_explainer(const model::schema& s);
  ~query_explainer();

  // The statement the runtime would run for `q` and SQLite's plan for it, with values of
  // the columns' kinds in place of the call's (the plan does not depend on them); nullopt
  // when the runtime refuses the schema or the query, or part of the call is not seen.
  std::optional<runtime::explained_read> explain(const model::query& q) const;
  // The same, with one more index on `table` for the while: whether it would serve.
  std::optional<runtime::explained_read> explain_with_index(const model::query& q, const std::string& table,
                                                            const std::vector<std::string>& columns) const;

 private:
  const model::schema& schema_;
  std::unique_ptr<sqlite::database> db_;  // null when migrate refused the schema
};

}  // namespace orm::checks
