#pragma once
// Where the user wrote a schema element. Every builder takes its name through
// `named`, whose defaulted std::source_location records the call site without the
// user writing anything: Clang reports the name's string literal, GCC the call.
#include <source_location>

#include <orm/str.hpp>

namespace orm {

struct site {
  const char* file;
  unsigned line;
  unsigned column;

  static constexpr site from(const std::source_location& l) {
    return site{l.file_name(), static_cast<unsigned>(l.line()), static_cast<unsigned>(l.column())};
  }
};

// A schema element's name together with the place it was written.
struct named {
  str text{};
  site where{};

  constexpr named(const char* s, std::source_location l = std::source_location::current())
      : text(s), where(site::from(l)) {}
};

}  // namespace orm
