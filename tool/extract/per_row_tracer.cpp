#include "tool/extract/per_row_tracer.hpp"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Basic/SourceManager.h>

#include "tool/extract/call_ast.hpp"
#include "tool/extract/written_expr.hpp"

namespace orm::tool {

namespace {

// The parameter of `function` that `e` is computed from, through locals.
std::optional<unsigned> parameter_source(const clang::Stmt* e, const clang::FunctionDecl& function, int hops) {
  if (!e) return std::nullopt;
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
    if (const auto* p = llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()); p && p->getDeclContext() == &function)
      return p->getFunctionScopeIndex();
    if (const auto* v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
        v && v->hasLocalStorage() && v->hasInit() && hops < 3)
      return parameter_source(v->getInit(), function, hops + 1);
  }
  if (llvm::isa<clang::LambdaExpr>(e)) return std::nullopt;
  for (const clang::Stmt* child : e->children())
    if (auto found = parameter_source(child, function, hops)) return found;
  return std::nullopt;
}

}  // namespace

// Each eq("column", value) and in("column", values) of a filter whose column is a
// literal: the equalities a filter takes its values by.
template <class Visit>
void per_row_tracer::for_each_equality(const clang::Stmt* e, Visit&& visit) const {
  if (!e) return;
  if (const auto* c = llvm::dyn_cast<clang::CallExpr>(e); c && !llvm::isa<clang::CXXOperatorCallExpr>(c)) {
    const auto* callee = llvm::dyn_cast_or_null<clang::FunctionDecl>(c->getCalleeDecl());
    if (callee && callee->getIdentifier() && in_orm(callee) &&
        (callee->getName() == "eq" || callee->getName() == "in") && c->getNumArgs() == 2) {
      if (const auto column = reader_.name_in(c->getArg(0))) visit(*column, c->getArg(1));
      return;
    }
  }
  for (const clang::Stmt* child : e->children()) for_each_equality(child, visit);
}

void per_row_tracer::resolve_helpers(calls_in_unit& result) const {
  for (const parameter_fed& p : parameter_fed_)
    for (const helper_call& h : helper_calls_) {
      if (h.callee != p.function || h.parameter != p.parameter) continue;
      model::per_row_call per_row{h.rows.first, h.rows.second, p.columns, p.call_name, h.site, h.name};
      auto& slot = p.is_query ? result.queries[p.index].call.per_row : result.writes[p.index].call.per_row;
      if (!slot) slot = std::move(per_row);
    }
}

void per_row_tracer::note_parameter_fed(const clang::Expr* where, bool is_query, std::size_t index,
                                        llvm::StringRef call_name) {
  if (functions_.empty()) return;
  const clang::FunctionDecl* function = functions_.back();
  parameter_fed fed{function->getCanonicalDecl(), 0, {}, is_query, index, call_name.str()};
  std::optional<unsigned> parameter;
  for_each_equality(where, [&](const model::written_name& column, const clang::Expr* value) {
    const auto from = parameter_source(value, *function, 0);
    if (!from || (parameter && *parameter != *from)) return;
    parameter = from;
    fed.columns.push_back(column);
  });
  if (!parameter) return;
  fed.parameter = *parameter;
  parameter_fed_.push_back(std::move(fed));
}

bool per_row_tracer::within(const clang::Stmt* outer, clang::SourceLocation at) const {
  if (!outer) return false;
  const clang::SourceRange range = outer->getSourceRange();
  return sm_.isPointWithin(sm_.getExpansionLoc(at), sm_.getExpansionLoc(range.getBegin()),
                           sm_.getExpansionLoc(range.getEnd()));
}

// The call is made once per row of an outer query when it sits in the body of a loop
// over that query's rows and its filter takes eq(...) / in(...) values from the row:
// the range-for's variable, the rows indexed, or a local computed from either.
std::optional<model::per_row_call> per_row_tracer::per_row_of(const clang::Expr* where, const clang::CallExpr& call,
                                                              llvm::StringRef call_name) const {
  column_values values;
  for_each_equality(where, [&](const model::written_name& column, const clang::Expr* value) { values.emplace_back(column, value); });
  return per_row_of(values, call, call_name);
}

std::optional<model::per_row_call> per_row_tracer::per_row_of(const column_values& values, const clang::CallExpr& call,
                                                              llvm::StringRef call_name) const {
  const std::vector<const loop*> around = loops_around(call);
  if (around.empty()) return std::nullopt;
  std::optional<model::per_row_call> out;
  for (const auto& [column, value] : values) {
    const auto rows = row_source(value, around, 0);
    if (!rows || (out && out->outer_site != rows->second)) continue;
    if (!out) out = model::per_row_call{rows->first, rows->second, {}, call_name.str(), {}, {}};
    out->row_columns.push_back(column);
  }
  return out;
}

// The loops whose body holds the call.
std::vector<const per_row_tracer::loop*> per_row_tracer::loops_around(const clang::CallExpr& call) const {
  std::vector<const loop*> around;
  for (const loop& l : loops_)
    if (within(l.body, call.getBeginLoc())) around.push_back(&l);
  return around;
}

std::optional<per_row_tracer::rows_query> per_row_tracer::row_source(const clang::Stmt* e,
                                                                     const std::vector<const loop*>& around,
                                                                     int hops) const {
  if (!e) return std::nullopt;
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
    if (const auto* v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); v && v->hasLocalStorage() && v->hasInit())
      for (const loop* l : around) {
        const auto* range_for = llvm::dyn_cast<clang::CXXForRangeStmt>(l->statement);
        if (range_for && range_for->getLoopVariable() == v) return rows_of(range_for->getRangeInit());
        if (!within(l->statement, v->getLocation())) {
          // Declared before the loop: the rows themselves or an iterator over them; any
          // other value is the same in every pass.
          if (auto rows = rows_of(v->getInit())) return rows;
          if (const auto* begin = llvm::dyn_cast<clang::CXXMemberCallExpr>(written(v->getInit()));
              begin && begin->getMethodDecl() && begin->getMethodDecl()->getIdentifier() &&
              (begin->getMethodDecl()->getName() == "begin" || begin->getMethodDecl()->getName() == "cbegin"))
            if (auto rows = rows_of(begin->getImplicitObjectArgument())) return rows;
        } else if (hops < 3) {
          // Computed in the loop (or its init): follow what it is computed from.
          if (auto rows = row_source(v->getInit(), around, hops + 1)) return rows;
        }
      }
  if (llvm::isa<clang::LambdaExpr>(e)) return std::nullopt;
  for (const clang::Stmt* child : e->children())
    if (auto rows = row_source(child, around, hops)) return rows;
  return std::nullopt;
}

// The find_many call whose result `e` is, directly or through a local initialized with it.
std::optional<per_row_tracer::rows_query> per_row_tracer::rows_of(const clang::Expr* e) const {
  e = written(e);
  if (const auto* ref = llvm::dyn_cast_or_null<clang::DeclRefExpr>(e))
    if (const auto* v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); v && v->hasLocalStorage() && v->hasInit())
      e = written(v->getInit());
  const auto* call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(e);
  if (!call || !is_method(call->getMethodDecl(), "basic_table_query") ||
      call->getMethodDecl()->getName() != "find_many")
    return std::nullopt;
  const auto* query_call = query_of(call->getImplicitObjectArgument());
  const auto table = query_call ? reader_.table_name(*query_call) : std::nullopt;
  if (!table) return std::nullopt;
  return rows_query{*table, reader_.site_of(call->getBeginLoc())};
}

void per_row_tracer::note_call(const clang::CallExpr& call) {
  const clang::FunctionDecl* callee = call.getDirectCallee();
  if (!callee || !callee->hasBody() || in_orm(callee) || sm_.isInSystemHeader(callee->getLocation())) return;
  const std::vector<const loop*> around = loops_around(call);
  if (around.empty()) return;
  const unsigned first = llvm::isa<clang::CXXOperatorCallExpr>(&call) ? 1 : 0;
  for (unsigned i = first; i < call.getNumArgs() && i - first < callee->getNumParams(); ++i)
    if (auto rows = row_source(call.getArg(i), around, 0))
      helper_calls_.push_back({callee->getCanonicalDecl(), i - first, *rows, reader_.site_of(call.getBeginLoc()),
                               callee->getNameAsString()});
}

}  // namespace orm::tool
