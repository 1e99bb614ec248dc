#pragma once
#include "checks/finding.hpp"
#include "checks/schema_index.hpp"

namespace orm::checks {

/// Flags relation loads that no index serves: the lookup columns must be the leading
/// columns of an index, in order.
void missing_relation_index(const schema_index& schema, findings& out);

}  // namespace orm::checks
