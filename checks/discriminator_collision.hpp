#pragma once
#include "checks/finding.hpp"
#include "checks/schema_index.hpp"

namespace orm::checks {

/// Flags discriminators that break the seed's rules: an `as` alias that collides with a
/// column, a relation, `with` or `extras`; a field shared by variants with different
/// declarations; a variant field that shadows a base column; more than one
/// discriminator per table; duplicate, empty or missing variants.
void discriminator_collision(const schema_index& schema, findings& out);

}  // namespace orm::checks
