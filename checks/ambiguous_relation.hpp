#pragma once
#include "checks/finding.hpp"
#include "checks/schema_index.hpp"

namespace orm::checks {

/// Flags relations whose columns cannot be decided: a relation without from/to that
/// more than one relation back could lend them to (one finding per group), and a
/// relation name declared twice on one table. A relation that writes its from/to is
/// never ambiguous by itself, as in the seed system.
void ambiguous_relation(const schema_index& schema, findings& out);

}  // namespace orm::checks
