#pragma once
// The checks of structural problems (model/structure.hpp): each reports the kinds it
// stands for, in the model's words, with its fix.
#include "checks/finding.hpp"
#include "checks/schema_index.hpp"

namespace orm::checks {

/// A relation named like a column (or variant field) of its own table: kitcn and
/// Drizzle refuse it, and in a loaded row the relation's key would hide the column.
void relation_name_collision(const schema_index& schema, findings& out);

/// A one() whose `to` columns are not a unique key of the target, so it can match many
/// rows; for a one() pair in both directions, the one-to-one's foreign key.
void non_unique_one(const schema_index& schema, findings& out);

/// optional = false over a nullable foreign key, on delete/update set_null on a
/// not_null column, and an id("t") column joined to a table other than t.
void foreign_key_mismatch(const schema_index& schema, findings& out);

/// Not-null foreign keys (declared, or a one()'s from) that form a cycle of tables:
/// none of them can get its first row.
void required_cycle(const schema_index& schema, findings& out);

/// Duplicate indexes, indexes that are a leading prefix of another index of the same
/// table, and plain indexes on the key or on a .unique() column; the fix removes it.
void redundant_index(const schema_index& schema, findings& out);

}  // namespace orm::checks
