// orm-discriminator-collision: reads nest each variant's fields under "details", the
// name of an existing column, and the two variants declare `code` differently.
#include <orm/orm.hpp>

namespace mistakes::discriminator_collision {
using namespace orm;

inline constexpr auto events = table("events",
    column("details", text()),
    column("kind", discriminator({},
        variant("failure", column("code", integer().not_null())),
        variant("warning", column("code", text())))));

inline constexpr auto schema = define_schema(tables(events));
}  // namespace mistakes::discriminator_collision
