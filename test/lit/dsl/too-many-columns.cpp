// The DSL refuses, at compile time and in its own words, a value it cannot hold.
// RUN: not %clangxx -fsyntax-only %s 2>&1 | FileCheck %s
#include <orm/orm.hpp>

using namespace orm;

inline constexpr auto wide = table("wide",
    index("by_everything").on("a", "b", "c", "d", "e", "f", "g", "h", "i"));
// CHECK: error: constexpr variable 'wide' must be initialized by a constant expression
// CHECK: dsl_error("a column list has more than 8 columns")

inline constexpr auto fine = table("fine", index("by_eight").on("a", "b", "c", "d", "e", "f", "g", "h"));
// CHECK-NOT: error: constexpr variable 'fine'
