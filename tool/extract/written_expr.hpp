#pragma once
// The expression the user wrote under the nodes Clang adds around it: implicit casts,
// temporaries, parentheses, and copies or moves of a value.
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>

namespace orm::tool {

inline const clang::Expr* written(const clang::Expr* e) {
  while (e) {
    const clang::Expr* next = e->IgnoreImplicit()->IgnoreParens();
    if (const auto* copy = llvm::dyn_cast<clang::CXXConstructExpr>(next);
        copy && copy->getNumArgs() == 1 && copy->getConstructor()->isCopyOrMoveConstructor())
      next = copy->getArg(0);
    if (next == e) return e;
    e = next;
  }
  return e;
}

}  // namespace orm::tool
