#pragma once
// Relation loads that no index serves.
#include <orm/orm.hpp>

namespace broken::missing_relation_index {
using namespace orm;

inline constexpr auto users = table("users", column("email", text().not_null()));
inline constexpr auto posts = table("posts", column("authorId", id("users").not_null()));  // no index
inline constexpr auto profiles = table("profiles", column("email", text()));               // one() by email
inline constexpr auto groups = table("groups");
inline constexpr auto members = table("members",
    column("userId", id("users")),
    column("groupId", id("groups")),
    index("by_group_user").on("groupId", "userId"));  // serves groups->users only
inline constexpr auto shipments = table("shipments",
    column("region", text()), column("code", text()),
    index("by_code_region").on("code", "region"));  // compound in the wrong order

inline constexpr auto schema = define_schema(tables(users, posts, profiles, groups, members, shipments),
                                             {.defaults = {.default_limit = 10}})
    .relations(
        many(users, "posts", posts, {.to = "authorId"}),
        one(users, "profile", profiles, {.from = "email", .to = "email"}),
        many(users, "groups", groups, {.alias = "m"}).through(members, "userId", "groupId"),
        many(groups, "users", users, {.alias = "m"}).through(members, "groupId", "userId"),
        many(users, "shipments", shipments, {.from = cols("email", "email"), .to = cols("region", "code")}));
}  // namespace broken::missing_relation_index
