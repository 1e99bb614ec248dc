#pragma once
// An ordered list of column names: index keys, compound relation ends, foreign keys.
// Converts from one name, so `.from = "authorId"` and `.from = cols("a", "b")` both work.
#include <cstddef>

#include <orm/detail/dsl_error.hpp>
#include <orm/detail/pack.hpp>
#include <orm/str.hpp>

namespace orm {

struct name_list {
  static constexpr std::size_t capacity = 8;
  str names[capacity];
  std::size_t size;

  constexpr name_list() = default;
  // Initialized, not pushed: no statement to run, so no step of the constant evaluator.
  constexpr name_list(const char* one) : names{str(one)}, size(1) {}
  constexpr name_list(str one) : names{one}, size(1) {}

  constexpr void push(str name) {
    if (size == capacity) detail::dsl_error("a column list has more than 8 columns");
    names[size++] = name;
  }
  constexpr bool empty() const { return size == 0; }
  constexpr const str* begin() const { return names; }
  constexpr const str* end() const { return names + size; }
  constexpr str operator[](std::size_t i) const { return names[i]; }
};

template <class... Names>
constexpr name_list cols(const Names&... names) {
  name_list list{};
  detail::for_each_arg([&](const auto& n) { list.push(str(n)); }, names...);
  return list;
}

}  // namespace orm
