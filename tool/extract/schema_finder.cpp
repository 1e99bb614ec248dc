#include "tool/extract/schema_finder.hpp"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExternalASTSource.h>
#include <clang/Basic/PartialDiagnostic.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>
#include <set>

#include "tool/extract/apvalue_pools.hpp"
#include "tool/extract/value_reader.hpp"

namespace orm::tool {

namespace {

bool in_orm_namespace(const clang::Decl* d) {
  const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(d->getDeclContext());
  return ns && ns->getName() == "orm" && ns->getDeclContext()->getRedeclContext()->isTranslationUnit();
}

bool is_schema_type(clang::QualType type) {
  const auto* spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(type->getAsCXXRecordDecl());
  return spec && spec->getName() == "schema_def" && in_orm_namespace(spec);
}

// A variable the initializer names that is not a constant itself (a table built with a
// value known only at run time): the reason lies in its initializer, not in the DSL code
// that read it.
const clang::VarDecl* first_non_constant_variable(const clang::Stmt* s, const clang::VarDecl& self) {
  if (!s) return nullptr;
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(s))
    if (const auto* v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); v && v != &self && v->getInit() &&
                                                                          !v->getType()->isDependentType() &&
                                                                          !v->getInit()->isValueDependent() &&
                                                                          !v->isConstexpr() && !v->evaluateValue())
      return v;
  for (const clang::Stmt* child : s->children())
    if (const clang::VarDecl* v = first_non_constant_variable(child, self)) return v;
  return nullptr;
}

std::string where(const clang::SourceManager& sources, clang::SourceLocation at) {
  const clang::PresumedLoc p = sources.getPresumedLoc(at);
  return p.isValid() ? (llvm::Twine(p.getFilename()) + ":" + llvm::Twine(p.getLine())).str() : std::string();
}

// Why the initializer is not a constant expression, in the user's terms: Clang's first note
// that lies outside the orm's own headers (those say where the DSL read a value, not what
// made it unknown), and for a variable the schema names that is not a constant, the
// reason of that variable, followed up to a few levels.
std::string why_not_constant(clang::ASTContext& context, const clang::VarDecl& var, int depth = 0) {
  const clang::SourceManager& sources = context.getSourceManager();
  if (depth < 4)
    if (const clang::VarDecl* inner = first_non_constant_variable(var.getInit(), var))
      return "'" + inner->getNameAsString() + "' (" + where(sources, inner->getLocation()) +
             ") is not a constant expression: " + why_not_constant(context, *inner, depth + 1);
  llvm::SmallVector<clang::PartialDiagnosticAt, 8> notes;
  clang::APValue ignored;
  var.getInit()->EvaluateAsInitializer(ignored, context, &var, notes, /*IsConstantInitialization=*/false);
  if (notes.empty()) return "its initializer is not a constant expression";
  const clang::FileID user_file = sources.getFileID(sources.getExpansionLoc(var.getLocation()));
  const auto in_user_code = [&](const clang::PartialDiagnosticAt& n) {
    return sources.getFileID(sources.getExpansionLoc(n.first)) == user_file;
  };
  const auto chosen = std::find_if(notes.begin(), notes.end(), in_user_code);
  const clang::PartialDiagnosticAt& note = chosen != notes.end() ? *chosen : notes.front();
  llvm::SmallString<128> text;
  note.second.EmitToString(context.getDiagnostics(), text);
  const std::string at = where(sources, note.first);
  return at.empty() ? text.str().str() : (llvm::Twine(text) + " (at " + at + ")").str();
}

class finder {
 public:
  explicit finder(clang::ASTContext& context) : context_(context), reader_(context) {}

  // Namespaces, linkage specs and classes hold schema variables; function bodies and
  // templates are not entered (a dependent value cannot be evaluated).
  void walk(const clang::DeclContext* dc) {
    for (const clang::Decl* d : dc->decls()) look_at(d);
  }

  void look_at(const clang::Decl* d) {
    if (context_.getSourceManager().isInSystemHeader(d->getLocation())) return;
    if (const auto* var = llvm::dyn_cast<clang::VarDecl>(d)) {
      visit(*var);
    } else if (const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(d)) {
      if (!record->isDependentContext() && record->isThisDeclarationADefinition()) walk(record);
    } else if (llvm::isa<clang::NamespaceDecl, clang::LinkageSpecDecl, clang::ExportDecl>(d)) {
      walk(llvm::cast<clang::DeclContext>(d));
    }
  }

  schemas_in_unit result;

  void visit(const clang::VarDecl& var) {
    if (!visited_.insert(var.getCanonicalDecl()).second) return;
    if (var.isInvalidDecl() || !var.getInit() || var.getType()->isDependentType() || !is_schema_type(var.getType()))
      return;
    if (var.getInit()->isValueDependent()) return;
    const clang::APValue* value = var.evaluateValue();
    if (!value) {
      result.unreadable.push_back({&var, why_not_constant(context_, var)});
      return;
    }
    try {
      apvalue_pools pools(reader_, {value, var.getType()});
      // tables(...) alone is a schema_def too; only define_schema() gives it a site.
      if (pools.site().line == 0) return;
      model::schema schema = model::assemble(pools);
      schema.name = var.getQualifiedNameAsString();
      result.readable.push_back({&var, std::move(schema)});
    } catch (const read_error& e) {
      result.unreadable.push_back({&var, std::string("its value has an unexpected shape: ") + e.what() +
                                             " (is ormlint as new as the orm headers?)"});
    }
  }


 private:
  clang::ASTContext& context_;
  value_reader reader_;
  std::set<const clang::VarDecl*> visited_;  // canonical declarations
};

}  // namespace

// Within the AST's traversal scope: the whole unit for ormlint and clang-tidy, the main
// file's declarations in clangd, which would otherwise have to load its whole preamble.
// The schemas that calls in scope name are read too, wherever they are declared: in
// clangd, a .cpp that queries a schema declared in a header still has it checked.
// A header's declarations come from clangd's preamble one file at a time (the reader
// deserializes that file's declarations only), or, when the header was parsed with the
// open file, from the unit's own declarations.
schemas_in_unit find_schemas(clang::ASTContext& context, const std::vector<const clang::VarDecl*>& named_by_calls,
                             const std::vector<clang::FileEntryRef>& headers) {
  finder f(context);
  for (const clang::Decl* d : context.getTraversalScope()) {
    if (const auto* unit = llvm::dyn_cast<clang::TranslationUnitDecl>(d)) f.walk(unit);
    else f.look_at(d);
  }
  const clang::SourceManager& sm = context.getSourceManager();
  for (const clang::FileEntryRef header : headers) {
    const clang::FileID file = sm.translateFile(header);
    if (file.isInvalid()) continue;
    if (sm.isLoadedFileID(file)) {
      if (clang::ExternalASTSource* preamble = context.getExternalSource()) {
        llvm::SmallVector<clang::Decl*, 32> declared;
        preamble->FindFileRegionDecls(file, 0, sm.getFileIDSize(file), declared);
        for (const clang::Decl* d : declared) f.look_at(d);
      }
    } else {
      for (const clang::Decl* d : context.getTranslationUnitDecl()->noload_decls())
        if (sm.getFileID(sm.getFileLoc(d->getLocation())) == file) f.look_at(d);
    }
  }
  for (const clang::VarDecl* var : named_by_calls)
    if (const clang::VarDecl* defined = var ? var->getInitializingDeclaration() : nullptr;
        defined && !context.getSourceManager().isInSystemHeader(defined->getLocation()))
      f.visit(*defined);
  return std::move(f.result);
}

}  // namespace orm::tool
