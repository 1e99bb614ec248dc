#pragma once
// orm-unindexed-query: a read whose filter, or whose order under a limit, no index of
// its table serves, as SQLite's own planner says of the runtime's statement.
#include "checks/finding.hpp"
#include "checks/planned_call.hpp"
#include "checks/schema_index.hpp"

namespace orm::checks {

void unindexed_query(const schema_index& schema, const planned_query& query, findings& out);

}  // namespace orm::checks
