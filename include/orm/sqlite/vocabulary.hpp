#pragma once
// orm::sqlite speaks the runtime's vocabulary (orm/runtime/): orm::sqlite::error,
// orm::sqlite::find_options, orm::sqlite::param... name the same types as
// orm::postgres's, so a program spells them as it did and can run on both backends.
#include <orm/runtime/errors.hpp>
#include <orm/sqlite/errors.hpp>

namespace orm::sqlite {
using namespace orm::runtime;
}  // namespace orm::sqlite
