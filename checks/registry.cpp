#include "checks/registry.hpp"

#include <algorithm>

#include <orm/model/row_rules.hpp>
#include <orm/model/write_plan.hpp>

#include "checks/ambiguous_relation.hpp"
#include "checks/discriminator_collision.hpp"
#include "checks/missing_inverse.hpp"
#include "checks/missing_relation_index.hpp"
#include "checks/query_checks.hpp"
#include "checks/row_mismatch.hpp"
#include "checks/structure_checks.hpp"
#include "checks/unbounded_many.hpp"
#include "checks/unindexed_query.hpp"
#include "checks/unknown_reference.hpp"

namespace orm::checks {

namespace {
// One line per check: id, summary (repeated in docs/checks/<name>.md), the severity it
// reports at by default (some findings of a check may differ; its page says when), and
// what runs it.
constexpr severity error = severity::error, warning = severity::warning;
constexpr check_info registry[] = {
    {"orm-unknown-reference", "a table or column named in a schema that does not exist", error, unknown_reference},
    {"orm-missing-relation-index", "a relation load with no index whose leading columns are the lookup columns", error,
     missing_relation_index},
    {"orm-ambiguous-relation", "relations whose columns cannot be decided: several candidate inverses, or one name twice", error,
     ambiguous_relation},
    {"orm-missing-inverse", "a relation whose inverse cannot be found, or does not mirror it", error,
     missing_inverse},
    {"orm-unbounded-many", "a many() relation that a query can load with no bound", warning, unbounded_many,
     unbounded_loads},
    {"orm-discriminator-collision", "a discriminator whose alias, variants or fields collide", error,
     discriminator_collision},
    {"orm-relation-name-collision", "a relation named like a column of its table", error, relation_name_collision},
    {"orm-non-unique-one", "a one() relation whose target columns are not unique, including one-to-one without a unique foreign key", warning, non_unique_one},
    {"orm-foreign-key-mismatch", "a foreign key that contradicts its column: nullable but required, set null but not_null, or ids of another table", error, foreign_key_mismatch},
    {"orm-required-cycle", "required foreign keys that form a cycle, so that no row can be inserted first", error, required_cycle},
    {"orm-redundant-index", "an index that another index or the primary key already serves", warning, redundant_index},
    // Call sites: checked by the query planner the runtime runs (model/query_plan.hpp).
    {"orm-unknown-relation", "a query whose with names a relation its table does not have", error, nullptr,
     unknown_relation_at_call},
    {"orm-unknown-column", "a query or write that names a table or column the schema does not have", error, nullptr,
     unknown_column_at_call, unknown_column_in_write},
    {"orm-value-type", "an insert or update that sets a column to a value of another type", error, nullptr, nullptr,
     value_type_in_write},
    {"orm-discriminator-write", "an insert or update that breaks its discriminator's variant rules", error, nullptr, nullptr,
     discriminator_write},
    {"orm-full-scan-write", "an update or remove whose where is empty, without allow_full_scan", error, nullptr, nullptr,
     full_scan_write},
    {"orm-conflict-target", "an upsert whose .on is not exactly a unique key, or is not in the row", error, nullptr, nullptr,
     conflict_target},
    {"orm-query-depth", "a query whose with nests deeper than its max_depth", error, nullptr, query_depth_at_call},
    {"orm-cursor-order", "a cursor (.after/.before) on an order it cannot seek by, on a load, or given both ways", error,
     nullptr, cursor_order_at_call},
    {"orm-aggregate-type", "an aggregate() over a column its function cannot take, computing nothing, or reading a value twice",
     error, nullptr, aggregate_type_at_call},
    {"orm-n-plus-one", "a query or write run once per row of another query, which a relation could load in one", warning, nullptr, n_plus_one_at_call, n_plus_one_in_write},
    {"orm-unpinned-unique", "a find_unique whose where does not pin a unique key", error, nullptr, unpinned_unique_at_call},
    {"orm-unreadable-schema", "a schema ormlint cannot read, because its initializer is not a constant expression", warning,
     nullptr},
    {"orm-negative-bound", "a query with a negative limit or offset", error, nullptr, negative_bound_at_call},
    {"orm-unknown-strategy", "a load strategy that is none of automatic, join, select_in and nested", error, nullptr,
     unknown_strategy_at_call},
    {"orm-row-mismatch", "a find_*<T>, aggregate<T> or returning<T> whose struct T cannot hold the rows it reads", error,
     nullptr, row_mismatch_at_call, row_mismatch_in_write},
    {"orm-unindexed-query", "a read whose filter, or whose order under a limit, no index serves", warning, nullptr,
     unindexed_query},
};
}  // namespace

std::span<const check_info> all_checks() { return registry; }

const check_info* find_check(std::string_view id) {
  const auto it = std::find_if(std::begin(registry), std::end(registry), [&](const check_info& c) { return c.id == id; });
  return it == std::end(registry) ? nullptr : it;
}

findings run_checks(const model::schema& schema, const std::function<bool(std::string_view)>& enabled,
                    const std::vector<model::query>& queries, const std::vector<model::write>& writes) {
  const schema_index index(schema);
  // Each call is planned once, whatever number of checks read it.
  // A find_*<T> also loads the relations T's fields name: planned as the runtime runs it.
  std::vector<model::query> as_run;
  as_run.reserve(queries.size());
  for (const model::query& q : queries) as_run.push_back(model::with_row_loads(schema, q));
  std::vector<planned_query> planned_queries;
  for (const model::query& q : as_run) planned_queries.push_back({q, model::plan_query(schema, q)});
  std::vector<planned_write> planned_writes;
  for (const model::write& w : writes) planned_writes.push_back({w, model::plan_write(schema, w)});
  findings out;
  for (const check_info& check : registry) {
    if (!enabled(check.id)) continue;
    if (check.run) check.run(index, out);
    if (check.run_on_query)
      for (const planned_query& q : planned_queries) check.run_on_query(index, q, out);
    if (check.run_on_write)
      for (const planned_write& w : planned_writes) check.run_on_write(index, w, out);
  }
  return out;
}

}  // namespace orm::checks
