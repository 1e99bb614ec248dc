// find_unique's pinning: which columns a filter fixes, read as the planner's
// pinned_columns reads the runtime's condition (model/query_plan.hpp).
#include <clang/AST/ExprCXX.h>
#include <llvm/ADT/STLExtras.h>

#include "tool/extract/call_ast.hpp"
#include "tool/extract/call_reader.hpp"
#include "tool/extract/written_expr.hpp"

namespace orm::tool {

// The columns a filter fixes with eq(...) through && only, as the planner's
// pinned_columns reads the runtime's filter; nullopt when part of it is not seen here.
std::optional<std::vector<std::string>> call_reader::pinned_by(const clang::Expr* e) const {
  e = written(e);
  if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(e); list && list->getNumInits() == 0)
    return std::vector<std::string>{};
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e)) {
    if (ctor->getNumArgs() == 0 && ctor->getConstructor()->isDefaultConstructor()) return std::vector<std::string>{};
    if (ctor->getNumArgs() == 1) return pinned_by(ctor->getArg(0));  // condition(predicate)
    return std::nullopt;
  }
  const auto* call = llvm::dyn_cast<clang::CallExpr>(e);
  const auto* callee = call ? llvm::dyn_cast_or_null<clang::FunctionDecl>(call->getCalleeDecl()) : nullptr;
  if (!callee || !in_orm(callee)) return std::nullopt;
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(call)) {
    if (op->getOperator() == clang::OO_PipePipe || op->getOperator() == clang::OO_Exclaim)
      return std::vector<std::string>{};  // pins nothing, whatever its operands say
    if (op->getOperator() != clang::OO_AmpAmp || op->getNumArgs() != 2) return std::nullopt;
    auto left = pinned_by(op->getArg(0));
    auto right = left ? pinned_by(op->getArg(1)) : std::nullopt;
    if (!right) return std::nullopt;
    left->insert(left->end(), right->begin(), right->end());
    return left;
  }
  if (!callee->getIdentifier()) return std::nullopt;
  const llvm::StringRef name = callee->getName();
  if (name == "eq") {
    auto column = call->getNumArgs() == 2 ? name_in(call->getArg(0)) : std::nullopt;
    if (!column) return std::nullopt;
    return std::vector<std::string>{column->text};
  }
  if (llvm::is_contained(filter_predicates, name) || llvm::is_contained(relation_filters, name))
    return std::vector<std::string>{};  // pins nothing
  return std::nullopt;
}

}  // namespace orm::tool
