#pragma once
// SQLite's own failures; the errors every backend shares are in orm/runtime/errors.hpp.
#include <string>

#include <orm/runtime/errors.hpp>

namespace orm::sqlite {

// SQLite itself failed; carries its result code (SQLITE_BUSY, ...) and the extended one
// (SQLITE_CONSTRAINT_FOREIGNKEY, ...).
struct sqlite_error : runtime::error {
  sqlite_error(const std::string& what, int code, int extended_code = 0)
      : error(what), code(code), extended_code(extended_code ? extended_code : code) {}
  int code;
  int extended_code;
};

}  // namespace orm::sqlite
