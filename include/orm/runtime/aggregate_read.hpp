#pragma once
// aggregate(): the statement both backends run, planned first (model/query_plan.hpp) and
// rendered once for both in their dialects; each value's kind comes from
// model::aggregate_rows, so that it decodes as the row rules said it would.
#include <orm/model/aggregate.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/runtime/find_options.hpp>
#include <orm/runtime/read_plan.hpp>
#include <orm/runtime/sql_text.hpp>

namespace orm::runtime {

namespace planning {
// The options as the planner and the row rules read them.
model::aggregation aggregation_of(const aggregate_options& o);
}  // namespace planning

// SELECT <groups>, COUNT(*), COALESCE(SUM(c), 0), AVG(c), MIN(c), MAX(c) FROM t WHERE ...
// GROUP BY <groups> ORDER BY <groups> NULLS FIRST: planned first (a refusal is thrown as
// the planner's error, warnings go to `warn`).
compiled_read aggregate_read(const model::schema& s, const model::table& t, const aggregate_options& o,
                             const warning_sink& warn, const sql::dialect& d);

}  // namespace orm::runtime
