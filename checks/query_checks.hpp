#pragma once
// The checks of queries written at call sites: each reads what the query planner
// (model/query_plan.hpp, model/write_plan.hpp), the one the runtime runs before it renders
// SQL, found in the call, and reports the refusals it stands for at the string literal,
// in the runtime's words.
#include "checks/planned_call.hpp"

#include "checks/finding.hpp"
#include "checks/schema_index.hpp"

namespace orm::checks {

/// A `with` naming a relation the table does not have (at any depth, against the
/// right table), or one it declares twice.
void unknown_relation_at_call(const schema_index& schema, const planned_query& query, findings& out);

/// columns / where / order_by naming a column the table does not have.
void unknown_column_at_call(const schema_index& schema, const planned_query& query, findings& out);

/// `with` nested deeper than the call's max_depth.
void aggregate_type_at_call(const schema_index& schema, const planned_query& query, findings& out);
void cursor_order_at_call(const schema_index& schema, const planned_query& query, findings& out);
void query_depth_at_call(const schema_index& schema, const planned_query& query, findings& out);

/// An insert, update or remove naming a table or column the schema does not have.
void unknown_column_in_write(const schema_index& schema, const planned_write& write, findings& out);

/// An insert or update setting a value of a kind its column does not hold.
void value_type_in_write(const schema_index& schema, const planned_write& write, findings& out);

/// An insert or update that breaks its discriminator's rules.
void discriminator_write(const schema_index& schema, const planned_write& write, findings& out);

/// An update or remove whose where is written empty, without allow_full_scan.
void full_scan_write(const schema_index& schema, const planned_write& write, findings& out);
void conflict_target(const schema_index& schema, const planned_write& write, findings& out);

/// A query or write made once per row of another query, on what a relation of its table joins:
/// N+1 statements where one would do.
void n_plus_one_at_call(const schema_index& schema, const planned_query& query, findings& out);
void n_plus_one_in_write(const schema_index& schema, const planned_write& write, findings& out);

/// A find_unique whose where does not pin a unique key.
void unpinned_unique_at_call(const schema_index& schema, const planned_query& query, findings& out);

/// A negative limit or offset.
void negative_bound_at_call(const schema_index& schema, const planned_query& query, findings& out);
void unknown_strategy_at_call(const schema_index& schema, const planned_query& query, findings& out);

/// A many() loaded with no limit where the schema sets no default_limit.
void unbounded_loads(const schema_index& schema, const planned_query& query, findings& out);

}  // namespace orm::checks
