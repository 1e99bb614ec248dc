#include "tool/extract/call_ast.hpp"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>

#include "tool/extract/written_expr.hpp"

namespace orm::tool {

namespace {

// Whether a type, as written, names a template's argument (int for T, in generic<int>).
bool from_template(clang::QualType type) {
  for (const clang::Type* t = type.getTypePtrOrNull(); t;) {
    if (llvm::isa<clang::SubstTemplateTypeParmType>(t)) return true;
    // `auto` is what is written: its deduced type carries the sugar of the templates it
    // came through (a std::vector<node>'s rows are its _Tp), which are no arguments of
    // the function the call is in.
    if (llvm::isa<clang::AutoType>(t)) return false;
    if (const auto* reference = llvm::dyn_cast<clang::ReferenceType>(t)) {
      t = reference->getPointeeTypeAsWritten().getTypePtrOrNull();
      continue;
    }
    const clang::QualType next = t->getLocallyUnqualifiedSingleStepDesugaredType();
    if (next.getTypePtrOrNull() == t) break;
    t = next.getTypePtrOrNull();
  }
  return false;
}

bool uses_template_arguments(const clang::Stmt* s) {
  if (!s) return false;
  if (llvm::isa<clang::SubstNonTypeTemplateParmExpr>(s)) return true;
  if (const auto* trait = llvm::dyn_cast<clang::UnaryExprOrTypeTraitExpr>(s);
      trait && trait->isArgumentType() && from_template(trait->getArgumentType()))
    return true;
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(s); ref && from_template(ref->getDecl()->getType()))
    return true;
  for (const clang::Stmt* child : s->children())
    if (uses_template_arguments(child)) return true;
  return false;
}

}  // namespace

// The DSL's and the runtime's filter predicates, each naming its column first.
const llvm::StringRef filter_predicates[10] = {"eq", "ne",      "lt",          "le",   "gt",
                                               "ge", "is_null", "is_not_null", "like", "in"};
const llvm::StringRef relation_filters[3] = {"some", "none", "every"};

// A method of the runtime's class template `klass` (basic_database, basic_table_query),
// whatever backend it is instantiated for: every backend's database is one of them, so a
// new backend needs nothing here.
bool is_method(const clang::CXXMethodDecl* m, llvm::StringRef klass) {
  const auto* record = m ? llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(m->getParent()) : nullptr;
  if (!record || record->getName() != klass) return false;
  const auto* runtime = llvm::dyn_cast<clang::NamespaceDecl>(record->getDeclContext());
  const auto* orm = runtime ? llvm::dyn_cast<clang::NamespaceDecl>(runtime->getDeclContext()) : nullptr;
  return runtime && runtime->getName() == "runtime" && orm && orm->getName() == "orm" &&
         orm->getDeclContext()->isTranslationUnit();
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

bool in_orm(const clang::Decl* d) {
  for (const clang::DeclContext* c = d->getDeclContext(); c; c = c->getParent())
    if (const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(c);
        ns && ns->getName() == "orm" && ns->getParent()->isTranslationUnit())
      return true;
  return false;
}

const clang::VarDecl* variable(const clang::Expr* e) {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(written(e));
  return ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
}

// The string literal an argument is, through the conversions to str or std::string.
const clang::StringLiteral* literal_in(const clang::Expr* e) {
  for (int hops = 0; e && hops < 8; ++hops) {
    e = written(e);
    if (const auto* literal = llvm::dyn_cast<clang::StringLiteral>(e)) return literal;
    const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(e);
    if (!construct || construct->getNumArgs() < 1) return nullptr;
    e = construct->getArg(0);
  }
  return nullptr;
}

// The options of a find_* call: braces at the call, or a const local initialized with them.
const clang::InitListExpr* options_list(const clang::Expr* argument) {
  const clang::Expr* e = written(argument);
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
    if (const auto* v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
        v && v->hasLocalStorage() && v->getType().isConstQualified() && v->hasInit())
      e = written(v->getInit());
  return llvm::dyn_cast<clang::InitListExpr>(e);
}

// `{}` or `condition()` written for the filter: it is empty, and every row matches.
bool empty_braces(const clang::Expr* e) {
  e = written(e);
  if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(e)) return list->getNumInits() == 0;
  const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e);
  return ctor && ctor->getNumArgs() == 0 && ctor->getConstructor()->isDefaultConstructor();
}

bool is_param(clang::QualType t) {
  const auto* record = t.getNonReferenceType()->getAsCXXRecordDecl();
  return record && record->getIdentifier() && record->getName() == "param" && in_orm(record);
}

// orm::add / orm::sub of an integer or a real, and orm::now<D>(): what the database
// computes, as the runtime's param records it (runtime/param.hpp).
std::optional<model::written_kind> computed_kind(const clang::Expr* e) {
  const auto* call = llvm::dyn_cast<clang::CallExpr>(e);
  const clang::FunctionDecl* callee = call ? call->getDirectCallee() : nullptr;
  if (!callee || !callee->getIdentifier() || !in_orm(callee)) return std::nullopt;
  const llvm::StringRef name = callee->getName();
  if (name == "now" && call->getNumArgs() == 0) return model::written_kind::clock;
  if ((name != "add" && name != "sub") || call->getNumArgs() != 1) return std::nullopt;
  const clang::QualType amount = callee->getParamDecl(0)->getType().getCanonicalType();
  if (amount->isRealFloatingType()) return model::written_kind::add_real;
  if (amount->isIntegerType()) return model::written_kind::add_integer;
  return std::nullopt;
}

// A container's items from braces (call_ast.hpp).
const clang::InitListExpr* braced_items(const clang::Expr* e) {
  e = written(e);
  if (const auto* optional = llvm::dyn_cast<clang::CXXConstructExpr>(e);
      optional && optional->getNumArgs() == 1 && optional->getConstructor()->getParent()->isInStdNamespace() &&
      optional->getConstructor()->getParent()->getIdentifier() &&
      optional->getConstructor()->getParent()->getName() == "optional")
    e = written(optional->getArg(0));
  if (const auto* cast = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(e)) e = written(cast->getSubExpr());
  const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e);
  if (!ctor || ctor->getNumArgs() < 1) return nullptr;
  const auto* list = llvm::dyn_cast<clang::CXXStdInitializerListExpr>(written(ctor->getArg(0)));
  return list ? llvm::dyn_cast<clang::InitListExpr>(written(list->getSubExpr())) : nullptr;
}

// The name and value of a {"name", value} pair: braces, or the std::pair constructor they became.
std::optional<std::pair<const clang::Expr*, const clang::Expr*>> pair_parts(const clang::Expr* e) {
  e = written(e);
  if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(e); list && list->getNumInits() == 2)
    return std::pair{list->getInit(0), list->getInit(1)};
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e); ctor && ctor->getNumArgs() == 2)
    return std::pair{ctor->getArg(0), ctor->getArg(1)};
  return std::nullopt;
}

// What a struct's field writes, as the write planner reads a written value.
model::written_kind written_kind_of(const model::row_field& f) {
  using v = model::row_field::value_kind;
  using w = model::written_kind;
  if (f.sequence && f.kind == v::row) return w::unknown;
  switch (f.kind) {
    case v::integer:
    case v::time_point: return w::integer;
    case v::real: return w::real;
    case v::text: return w::text;
    case v::bytes: return w::bytes;
    case v::boolean: return w::boolean;
    default: return w::unknown;
  }
}

const clang::CXXMemberCallExpr* query_of(const clang::Expr* object) {
  const clang::Expr* e = written(object);
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
    if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); var && var->hasInit())
      e = written(var->getInit());
  const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(e);
  if (!call || !is_method(call->getMethodDecl(), "basic_database") || call->getMethodDecl()->getName() != "query" ||
      call->getNumArgs() != 2)
    return nullptr;
  return call;
}

// The call's arguments, and those of the query(...) it is made on, in an instantiation.
bool arguments_from_template(const clang::CXXMemberCallExpr& call) {
  const auto any = [](const clang::CallExpr& c) {
    for (const clang::Expr* a : c.arguments())
      if (uses_template_arguments(a)) return true;
    return false;
  };
  if (any(call)) return true;
  const auto* query_call = query_of(call.getImplicitObjectArgument());
  return query_call && any(*query_call);
}

}  // namespace orm::tool
