// orm-required-cycle: required foreign keys that form a cycle, so that no row can be inserted first
// RUN: %exit1 %ormlint --checks=-*,orm-required-cycle %s -- %cxxflags | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
#include <orm/orm.hpp>

using namespace orm;

// users need a team, teams need an owner: neither can be inserted first.
namespace two_tables {
inline constexpr auto users = table("users", column("teamId", id("teams").not_null()));
inline constexpr auto teams = table("teams", column("ownerId", id("users").not_null().references("users")));
inline constexpr auto schema = define_schema(tables(users, teams)).relations(
    one(users, "team", teams, {.from = "teamId"}));
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: required foreign keys form a cycle (users.teamId -> teams, teams.ownerId -> users): no row of these tables can be inserted first; make one of these columns nullable [orm-required-cycle]
// CHECK-MESSAGES: :[[@LINE-4]]:53: note: 'teams.ownerId' is required here
}  // namespace two_tables

// Three tables, one cycle, reported once.
namespace three_tables {
inline constexpr auto a = table("a", column("bId", id("b").not_null()), foreign_key("a_b", "bId", "b"));
// CHECK-MESSAGES: :[[@LINE-1]]:85: error: required foreign keys form a cycle (a.bId -> b, b.cId -> c, c.aId -> a)
inline constexpr auto b = table("b", column("cId", id("c").not_null()), foreign_key("b_c", "cId", "c"));
// CHECK-MESSAGES: :[[@LINE-1]]:85: note: 'b.cId' is required here
inline constexpr auto c = table("c", column("aId", id("a").not_null()), foreign_key("c_a", "aId", "a"));
// CHECK-MESSAGES: :[[@LINE-1]]:85: note: 'c.aId' is required here
inline constexpr auto schema = define_schema(tables(a, b, c));
}  // namespace three_tables

// A required key into its own table (kitcn refuses it): a warning, since a row can be
// inserted referencing itself when its id is given in advance. Once per key, whether a
// one() or a declared foreign key makes it.
namespace self_reference {
inline constexpr auto users = table("users", column("managerId", id("users").not_null()));
inline constexpr auto schema = define_schema(tables(users)).relations(
    one(users, "manager", users, {.from = "managerId"}));
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: required foreign key 'users.managerId' references its own table, so the first row can only be inserted with its own id given in advance; make 'managerId' nullable [orm-required-cycle]
inline constexpr auto nodes = table("nodes", column("rootId", id("nodes").not_null()), foreign_key("to_root", "rootId", "nodes"));
// CHECK-MESSAGES: :[[@LINE-1]]:100: warning: required foreign key 'nodes.rootId' references its own table, so the first row can only be inserted with its own id given in advance; make 'rootId' nullable [orm-required-cycle]
inline constexpr auto tree = define_schema(tables(nodes)).relations(one(nodes, "root", nodes, {.from = "rootId"}));
}  // namespace self_reference

// Must not warn: a nullable link breaks the cycle; a nullable self-reference.
namespace fine {
inline constexpr auto users = table("users", column("teamId", id("teams").not_null()), column("managerId", id("users")));
inline constexpr auto teams = table("teams", column("ownerId", id("users")));
inline constexpr auto schema = define_schema(tables(users, teams)).relations(
    one(users, "team", teams, {.from = "teamId"}), one(teams, "owner", users, {.from = "ownerId"}),
    one(users, "manager", users, {.from = "managerId"}));
}  // namespace fine
