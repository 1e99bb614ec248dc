// A schema that is not a constant expression is reported with Clang's reason, not skipped.
// RUN: %ormlint %s -- %cxxflags | FileCheck %s -implicit-check-not='{{warning|error}}:'
#include <orm/orm.hpp>

using namespace orm;
int runtime_limit();
inline constexpr auto users = table("users");
inline const auto schema = define_schema(tables(users), {.defaults = {.default_limit = runtime_limit()}});
// CHECK: :[[@LINE-1]]:19: warning: ormlint cannot read schema 'schema': non-constexpr function 'runtime_limit' cannot be used in a constant expression {{.*}}; make its initializer a constant expression [ormlint-unreadable-schema]

// A template's schemas are never evaluated (their values depend on the arguments).
template <int N>
struct holder {
  static constexpr auto schema = define_schema(tables(users), {.defaults = {.default_limit = N}});
};
