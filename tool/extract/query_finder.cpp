#include "tool/extract/query_finder.hpp"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>

#include "tool/extract/value_reader.hpp"
#include "tool/extract/written_expr.hpp"

namespace orm::tool {

namespace {

bool is_method(const clang::CXXMethodDecl* m, llvm::StringRef klass) {
  return m && m->getParent()->getName() == klass && m->getParent()->getEnclosingNamespaceContext()->isNamespace() &&
         llvm::cast<clang::NamespaceDecl>(m->getParent()->getEnclosingNamespaceContext())->getName() == "sqlite";
}

// The field of an aggregate's (semantic) init list, by name; null when not found.
const clang::Expr* field_init(const clang::InitListExpr& list, llvm::StringRef name) {
  const auto* record = list.getType()->getAsRecordDecl();
  if (!record) return nullptr;
  for (const clang::FieldDecl* f : record->fields())
    if (f->getName() == name && f->getFieldIndex() < list.getNumInits()) return list.getInit(f->getFieldIndex());
  return nullptr;
}

// Whether the user wrote this field, rather than leaving it to its default.
bool given(const clang::Expr* init) { return init && !llvm::isa<clang::CXXDefaultInitExpr>(init); }

class finder : public clang::RecursiveASTVisitor<finder> {
 public:
  explicit finder(clang::ASTContext& context) : context_(context), sm_(context.getSourceManager()), read_(context) {}

  bool TraverseDecl(clang::Decl* d) {
    if (d && !llvm::isa<clang::TranslationUnitDecl>(d) && sm_.isInSystemHeader(d->getLocation())) return true;
    return RecursiveASTVisitor::TraverseDecl(d);
  }

  bool VisitCXXMemberCallExpr(clang::CXXMemberCallExpr* call) {
    const clang::CXXMethodDecl* method = call->getMethodDecl();
    if (!is_method(method, "table_query") || !method->getIdentifier() ||
        !(method->getName() == "find_many" || method->getName() == "find_first" || method->getName() == "find_unique") ||
        call->getNumArgs() < 1)
      return true;
    const auto* query_call = query_of(call->getImplicitObjectArgument());
    if (!query_call) return true;
    const auto* schema = variable(query_call->getArg(0));
    const auto* table = variable(query_call->getArg(1));
    const auto* options = llvm::dyn_cast<clang::InitListExpr>(written(call->getArg(0)));
    if (!schema || !table || !options || !table->evaluateValue()) return true;
    try {
      const typed_value name = read_.field({table->evaluateValue(), table->getType()}, "name");
      found_query q{schema->getCanonicalDecl(), {}};
      q.query.table = read_.c_string(read_.field(name, "ptr"), read_.integer_field(name, "len"));
      q.query.site = site_of(call->getBeginLoc());
      if (const clang::Expr* scan = field_init(*options, "allow_full_scan"); given(scan)) {
        const auto* literal = llvm::dyn_cast<clang::CXXBoolLiteralExpr>(written(scan));
        q.query.allow_full_scan = !literal || literal->getValue();
      }
      q.query.loads = loads_of(*options);
      result.push_back(std::move(q));
    } catch (const read_error&) {
      // A table value of another shape: not a query this version understands.
    }
    return true;
  }

  std::vector<found_query> result;

 private:
  // db.query(schema, table), directly or through a variable initialized with it.
  const clang::CXXMemberCallExpr* query_of(const clang::Expr* object) const {
    const clang::Expr* e = written(object);
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
      if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); var && var->hasInit()) e = written(var->getInit());
    const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(e);
    if (!call || !is_method(call->getMethodDecl(), "database") || call->getMethodDecl()->getName() != "query" ||
        call->getNumArgs() != 2)
      return nullptr;
    return call;
  }

  static const clang::VarDecl* variable(const clang::Expr* e) {
    const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(written(e));
    return ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  }

  model::source_site site_of(clang::SourceLocation loc) const {
    const clang::PresumedLoc p = sm_.getPresumedLoc(sm_.getFileLoc(loc));
    return p.isValid() ? model::source_site{p.getFilename(), p.getLine(), p.getColumn()} : model::source_site{};
  }

  // The relations `with` loads, from the options' init list.
  std::vector<model::query_load> loads_of(const clang::InitListExpr& options) const {
    std::vector<model::query_load> out;
    const clang::Expr* with = field_init(options, "with");
    if (!given(with)) return out;
    const auto* list_ctor = llvm::dyn_cast<clang::CXXConstructExpr>(written(with));
    if (!list_ctor || list_ctor->getNumArgs() != 1) return out;
    const auto* std_list = llvm::dyn_cast<clang::CXXStdInitializerListExpr>(written(list_ctor->getArg(0)));
    const auto* items = std_list ? llvm::dyn_cast<clang::InitListExpr>(written(std_list->getSubExpr())) : nullptr;
    if (!items) return out;
    for (const clang::Expr* item : items->inits()) {
      const auto* entry = llvm::dyn_cast<clang::InitListExpr>(written(item));
      if (!entry) continue;
      const clang::Expr* relation = field_init(*entry, "relation");
      const auto* name_ctor = relation ? llvm::dyn_cast<clang::CXXConstructExpr>(written(relation)) : nullptr;
      const auto* literal = name_ctor && name_ctor->getNumArgs() >= 1
                                ? llvm::dyn_cast<clang::StringLiteral>(name_ctor->getArg(0)->IgnoreImpCasts())
                                : nullptr;
      if (!literal) continue;  // a name computed at run time: not known here
      model::query_load load{literal->getString().str(), false, site_of(literal->getBeginLoc()), {}};
      if (const auto* nested = llvm::dyn_cast_or_null<clang::InitListExpr>(written(field_init(*entry, "options")))) {
        load.has_limit = given(field_init(*nested, "limit"));
        load.nested = loads_of(*nested);
      }
      out.push_back(std::move(load));
    }
    return out;
  }

  clang::ASTContext& context_;
  clang::SourceManager& sm_;
  value_reader read_;
};

}  // namespace

std::vector<found_query> find_queries(clang::ASTContext& context) {
  // Units that never name the runtime's query type have no queries: skip the walk.
  if (context.Idents.find("table_query") == context.Idents.end()) return {};
  finder f(context);
  f.TraverseAST(context);
  return std::move(f.result);
}

}  // namespace orm::tool
