#pragma once
// Every discriminator collision the seed's rules name.
#include <orm/orm.hpp>

namespace broken::discriminator_collision {
using namespace orm;

inline constexpr auto events = table("events",
    column("details", text()),  // collides with the default `as` alias
    column("title", text()),
    column("kind", discriminator({},
        variant("a", column("target", id("users")), column("title", text().not_null())),  // shadows a base column
        variant("b", column("target", text())),  // same field, other signature
        variant("a"),                            // duplicate variant
        variant("empty"))),                      // no fields
    column("phase", discriminator({.as = "with"},  // a second discriminator; `with` is reserved
        variant("x", column("n", integer())))));

inline constexpr auto users = table("users");
inline constexpr auto schema = define_schema(tables(users, events), {.defaults = {.default_limit = 10}})
    .relations(
        many(users, "events", events, {.to = "target"}),
        one(events, "author", users, {.from = "target"}));
}  // namespace broken::discriminator_collision
