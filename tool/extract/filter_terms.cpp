// A filter as written at a call site, as the runtime's postfix condition (operators and
// columns; values are run-time): what orm-unindexed-query renders and explains.
#include <clang/AST/ExprCXX.h>
#include <llvm/ADT/StringSwitch.h>

#include "tool/extract/call_ast.hpp"
#include "tool/extract/call_reader.hpp"
#include "tool/extract/written_expr.hpp"

namespace orm::tool {

namespace {

std::optional<predicate_op> comparison(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<predicate_op>>(name)
      .Case("eq", predicate_op::eq).Case("ne", predicate_op::ne).Case("lt", predicate_op::lt)
      .Case("le", predicate_op::le).Case("gt", predicate_op::gt).Case("ge", predicate_op::ge)
      .Case("like", predicate_op::like).Case("is_null", predicate_op::is_null)
      .Case("is_not_null", predicate_op::is_not_null).Case("in", predicate_op::in)
      .Default(std::nullopt);
}

std::optional<predicate_op> connective(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<predicate_op>>(name)
      .Case("all_of", predicate_op::all).Case("any_of", predicate_op::any).Case("negate", predicate_op::negate)
      .Default(std::nullopt);
}

}  // namespace

void call_reader::where_of(const clang::Stmt* e, std::vector<model::written_name>& columns,
                           std::vector<model::query_load>& relations) const {
  if (!e) return;
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(e); call && !llvm::isa<clang::CXXOperatorCallExpr>(call)) {
    const auto* callee = llvm::dyn_cast_or_null<clang::FunctionDecl>(call->getCalleeDecl());
    const llvm::StringRef name = callee && callee->getIdentifier() && in_orm(callee) ? callee->getName() : "";
    if (llvm::is_contained(relation_filters, name)) {
      // A relation named at run time: its filter's columns belong to a table not known
      // here, and are neither checked nor taken for this table's.
      auto relation = call->getNumArgs() > 0 ? name_in(call->getArg(0)) : std::nullopt;
      if (!relation) return;
      model::query_load& tested = relations.emplace_back();
      tested.relation = std::move(*relation);
      if (call->getNumArgs() > 1) where_of(call->getArg(1), tested.options.where_columns, tested.options.filter_relations);
      return;
    }
    if (llvm::is_contained(filter_predicates, name)) {
      if (auto column = call->getNumArgs() > 0 ? name_in(call->getArg(0)) : std::nullopt) columns.push_back(std::move(*column));
      return;
    }
  }
  for (const clang::Stmt* child : e->children()) where_of(child, columns, relations);
}

// Every part must be seen: a predicate built elsewhere, or a column named at run time,
// makes the whole filter unknown (nullopt), and the check leaves the call alone.
std::optional<model::condition> call_reader::filter_of(const clang::Expr* e) const {
  e = written(e);
  if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(e); list && list->getNumInits() == 0) return model::condition{};
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e)) {
    if (ctor->getNumArgs() == 0 && ctor->getConstructor()->isDefaultConstructor()) return model::condition{};
    if (ctor->getNumArgs() == 1) return filter_of(ctor->getArg(0));  // condition(predicate)
    return std::nullopt;
  }
  const auto* call = llvm::dyn_cast<clang::CallExpr>(e);
  const auto* callee = call ? llvm::dyn_cast_or_null<clang::FunctionDecl>(call->getCalleeDecl()) : nullptr;
  if (!callee || !in_orm(callee)) return std::nullopt;
  auto joined = [&](predicate_op op, llvm::ArrayRef<const clang::Expr*> parts) -> std::optional<model::condition> {
    model::condition out;
    for (const clang::Expr* part : parts) {
      auto terms = filter_of(part);
      if (!terms) return std::nullopt;
      out.insert(out.end(), terms->begin(), terms->end());
    }
    out.push_back({op, {}, {}, static_cast<unsigned>(parts.size())});
    return out;
  };
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(call)) {
    if (op->getOperator() == clang::OO_Exclaim && op->getNumArgs() == 1) return joined(predicate_op::negate, {op->getArg(0)});
    if (op->getNumArgs() != 2) return std::nullopt;
    if (op->getOperator() == clang::OO_AmpAmp) return joined(predicate_op::all, {op->getArg(0), op->getArg(1)});
    if (op->getOperator() == clang::OO_PipePipe) return joined(predicate_op::any, {op->getArg(0), op->getArg(1)});
    return std::nullopt;
  }
  if (!callee->getIdentifier()) return std::nullopt;
  if (const auto op = connective(callee->getName())) {
    std::vector<const clang::Expr*> parts(call->arg_begin(), call->arg_end());
    return joined(*op, parts);
  }
  const auto op = comparison(callee->getName());
  if (!op || call->getNumArgs() == 0) return std::nullopt;
  const auto column = name_in(call->getArg(0));
  if (!column) return std::nullopt;
  return model::condition{{*op, column->text, {}, 0}};
}

// Each asc/desc under an order_by, in order; nullopt unless every order column `names`
// holds (the literals names_of_calls found) is one of them and there is at least one.
std::optional<std::vector<bool>> call_reader::descending_of(const clang::Expr* order, std::size_t names) const {
  std::vector<bool> out;
  std::vector<const clang::Stmt*> pending{order};
  while (!pending.empty()) {
    const clang::Stmt* s = pending.back();
    pending.pop_back();
    if (!s) continue;
    if (const auto* call = llvm::dyn_cast<clang::CallExpr>(s)) {
      const auto* callee = llvm::dyn_cast_or_null<clang::FunctionDecl>(call->getCalleeDecl());
      if (callee && callee->getIdentifier() && in_orm(callee) && (callee->getName() == "asc" || callee->getName() == "desc")) {
        out.push_back(callee->getName() == "desc");
        continue;
      }
    }
    // Children in reverse, so that the stack visits them in source order.
    std::vector<const clang::Stmt*> children(s->child_begin(), s->child_end());
    pending.insert(pending.end(), children.rbegin(), children.rend());
  }
  if (out.empty() || out.size() != names) return std::nullopt;
  return out;
}

}  // namespace orm::tool
