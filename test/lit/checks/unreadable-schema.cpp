// orm-unreadable-schema: a schema ormlint cannot read, because its initializer is not a constant expression
// A schema that is not a constant expression is reported with Clang's reason, not skipped.
// RUN: %ormlint %s -- %cxxflags | FileCheck %s -implicit-check-not='{{warning|error}}:'
// It is a check like the others: listed, documented, promotable, and can be turned off.
// RUN: %python %S/../cli/Inputs/expect_status.py 1 %ormlint --warnings-as-errors='*' %s -- %cxxflags
// RUN: %exit1 %ormlint --warnings-as-errors='orm-unreadable-schema' %s -- %cxxflags | FileCheck %s --check-prefix=PROMOTED
// PROMOTED: error: ormlint cannot read schema 'schema'{{.*}}[orm-unreadable-schema]
// RUN: %ormlint --checks='orm-*,-orm-unreadable-schema' %s -- %cxxflags | FileCheck %s --check-prefix=OFF --allow-empty
// OFF-NOT: unreadable
// RUN: %ormlint --list-checks | FileCheck %s --check-prefix=LIST
// LIST: orm-unreadable-schema  a schema ormlint cannot read, because its initializer is not a constant expression
// RUN: %ormlint --explain orm-unreadable-schema | FileCheck %s --check-prefix=PAGE
// PAGE: # orm-unreadable-schema
#include <orm/orm.hpp>

using namespace orm;
int runtime_limit();
inline constexpr auto users = table("users");
inline const auto schema = define_schema(tables(users), {.defaults = {.default_limit = runtime_limit()}});
// CHECK: :[[@LINE-1]]:19: warning: ormlint cannot read schema 'schema': non-constexpr function 'runtime_limit' cannot be used in a constant expression {{.*}}; make its initializer a constant expression [orm-unreadable-schema]

// A template's schemas are never evaluated (their values depend on the arguments).
template <int N>
struct holder {
  static constexpr auto schema = define_schema(tables(users), {.defaults = {.default_limit = N}});
};

// A table built from a run-time value: the reason is given at the user's line that holds
// it, through the table's variable, not inside the orm's headers where the DSL read it.
namespace via_table {
inline const auto posts = table("posts", column("authorId", id("users").default_value(runtime_limit())));
inline const auto schema = define_schema(tables(users, posts));
// CHECK: :[[@LINE-1]]:19: warning: ormlint cannot read schema 'via_table::schema': 'posts' ({{.*}}unreadable-schema.cpp:[[@LINE-2]]) is not a constant expression: non-constexpr function 'runtime_limit' cannot be used in a constant expression (at {{.*}}unreadable-schema.cpp:[[@LINE-2]]); make its initializer a constant expression [orm-unreadable-schema]
}  // namespace via_table
