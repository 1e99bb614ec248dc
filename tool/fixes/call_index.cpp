#include "tool/fixes/call_index.hpp"

#include <clang/AST/ASTContext.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>

namespace orm::tool {

namespace {

bool is_dsl_function(const clang::FunctionDecl* f, llvm::StringRef name) {
  if (!f || !f->getIdentifier() || f->getName() != name) return false;
  const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(f->getDeclContext());
  return ns && ns->getName() == "orm";
}

class collector : public clang::RecursiveASTVisitor<collector> {
 public:
  collector(clang::SourceManager& sm, std::map<clang::SourceLocation, const clang::CallExpr*>& tables,
            std::map<clang::SourceLocation, const clang::CallExpr*>& relations,
            std::map<clang::SourceLocation, const clang::CallExpr*>& schemas)
      : sm_(sm), tables_(tables), relations_(relations), schemas_(schemas) {}

  // Schemas are not written in system headers: skip them, they are most of a TU.
  bool TraverseDecl(clang::Decl* d) {
    if (d && !llvm::isa<clang::TranslationUnitDecl>(d) && sm_.isInSystemHeader(d->getLocation())) return true;
    return RecursiveASTVisitor::TraverseDecl(d);
  }

  bool VisitCallExpr(clang::CallExpr* call) {
    const clang::FunctionDecl* f = call->getDirectCallee();
    if (is_dsl_function(f, "table") && call->getNumArgs() >= 1) {
      tables_.emplace(sm_.getFileLoc(call->getArg(0)->getBeginLoc()), call);
    } else if ((is_dsl_function(f, "one") || is_dsl_function(f, "many")) && call->getNumArgs() >= 2) {
      relations_.emplace(sm_.getFileLoc(call->getArg(1)->getBeginLoc()), call);
    } else if (is_dsl_function(f, "define_schema")) {
      schemas_.emplace(sm_.getFileLoc(call->getBeginLoc()), call);
    }
    return true;
  }

 private:
  clang::SourceManager& sm_;
  std::map<clang::SourceLocation, const clang::CallExpr*>&tables_, &relations_, &schemas_;
};

}  // namespace

call_index::call_index(clang::ASTContext& context) {
  collector(context.getSourceManager(), tables_, relations_, schemas_).TraverseAST(context);
}

const clang::CallExpr* call_index::find(const by_location& calls, clang::SourceLocation at) {
  const auto it = calls.find(at);
  return it == calls.end() ? nullptr : it->second;
}

}  // namespace orm::tool
