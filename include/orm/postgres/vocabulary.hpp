#pragma once
// orm::postgres speaks the runtime's vocabulary (orm/runtime/): orm::postgres::error,
// orm::postgres::find_options, orm::postgres::param... name the same types as
// orm::sqlite's, so a program spells them as it did and can run on both backends.
#include <orm/runtime/errors.hpp>

namespace orm::postgres {
using namespace orm::runtime;
}  // namespace orm::postgres
