// orm-discriminator-collision: a discriminator whose alias, variants or fields collide
// RUN: %exit1 %ormlint --checks=-*,orm-discriminator-collision %s -- %cxxflags | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
#include <orm/orm.hpp>

using namespace orm;

// The `as` alias collides with a column, a relation, or a reserved query option.
namespace alias_collisions {
inline constexpr auto users = table("users");
inline constexpr auto a = table("a",
    column("details", text()),
    column("kind", discriminator({}, variant("x", column("n", integer())))));
// CHECK-MESSAGES: :[[@LINE-1]]:12: error: discriminator 'kind' of 'a' nests its variant fields under 'details', which is also a column; choose another .as [orm-discriminator-collision]
// CHECK-MESSAGES: :[[@LINE-3]]:12: note: column declared here
inline constexpr auto b = table("b",
    column("ownerId", id("users")),
    column("kind", discriminator({.as = "owner"}, variant("x", column("n", integer())))));
// CHECK-MESSAGES: :[[@LINE-1]]:12: error: discriminator 'kind' of 'b' nests its variant fields under 'owner', which is also a relation of 'b'; choose another .as [orm-discriminator-collision]
// CHECK-MESSAGES: :[[@LINE+4]]:12: note: relation declared here
inline constexpr auto c = table("c", column("kind", discriminator({.as = "extras"}, variant("x", column("n", integer())))));
// CHECK-MESSAGES: :[[@LINE-1]]:45: error: discriminator 'kind' of 'c' nests its variant fields under 'extras', which is reserved for query options; choose another .as [orm-discriminator-collision]
inline constexpr auto schema = define_schema(tables(users, a, b, c)).relations(
    one(b, "owner", users, {.from = "ownerId"}));
}  // namespace alias_collisions

// Fields: one name across variants must be declared identically, and may not shadow a base column.
namespace fields {
inline constexpr auto t = table("t",
    column("title", text()),
    column("kind", discriminator({},
        variant("a", column("target", id("users")), column("title", text().not_null())),
// CHECK-MESSAGES: :[[@LINE-1]]:60: error: field 'title' of variant 'a' shadows column 'title' of 't'; rename the field [orm-discriminator-collision]
        variant("b", column("target", id("users").not_null())))));
// CHECK-MESSAGES: :[[@LINE-1]]:29: error: field 'target' of variant 'b' is id("users").not_null() but variant 'a' declares it id("users"); a field shared by variants must be declared identically [orm-discriminator-collision]
inline constexpr auto schema = define_schema(tables(t));
}  // namespace fields

// Variants: one discriminator per table, no duplicate names, no empty variants.
namespace variants {
inline constexpr auto t = table("t",
    column("kind", discriminator({},
        variant("a", column("x", text())),
        variant("a", column("y", text())),
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: discriminator 'kind' of 't' declares variant 'a' twice; a variant name is one value of 'kind' [orm-discriminator-collision]
        variant("deleted"))),
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: variant 'deleted' of 't' declares no fields, so its rows read an empty 'details'; declare its fields, or suppress this where the value carries no data [orm-discriminator-collision]
    column("phase", discriminator({.as = "phaseDetails"}, variant("p", column("z", integer())))));
// CHECK-MESSAGES: :[[@LINE-1]]:12: error: table 't' has a second discriminator 'phase'; a table may have one, so fold these variants into 'kind' [orm-discriminator-collision]
inline constexpr auto schema = define_schema(tables(t));
}  // namespace variants

// Must not warn: the seed's audit log, with a field shared identically by two variants.
namespace fine {
inline constexpr auto audit = table("audit",
    column("at", integer().not_null()),
    column("action", discriminator({.as = "details"},
        variant("role_change", column("targetUserId", id("users")), column("newRole", text().not_null())),
        variant("deactivation", column("targetUserId", id("users"))))));
inline constexpr auto schema = define_schema(tables(audit));
}  // namespace fine
