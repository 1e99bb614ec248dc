// libormlint-tidy.so: ormlint's checks as a clang-tidy module, for
//   clang-tidy-19 --load=libormlint-tidy.so --checks='-*,orm-*'
// The same registry and analysis as the ormlint CLI; clang-tidy does the rest
// (NOLINT, --fix, --export-fixes, header filters, run-clang-tidy).
#include <link.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <clang-tidy/ClangTidyCheck.h>
#include <clang-tidy/ClangTidyModule.h>
#include <clang-tidy/ClangTidyModuleRegistry.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <llvm/Config/llvm-config.h>

#include "checks/registry.hpp"
#include "tool/analysis.hpp"
#include "tool/extract/orm_headers.hpp"

namespace orm::tool::tidy {

namespace {

using namespace clang::ast_matchers;

// ormlint-clangd links these objects in with ORM_TIDY_IN_EDITOR: its findings are shown
// in an editor, which shows the open file only. clang-tidy loads the module without it.
#ifdef ORM_TIDY_IN_EDITOR
constexpr bool in_editor = true;
#else
constexpr bool in_editor = false;
#endif

// The orm checks of one translation unit share one reading of its schemas. clang-tidy and
// clangd create a unit's checks together, on one thread, and destroy them together after
// the unit, so a thread-local weak pointer finds the checks' shared state exactly while
// they live.
class unit_state {
 public:
  static std::shared_ptr<unit_state> for_new_check(const std::string& id) {
    thread_local std::weak_ptr<unit_state> current;
    std::shared_ptr<unit_state> state = current.lock();
    if (!state) current = state = std::make_shared<unit_state>();
    state->enabled_.insert(id);
    return state;
  }

  const unit_analysis& analysis(clang::ASTContext& context) {
    if (!analysis_ || context_ != &context) {
      analysis_ = analyze_unit(
          context, [this](std::string_view id) { return enabled_.count(std::string(id)) > 0; }, headers_);
      context_ = &context;
    }
    return *analysis_;
  }

  // The unit's checks share one recorder of its #includes.
  bool first_to_record_includes() { return !std::exchange(recording_includes_, true); }

  // A user's header the open file includes (clangd replays the #includes of its preamble),
  // and where: its findings are shown at that #include.
  void included(clang::FileEntryRef header, clang::SourceLocation hash) {
    if (seen_headers_.emplace(&header.getFileEntry(), hash).second) headers_.push_back(header);
  }
  // The open file's #include of `file`, when it includes it itself; invalid otherwise.
  clang::SourceLocation include_of(const clang::FileEntry* file) const {
    const auto it = seen_headers_.find(file);
    return it == seen_headers_.end() ? clang::SourceLocation() : it->second;
  }

 private:
  std::set<std::string> enabled_;
  std::vector<clang::FileEntryRef> headers_;
  std::map<const clang::FileEntry*, clang::SourceLocation> seen_headers_;
  bool recording_includes_ = false;
  const clang::ASTContext* context_ = nullptr;
  std::optional<unit_analysis> analysis_;
};

// Records the open file's #includes of user headers, other than the orm library's own.
class include_recorder : public clang::PPCallbacks {
 public:
  include_recorder(const clang::SourceManager& sm, std::weak_ptr<unit_state> unit) : sm_(sm), unit_(std::move(unit)) {}

  void InclusionDirective(clang::SourceLocation hash, const clang::Token&, llvm::StringRef, bool, clang::CharSourceRange,
                          clang::OptionalFileEntryRef file, llvm::StringRef, llvm::StringRef, const clang::Module*, bool,
                          clang::SrcMgr::CharacteristicKind kind) override {
    if (!file || kind != clang::SrcMgr::C_User || !sm_.isWrittenInMainFile(hash)) return;
    if (is_orm_header(file->getFileEntry().tryGetRealPathName().str()) || is_orm_header(file->getName().str())) return;
    if (const std::shared_ptr<unit_state> unit = unit_.lock()) unit->included(*file, hash);
  }

 private:
  const clang::SourceManager& sm_;
  std::weak_ptr<unit_state> unit_;  // the preprocessor may outlive the checks
};

class orm_check : public clang::tidy::ClangTidyCheck {
 public:
  orm_check(llvm::StringRef name, clang::tidy::ClangTidyContext* context)
      : ClangTidyCheck(name, context), id_(name.str()), unit_(unit_state::for_new_check(id_)) {}

  bool isLanguageVersionSupported(const clang::LangOptions& options) const override { return options.CPlusPlus20; }

  void registerMatchers(MatchFinder* finder) override { finder->addMatcher(translationUnitDecl().bind("unit"), this); }

  // clangd checks the open file's own declarations only; the schemas of the headers it
  // includes (the usual layout) are read too, so that their findings show at the #include.
  // ormlint and clang-tidy see the whole unit and need no list.
  void registerPPCallbacks(const clang::SourceManager& sm, clang::Preprocessor* pp, clang::Preprocessor*) override {
    if (in_editor && unit_->first_to_record_includes()) pp->addPPCallbacks(std::make_unique<include_recorder>(sm, unit_));
  }

  void check(const MatchFinder::MatchResult& result) override {
    for (const located_finding& f : unit_->analysis(*result.Context).findings) {
      if (f.finding.check != id_) continue;
      clang::SourceLocation at = f.location;
      std::string message = f.finding.message;
      if (in_editor) {
        shown_in_open_file(*result.SourceManager, *unit_, at, message);
        name_fixes_elsewhere(*result.SourceManager, f, message);
      }
      {
        auto d = diag(at, "%0",
                      f.finding.level == checks::severity::error ? clang::DiagnosticIDs::Error
                                                                 : clang::DiagnosticIDs::Warning)
                 << message;
        for (const clang::FixItHint& fix : f.fixes) d << fix;
      }
      for (const located_note& n : f.notes) diag(n.location, "%0", clang::DiagnosticIDs::Note) << n.message;
    }
  }

 private:
  // An editor shows the open file's diagnostics only: a finding in a header (the usual
  // place for a schema) is shown at the #include that brings it in, naming the header.
  // The #include is the open file's own, as the recorder saw it: the include chain of a
  // header that clangd read from the preamble does not lead back to the open file's text
  // (it gave line 1, column 1), so the chain is followed only to a recorded header.
  static void shown_in_open_file(const clang::SourceManager& sm, const unit_state& unit, clang::SourceLocation& at,
                                 std::string& message) {
    const clang::FileID main = sm.getMainFileID();
    const clang::SourceLocation where = sm.getFileLoc(at);
    if (where.isInvalid() || sm.getFileID(where) == main) return;
    clang::SourceLocation include;
    for (clang::FileID file = sm.getFileID(where); file.isValid() && file != main;) {
      if (const auto entry = sm.getFileEntryRefForID(file))
        if (include = unit.include_of(&entry->getFileEntry()); include.isValid()) break;
      const clang::SourceLocation up = sm.getIncludeLoc(file);
      if (up.isInvalid()) break;
      if (sm.getFileID(up) == main) {
        include = up;
        break;
      }
      file = sm.getFileID(up);
    }
    if (include.isInvalid()) return;
    const clang::PresumedLoc p = sm.getPresumedLoc(where);
    message = "in included file " + std::string(p.getFilename()) + ":" + std::to_string(p.getLine()) + ": " + message;
    at = include;
  }

  // clangd offers quick fixes that edit the open file only, and reads only the open
  // file's source to place them: a fix that edits a header (the tables there, the
  // relations here) is not offered, and the message says where to apply it instead.
  static void name_fixes_elsewhere(const clang::SourceManager& sm, const located_finding& f, std::string& message) {
    if (f.finding.fixes.empty()) return;
    if (f.fixes.empty() && f.fix_carried_by.isValid()) {  // one edit serves this finding and another
      const clang::SourceLocation with = sm.getFileLoc(f.fix_carried_by);
      const clang::PresumedLoc p = sm.getPresumedLoc(with);
      if (p.isValid())
        message += sm.isWrittenInMainFile(with)
                       ? "; its fix is the one offered on line " + std::to_string(p.getLine()) + " (one edit serves both)"
                       : "; its fix is the one of the finding at " + std::string(p.getFilename()) + ":" +
                             std::to_string(p.getLine()) + " (one edit serves both)";
      if (p.isValid()) return;
    }
    std::string file;
    for (const clang::FixItHint& fix : f.fixes)
      if (const clang::SourceLocation where = sm.getFileLoc(fix.RemoveRange.getBegin());
          where.isValid() && !sm.isWrittenInMainFile(where))
        file = sm.getPresumedLoc(where).getFilename();
    if (!f.fixes.empty() && file.empty()) return;  // offered as a quick fix
    message += "; the fix edits " + (file.empty() ? std::string("another file") : file) +
               ", which the editor cannot change from here: make the edit there, or run `ormlint --fix` on this file";
  }

  std::string id_;
  std::shared_ptr<unit_state> unit_;
};

class orm_module : public clang::tidy::ClangTidyModule {
 public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories& factories) override {
    for (const checks::check_info& check : checks::all_checks())
      factories.registerCheckFactory(check.id, [](llvm::StringRef name, clang::tidy::ClangTidyContext* context) {
        return std::make_unique<orm_check>(name, context);
      });
  }
};

// The LLVM major versions of the shared LLVM libraries this process has loaded.
std::set<int> loaded_llvm_versions() {
  std::set<int> versions;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* out) {
        const std::string path = info->dlpi_name ? info->dlpi_name : "";
        const std::string name = path.substr(path.rfind('/') + 1);
        int major = 0;
        if (std::sscanf(name.c_str(), "libLLVM-%d", &major) == 1 || std::sscanf(name.c_str(), "libLLVM.so.%d", &major) == 1)
          static_cast<std::set<int>*>(out)->insert(major);
        return 0;
      },
      &versions);
  return versions;
}

// A module built against one LLVM cannot work inside a clang-tidy of another: its checks
// would register with a registry that clang-tidy never reads. Refuse, and say why.
const bool host_is_ours = [] {
  for (int major : loaded_llvm_versions())
    if (major != LLVM_VERSION_MAJOR) {
      std::fprintf(stderr,
                   "libormlint-tidy.so: built for clang-tidy %d, but loaded into a process running LLVM %d; run it "
                   "with clang-tidy-%d\n",
                   LLVM_VERSION_MAJOR, major, LLVM_VERSION_MAJOR);
      std::_Exit(2);
    }
  return true;
}();

clang::tidy::ClangTidyModuleRegistry::Add<orm_module> registration("orm-module", "checks of orm schemas (ormlint)");

}  // namespace

}  // namespace orm::tool::tidy
