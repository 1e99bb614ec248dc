#pragma once
// A literal value in a schema: a column default or an operand of a predicate.
#include <cstdint>
#include <string>

#include <orm/str.hpp>

namespace orm {

enum class value_kind : unsigned char { none, null, boolean, integer, real, text };

struct value {
  value_kind kind;        // zero-initialized: none
  std::int64_t integer;  // also holds booleans as 0 / 1
  double real;
  str text;

  constexpr value() = default;
  constexpr value(std::nullptr_t) : kind(value_kind::null), integer(0), real(0), text{} {}
  constexpr value(bool b) : kind(value_kind::boolean), integer(b ? 1 : 0), real(0), text{} {}
  constexpr value(int i) : kind(value_kind::integer), integer(i), real(0), text{} {}
  constexpr value(long i) : kind(value_kind::integer), integer(i), real(0), text{} {}
  constexpr value(long long i) : kind(value_kind::integer), integer(i), real(0), text{} {}
  constexpr value(double d) : kind(value_kind::real), integer(0), real(d), text{} {}
  constexpr value(const char* s) : kind(value_kind::text), integer(0), real(0), text(s) {}
  constexpr value(str s) : kind(value_kind::text), integer(0), real(0), text(s) {}
  // Views the string's characters: fine for a query's where, consumed by the call.
  constexpr value(const std::string& s) : kind(value_kind::text), integer(0), real(0), text(s.data(), s.size()) {}

  constexpr bool present() const { return kind != value_kind::none; }
};

}  // namespace orm
