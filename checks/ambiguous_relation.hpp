#pragma once
#include "checks/finding.hpp"
#include "checks/schema_index.hpp"

namespace orm::checks {

/// Flags relations that cannot be told apart: several edges between the same tables
/// without distinct aliases, self-references without an alias, an alias naming edges
/// between different tables, and a relation name declared twice on one table.
void ambiguous_relation(const schema_index& schema, findings& out);

// The fix both ends of an edge share: the same alias added to `r` and to its inverse,
// when each is the other's only inverse and neither has an alias yet. Empty otherwise.
std::vector<fix> alias_both_ends(const schema_index& schema, const model::relation& r);

}  // namespace orm::checks
