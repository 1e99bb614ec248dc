#pragma once
// A row struct of a find_*<T> call, read from Clang's record of it into the words the rules
// use (model/row_rules.hpp). It classifies each field's type exactly as the runtime's
// orm/reflection/describe.hpp does, so that ormlint and the runtime refuse a struct alike.
#include <optional>

#include <orm/model/query_model.hpp>

namespace clang {
class ASTContext;
class QualType;
}  // namespace clang

namespace orm::tool {

// nullopt when T is not a complete aggregate struct ormlint can read (then the call's
// row is not checked: the compiler has its own say on such a T).
std::optional<model::row_type> read_row_type(clang::ASTContext& context, clang::QualType type);

}  // namespace orm::tool
