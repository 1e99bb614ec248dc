// The checks inside the compile (libormlint-plugin.so, what orm_add_ormlint_check uses
// with clang++-19): an error fails the compile, with the CLI's message, notes and fix
// placement; the arguments raise, lower and select checks as the CLI's options do; NOLINT
// holds; a wrong argument is refused by name. (In tidy/: the plugin is loaded into the
// unsanitized compiler, so the sanitized lit run leaves it out.)
// RUN: not %clangxx -fplugin=%compiler_plugin -fsyntax-only %s 2>&1 | FileCheck %s -implicit-check-not='{{error|warning}}:'
// RUN: %clangxx -fplugin=%compiler_plugin -fplugin-arg-ormlint-errors-as-warnings=orm-missing-relation-index -fsyntax-only %s 2>&1 | FileCheck %s -check-prefix=LOWERED
// RUN: %clangxx -fplugin=%compiler_plugin '-fplugin-arg-ormlint-checks=-*,orm-unbounded-many' -fsyntax-only %s 2>&1 | FileCheck %s -check-prefix=NONE -allow-empty
// RUN: not %clangxx -fplugin=%compiler_plugin -fplugin-arg-ormlint-chekcs=orm-* -fsyntax-only %s 2>&1 | FileCheck %s -check-prefix=BAD-ARG
// RUN: %clangxx -fplugin=%compiler_plugin -c %s -o %t.o -DNO_MISTAKE && test -s %t.o
// A broken .ormlint.yaml above the unit fails its compile, naming the file and the key.
// RUN: rm -rf %t.dir && mkdir -p %t.dir && printf 'Chekcs: orm-*\n' > %t.dir/.ormlint.yaml && cp %s %t.dir/unit.cpp
// RUN: not %clangxx -fplugin=%compiler_plugin -fsyntax-only -DNO_MISTAKE %t.dir/unit.cpp 2>&1 | FileCheck %s -check-prefix=BAD-CONFIG
// BAD-CONFIG: error: {{.*}}.ormlint.yaml:1:1: unknown key 'Chekcs'
// BAD-CONFIG-NEXT: ormlint: .ormlint.yaml accepts the keys Checks,
// LOWERED: warning: relation 'customers.orders' loads 'orders' rows by (customerId), which no index of 'orders' serves{{.*}}[orm-missing-relation-index]
// NONE-NOT: orm-
// BAD-ARG: error: ormlint plugin: unknown argument 'chekcs=orm-*'; it accepts checks=, warnings-as-errors=, errors-as-warnings= and claims=
#include <orm/orm.hpp>

using namespace orm;

inline constexpr auto customers = table("customers", column("name", text().not_null()));
#ifdef NO_MISTAKE
inline constexpr auto orders = table("orders", column("customerId", id("customers").not_null()), index("by_customer").on("customerId"));
#else
inline constexpr auto orders = table("orders", column("customerId", id("customers").not_null()));
#endif
inline constexpr auto schema = define_schema(tables(customers, orders), {.defaults = {.default_limit = 10}})
    // CHECK: compiler-plugin.cpp:[[@LINE+1]]:32: error: relation 'customers.orders' loads 'orders' rows by (customerId){{.*}}[orm-missing-relation-index]
    .relations(many(customers, "orders", orders),
               one(orders, "customer", customers, {.from = "customerId"}));
// CHECK: compiler-plugin.cpp:[[#ORDERS:]]:38: note: table 'orders' is defined here
// CHECK: compiler-plugin.cpp:[[#ORDERS]]:{{[0-9]+}}: note: `ormlint --fix` edits this
// CHECK: , index("by_customerId").on("customerId")
// CHECK: 1 error generated.

inline constexpr auto tags = table("tags", column("label", text()));
inline constexpr auto notes = table("notes", column("tagId", id("tags")));
inline constexpr auto quiet = define_schema(tables(tags, notes), {.defaults = {.default_limit = 10}})
    .relations(many(tags, "notes", notes),  // NOLINT(orm-missing-relation-index)
               one(notes, "tag", tags, {.from = "tagId"}));  // NOLINT(orm-missing-relation-index)
