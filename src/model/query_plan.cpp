#include <orm/model/query_plan.hpp>

namespace orm::model::detail {

query_problem named_problem(query_problem::kind k, const written_name& name, std::string message,
                                   const std::vector<std::string_view>& candidates, bool warning) {
  query_problem p{k, warning, name.site, name.text, closest_name(name.text, candidates), std::move(message)};
  if (!p.suggestion.empty()) p.message += "; did you mean '" + p.suggestion + "'?";
  return p;
}

query_problem unknown_table(const schema& s, const written_name& name) {
  std::vector<std::string_view> tables;
  for (const table& t : s.tables) tables.push_back(t.name);
  return named_problem(query_problem::kind::unknown_column, name, "the schema has no table '" + name.text + "'", tables);
}

query_problem unknown_column(const table& t, const written_name& name, const std::string& purpose) {
  std::vector<std::string_view> columns;
  for (const column& c : t.columns) columns.push_back(c.name);
  return named_problem(query_problem::kind::unknown_column, name,
                       "table '" + t.name + "' has no column '" + name.text + "'" + (purpose.empty() ? "" : " " + purpose),
                       columns);
}

}  // namespace orm::model::detail

namespace orm::model {

std::vector<query_problem> plan_query(const schema& s, const query& q) { return detail::planner(s, q).run(); }

}  // namespace orm::model
