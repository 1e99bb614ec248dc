#pragma once
// Reads evaluated constexpr values (APValue) by field name, never by position, so that
// the reader does not depend on a struct's layout or on any standard library's internals.
#include <cstdint>
#include <stdexcept>
#include <string>

#include <clang/AST/APValue.h>
#include <clang/AST/Type.h>
#include <llvm/ADT/StringRef.h>

namespace clang {
class ASTContext;
}

namespace orm::tool {

// The value does not have the shape this version of ormlint expects.
struct read_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An evaluated value together with its type, which names its fields.
struct typed_value {
  const clang::APValue* value = nullptr;
  clang::QualType type;
};

class value_reader {
 public:
  explicit value_reader(const clang::ASTContext& context) : context_(context) {}

  typed_value field(const typed_value& record, llvm::StringRef name) const;
  typed_value element(const typed_value& array, std::size_t index) const;

  std::int64_t integer(const typed_value& v) const;  // integers, bools and enums
  bool boolean(const typed_value& v) const { return integer(v) != 0; }
  double real(const typed_value& v) const;
  // A `const char*` that points into a string literal or a constexpr char array.
  std::string c_string(const typed_value& pointer, std::int64_t length = -1) const;

  std::int64_t integer_field(const typed_value& r, llvm::StringRef name) const { return integer(field(r, name)); }

 private:
  const clang::ASTContext& context_;
};

}  // namespace orm::tool
