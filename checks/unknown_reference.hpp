#pragma once
#include "checks/finding.hpp"
#include "checks/schema_index.hpp"

namespace orm::checks {

/// Flags a table or column named anywhere in a schema that does not exist: relation
/// from/to, through() columns, relation where, indexes, foreign keys and references,
/// checks, id() columns, and relation tables missing from tables(...).
void unknown_reference(const schema_index& schema, findings& out);

}  // namespace orm::checks
