#pragma once
#include "checks/finding.hpp"
#include "checks/planned_call.hpp"
#include "checks/schema_index.hpp"

namespace orm::checks {

/// A find_*<T> whose struct T cannot hold the rows: a field that names nothing, a type
/// that cannot hold its column, a nullable column or optional one() into a non-optional
/// field, a many() into a non-container, nesting past max_depth, or a `with` T has no
/// field for.
void row_mismatch_at_call(const schema_index& schema, const planned_query& query, findings& out);
/// A db.returning<T>().<write> whose T cannot hold the rows the write returns: a field
/// that is no column of the table (a relation, a count), or a type that cannot hold one.
void row_mismatch_in_write(const schema_index& schema, const planned_write& write, findings& out);

}  // namespace orm::checks
