#include "tool/extract/query_finder.hpp"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>
#include <initializer_list>
#include <optional>

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
      if (const clang::Expr* depth = field_init(*options, "max_depth"); given(depth)) {
        const auto value = constant(depth);
        if (!value) return true;  // a depth known only at run time: the nesting cannot be judged
        q.query.max_depth = static_cast<int>(*value);
      }
      q.query.top = options_of(*options);
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

  // The value of an integer expression that is a constant, such as `-1` or `kPage`.
  // Through the std::optional it initializes, when it does.
  std::optional<std::int64_t> constant(const clang::Expr* e) const {
    e = written(e);
    if (const auto* construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(e); construct && construct->getNumArgs() == 1)
      e = written(construct->getArg(0));
    clang::Expr::EvalResult result;
    if (!e || e->isValueDependent() || !e->getType()->isIntegralOrEnumerationType() || !e->EvaluateAsInt(result, context_))
      return std::nullopt;
    return result.Val.getInt().getExtValue();
  }

  // The string literal an argument is, through the conversions to str or std::string.
  static const clang::StringLiteral* literal_in(const clang::Expr* e) {
    for (int hops = 0; e && hops < 8; ++hops) {
      e = written(e);
      if (const auto* literal = llvm::dyn_cast<clang::StringLiteral>(e)) return literal;
      const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(e);
      if (!construct || construct->getNumArgs() < 1) return nullptr;
      e = construct->getArg(0);
    }
    return nullptr;
  }

  std::optional<model::written_name> name_in(const clang::Expr* e) const {
    const clang::StringLiteral* literal = literal_in(e);
    if (!literal || !literal->isOrdinary()) return std::nullopt;
    return model::written_name{literal->getString().str(), site_of(literal->getBeginLoc())};
  }

  // The column literals of calls to the given functions anywhere under `e`: only(...),
  // asc(...), eq("col", v) && lt("col", v), ... A name built at run time is not known
  // here and is left out: only what is written is checked.
  void names_of_calls(const clang::Stmt* e, std::initializer_list<llvm::StringRef> functions, bool every_argument,
                      std::vector<model::written_name>& out) const {
    if (!e) return;
    if (const auto* call = llvm::dyn_cast<clang::CallExpr>(e); call && !llvm::isa<clang::CXXOperatorCallExpr>(call)) {
      const auto* callee = llvm::dyn_cast_or_null<clang::FunctionDecl>(call->getCalleeDecl());
      if (callee && callee->getIdentifier() && in_orm(callee) &&
          std::find(functions.begin(), functions.end(), callee->getName()) != functions.end()) {
        for (unsigned i = 0; i < call->getNumArgs() && (every_argument || i == 0); ++i)
          if (auto name = name_in(call->getArg(i))) out.push_back(std::move(*name));
        if (!every_argument) return;
      }
    }
    for (const clang::Stmt* child : e->children()) names_of_calls(child, functions, every_argument, out);
  }

  static bool in_orm(const clang::Decl* d) {
    for (const clang::DeclContext* c = d->getDeclContext(); c; c = c->getParent())
      if (const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(c); ns && ns->getName() == "orm" &&
                                                                     ns->getParent()->isTranslationUnit())
        return true;
    return false;
  }

  // What one level of options asks, from its init list: columns, where, order_by,
  // limit, offset and the relations `with` loads.
  model::query_options options_of(const clang::InitListExpr& options) const {
    model::query_options out;
    if (const clang::Expr* columns = field_init(options, "columns"); given(columns)) {
      names_of_calls(columns, {"only", "except"}, true, out.columns);
      out.columns_mode = model::query_options::selection::include;
    }
    if (const clang::Expr* where = field_init(options, "where"); given(where))
      names_of_calls(where, {"eq", "ne", "lt", "le", "gt", "ge", "is_null", "is_not_null", "like", "in"}, false,
                     out.where_columns);
    if (const clang::Expr* order = field_init(options, "order_by"); given(order))
      names_of_calls(order, {"asc", "desc"}, false, out.order_columns);
    if (const clang::Expr* limit = field_init(options, "limit"); given(limit)) {
      out.limit_given = true;
      out.limit = constant(limit);
      out.limit_site = site_of(limit->getBeginLoc());
    }
    if (const clang::Expr* offset = field_init(options, "offset"); given(offset)) {
      out.offset = constant(offset);
      out.offset_site = site_of(offset->getBeginLoc());
    }
    out.with = loads_of(options);
    return out;
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
      const auto name = name_in(field_init(*entry, "relation"));
      if (!name) continue;  // a name computed at run time: not known here
      model::query_load load{*name, {}};
      if (const auto* nested = llvm::dyn_cast_or_null<clang::InitListExpr>(written(field_init(*entry, "options"))))
        load.options = options_of(*nested);
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
