// orm-required-cycle: every user needs a team and every team needs an owner, so
// neither can be inserted first.
#include <orm/orm.hpp>

namespace mistakes::required_cycle {
using namespace orm;

inline constexpr auto users = table("users", column("teamId", id("teams").not_null()), index("by_team").on("teamId"));
inline constexpr auto teams = table("teams", column("ownerId", id("users").not_null()), index("by_owner").on("ownerId"));

inline constexpr auto schema = define_schema(tables(users, teams))
    .relations(one(users, "team", teams, {.from = "teamId", .to = "id"}),
               one(teams, "owner", users, {.from = "ownerId", .to = "id"}));
}  // namespace mistakes::required_cycle
