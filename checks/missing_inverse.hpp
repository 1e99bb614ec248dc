#pragma once
#include "checks/finding.hpp"
#include "checks/schema_index.hpp"

namespace orm::checks {

/// Flags relations whose other end cannot be found: no from/to and no unique inverse
/// (in the same relations part) to infer them from, and pairs that share an alias but
/// whose columns or junction columns do not mirror each other.
void missing_inverse(const schema_index& schema, findings& out);

}  // namespace orm::checks
