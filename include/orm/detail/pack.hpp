#pragma once
// Walks over parameter packs without fold expressions: Clang nests a fold of N
// operands N deep and stops at 256, and schemas have thousands of relations.
#include <cstddef>
#include <initializer_list>

namespace orm::detail {

template <class F, class... Args>
constexpr void for_each_arg(F&& f, const Args&... args) {
  const int in_order[] = {0, (f(args), 0)...};  // braced lists evaluate left to right
  (void)in_order;
}

template <class T>
constexpr T sum(std::initializer_list<T> values) {
  T total{};
  for (const T& v : values) total = total + v;
  return total;
}

}  // namespace orm::detail
