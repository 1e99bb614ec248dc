// orm-non-unique-one: a one() relation whose target columns are not unique, including one-to-one without a unique foreign key
// RUN: %ormlint --checks=-*,orm-non-unique-one %s -- %cxxflags | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
// RUN: cp %s %t.cpp && %ormlint --checks=-*,orm-non-unique-one --fix %t.cpp -- %cxxflags > /dev/null
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
// RUN: %ormlint --checks=-*,orm-non-unique-one %t.cpp -- %cxxflags | FileCheck %s -check-prefix=CLEAN -allow-empty -implicit-check-not='{{warning|error}}:'
// CLEAN-NOT: orm-
#include <orm/orm.hpp>

using namespace orm;

// One-to-one both ways, and the foreign key is not unique.
namespace one_to_one {
inline constexpr auto users = table("users");
inline constexpr auto profiles = table("profiles",
    column("userId", id("users")));
// CHECK-FIXES: {{^}}    column("userId", id("users")),
// CHECK-FIXES-NEXT: {{^}}    unique_index("unique_userId").on("userId"));
inline constexpr auto schema = define_schema(tables(users, profiles)).relations(
    one(profiles, "user", users, {.from = "userId", .to = "id"}),
    one(users, "profile", profiles));
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: one-to-one 'users.profile' loads 'profiles' by (userId), which is not unique, so one users row can have many; make the foreign key unique (.unique() or a unique index) [orm-non-unique-one]
}  // namespace one_to_one

// A one() by a compound key that no unique index covers.
namespace compound {
inline constexpr auto accounts = table("accounts", column("region", text()), column("number", integer()));
inline constexpr auto invoices = table("invoices", column("region", text()), column("account", integer()));
// CHECK-FIXES: {{^}}inline constexpr auto accounts = table("accounts", column("region", text()), column("number", integer()), unique_index("unique_region_number").on("region", "number"));
inline constexpr auto schema = define_schema(tables(accounts, invoices)).relations(
    one(invoices, "account", accounts, {.from = cols("region", "account"), .to = cols("region", "number")}));
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: one() relation 'invoices.account' loads 'accounts' by (region, number), which is not unique, so it can match many rows and loads an arbitrary one; make those columns unique, or make the relation a many() [orm-non-unique-one]
}  // namespace compound

// Must not warn: the key, a .unique() column, a unique index on some of the columns.
namespace fine {
inline constexpr auto users = table("users", column("email", text().unique()), column("org", integer()), column("n", integer()),
                                    unique_index("by_n").on("n"));
inline constexpr auto posts = table("posts", column("authorId", id("users")), column("email", text()),
                                    column("org", integer()), column("n", integer()));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(
    one(posts, "author", users, {.from = "authorId"}),
    one(posts, "byEmail", users, {.from = "email", .to = "email"}),
    one(posts, "byN", users, {.from = cols("org", "n"), .to = cols("org", "n")}));
}  // namespace fine
