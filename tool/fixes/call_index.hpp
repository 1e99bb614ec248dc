#pragma once
// The DSL calls of a translation unit, found by the sites their values recorded:
// table("posts", ...) and one/many(..., "author", ...) by their name literal,
// define_schema(...) by the start of the call (where its std::source_location points).
#include <map>

#include <clang/Basic/SourceLocation.h>

namespace clang {
class ASTContext;
class CallExpr;
}  // namespace clang

namespace orm::tool {

class call_index {
 public:
  explicit call_index(clang::ASTContext& context);

  const clang::CallExpr* table_at(clang::SourceLocation name) const { return find(tables_, name); }
  const clang::CallExpr* relation_at(clang::SourceLocation name) const { return find(relations_, name); }
  const clang::CallExpr* schema_at(clang::SourceLocation call) const { return find(schemas_, call); }

 private:
  using by_location = std::map<clang::SourceLocation, const clang::CallExpr*>;
  static const clang::CallExpr* find(const by_location& calls, clang::SourceLocation at);

  by_location tables_, relations_, schemas_;
};

}  // namespace orm::tool
