#pragma once
// A constexpr string reference owned by the library, not by the standard library:
// the Clang front end reads schema values field by field, and std::string_view is
// laid out differently by libstdc++ and libc++.
#include <cstddef>
#include <string>
#include <string_view>

namespace orm {

struct str {
  const char* ptr;  // null or the text; zero-initialized means empty
  std::size_t len;

  constexpr str() = default;
  // __builtin_strlen is one step of constant evaluation in Clang and GCC alike, where
  // std::char_traits<char>::length loops a character at a time (libstdc++ 12): on a
  // schema of thousands of names that loop alone hits the compilers' step limits.
  constexpr str(const char* s) : ptr(s), len(__builtin_strlen(s)) {}
  constexpr str(const char* s, std::size_t n) : ptr(s), len(n) {}
  // Views the string: for run-time filters, which a query consumes before returning.
  constexpr str(const std::string& s) : ptr(s.data()), len(s.size()) {}

  constexpr std::string_view view() const { return {ptr, len}; }
  constexpr bool empty() const { return len == 0; }
  friend constexpr bool operator==(str a, str b) { return a.view() == b.view(); }
};

}  // namespace orm
