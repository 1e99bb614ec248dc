#pragma once
#include <orm/model/query_model.hpp>

#include "checks/finding.hpp"
#include "checks/schema_index.hpp"

namespace orm::checks {

/// Flags many() relations that a query can load with no bound: the schema sets no
/// defaults.default_limit, so any `with` that names no limit loads every child.
void unbounded_many(const schema_index& schema, findings& out);

// The default_limit the fix proposes.
inline constexpr std::int64_t suggested_default_limit = 50;

}  // namespace orm::checks
