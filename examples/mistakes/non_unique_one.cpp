// orm-non-unique-one: users.profile and profiles.user make a one-to-one, but nothing
// stops a user from having two profiles: profiles.userId is not unique.
#include <orm/orm.hpp>

namespace mistakes::non_unique_one {
using namespace orm;

inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto profiles = table("profiles",
    column("bio", text()),
    column("userId", id("users").not_null()),
    index("by_user").on("userId"));

inline constexpr auto schema = define_schema(tables(users, profiles))
    .relations(one(profiles, "user", users, {.from = "userId", .to = "id"}),
               one(users, "profile", profiles));
}  // namespace mistakes::non_unique_one
