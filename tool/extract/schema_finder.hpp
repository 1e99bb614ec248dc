#pragma once
// Finds the schemas of a translation unit: variables of type orm::schema_def<...> at
// namespace or class scope, read through constant evaluation into the schema model.
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>

#include <clang/Basic/FileEntry.h>

namespace clang {
class ASTContext;
class VarDecl;
}  // namespace clang

namespace orm::tool {

struct found_schema {
  const clang::VarDecl* variable = nullptr;
  model::schema model;
};

// A schema variable that ormlint cannot read, and why (Clang's first note, or the
// shape the reader did not expect).
struct unreadable_schema {
  const clang::VarDecl* variable = nullptr;
  std::string reason;
};

struct schemas_in_unit {
  std::vector<found_schema> readable;
  std::vector<unreadable_schema> unreadable;
};

// The schemas in the AST's traversal scope, those the given variables (the schemas that
// calls in scope name) hold, wherever they are declared, and those declared at file level
// in `headers` (in clangd: the user's headers the open file includes).
schemas_in_unit find_schemas(clang::ASTContext& context, const std::vector<const clang::VarDecl*>& named_by_calls = {},
                             const std::vector<clang::FileEntryRef>& headers = {});

}  // namespace orm::tool
