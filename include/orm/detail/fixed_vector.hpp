#pragma once
// Fixed-capacity storage for constexpr schema values. Plain members (no std::array)
// so that the Clang front end can read `items` and `size` by name on any standard
// library. Capacity 0 still holds one unused slot because C++ has no empty arrays.
#include <cstddef>

#include <orm/detail/dsl_error.hpp>

namespace orm::detail {

template <class T, std::size_t Capacity>
struct fixed_vector {
  T items[Capacity == 0 ? 1 : Capacity]{};
  std::size_t size = 0;

  static constexpr std::size_t capacity = Capacity;

  constexpr void push_back(const T& value) {
    if (size == Capacity) dsl_error("too many elements for this schema construct");
    items[size++] = value;
  }
  // Appends [first, last) with one capacity check: each statement run is a step of the
  // constant evaluator, and pooling a schema copies every element of every table.
  constexpr void append(const T* first, const T* last) {
    if (static_cast<std::size_t>(last - first) > Capacity - size) dsl_error("too many elements for this schema construct");
    for (; first != last; ++first) items[size++] = *first;
  }
  constexpr const T* begin() const { return items; }
  constexpr const T* end() const { return items + size; }
  constexpr const T& operator[](std::size_t i) const { return items[i]; }
  constexpr T& operator[](std::size_t i) { return items[i]; }
  constexpr bool empty() const { return size == 0; }
};

}  // namespace orm::detail
