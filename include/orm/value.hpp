#pragma once
// A literal value in a schema: a column default or an operand of a predicate.
#include <cstdint>

#include <orm/str.hpp>

namespace orm {

enum class value_kind : unsigned char { none, null, boolean, integer, real, text };

struct value {
  value_kind kind = value_kind::none;
  std::int64_t integer = 0;  // also holds booleans as 0 / 1
  double real = 0;
  str text{};

  constexpr value() = default;
  constexpr value(std::nullptr_t) : kind(value_kind::null) {}
  constexpr value(bool b) : kind(value_kind::boolean), integer(b ? 1 : 0) {}
  constexpr value(int i) : kind(value_kind::integer), integer(i) {}
  constexpr value(long i) : kind(value_kind::integer), integer(i) {}
  constexpr value(long long i) : kind(value_kind::integer), integer(i) {}
  constexpr value(double d) : kind(value_kind::real), real(d) {}
  constexpr value(const char* s) : kind(value_kind::text), text(s) {}
  constexpr value(str s) : kind(value_kind::text), text(s) {}

  constexpr bool present() const { return kind != value_kind::none; }
};

}  // namespace orm
