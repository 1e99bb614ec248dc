// libormlint-plugin.so: ormlint's checks inside the compiler, for
//   clang++-19 -fplugin=libormlint-plugin.so [-fplugin-arg-ormlint-checks=<globs>] ...
// A separate lint step parses every unit a second time, and the parse is most of a debug
// compile's time (the orm's headers are heavy to parse, light to generate code for), so
// `orm_add_ormlint_check` lints inside the compile when the compiler is this Clang: the
// checks run on the AST the compile has already built (about 10 ms a unit) and report
// through the compiler's own diagnostics, so an error fails the compile of its unit.
// The verdict is the CLI's: the same analysis, .ormlint.yaml looked up for the unit,
// the options as arguments, NOLINT comments, and each header's findings shown once per
// build (build_claims) when a claims directory is given.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendPluginRegistry.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include "tool/analysis.hpp"
#include "tool/cli/build_claims.hpp"
#include "tool/cli/file_settings.hpp"
#include "tool/cli/nolint.hpp"
#include "tool/extract/orm_headers.hpp"

namespace orm::tool::plugin {

namespace {

// What the plugin's arguments (-fplugin-arg-ormlint-<name>=<value>) ask for.
struct plugin_arguments {
  cli_options options;  // checks, warnings-as-errors, errors-as-warnings: as the CLI's options
  std::string claims;   // where a build's units claim their headers' findings ("": none)
};

class ormlint_consumer : public clang::ASTConsumer {
 public:
  ormlint_consumer(clang::CompilerInstance& compiler, plugin_arguments arguments)
      : compiler_(compiler), arguments_(std::move(arguments)) {}

  void HandleTranslationUnit(clang::ASTContext& context) override {
    clang::DiagnosticsEngine& diagnostics = compiler_.getDiagnostics();
    if (diagnostics.hasErrorOccurred()) return;  // the compile fails anyway; its AST is not the program
    if (!context.getLangOpts().CPlusPlus20) return;  // C, or C++ before 20: no orm schema can be in it
    auto& sm = context.getSourceManager();
    if (!sm.getFileEntryRefForID(sm.getMainFileID()) || !includes_orm_header(sm)) return;
    const std::string unit = absolute_file(sm, sm.getLocForStartOfFile(sm.getMainFileID()));

    auto config = find_config(llvm::sys::path::parent_path(unit));
    if (!config) {  // a broken .ormlint.yaml: the unit cannot be judged as the user configured it
      report(diagnostics, clang::DiagnosticsEngine::Error, {}, llvm::toString(config.takeError()));
      return;
    }
    const lint_settings settings = settings_of(effective_config(arguments_.options, *config));
    const unit_analysis analysis =
        analyze_unit(context, [&](std::string_view id) { return settings.checks.matches(id); });

    // Each finding as the CLI reports it, for NOLINT and the claims; `found` keeps its source.
    std::vector<reported_finding> reported;
    std::vector<const located_finding*> found;
    for (const located_finding& f : analysis.findings) {
      const clang::SourceLocation at = sm.getFileLoc(f.location);
      const clang::PresumedLoc p = sm.getPresumedLoc(at);
      if (p.isInvalid() || suppressed_by_nolint(sm.getBufferData(sm.getFileID(at)), p.getLine(), f.finding.check))
        continue;
      reported.push_back({f.finding.check, settings.reported_level(f.finding.check, f.finding.level), absolute_file(sm, at),
                          p.getLine(), p.getColumn(), f.finding.message, {}, {}, std::nullopt, ""});
      found.push_back(&f);
    }
    finding_list shown;
    for (const reported_finding& r : reported) shown.push_back(&r);
    if (!arguments_.claims.empty()) {
      std::string elsewhere;
      llvm::raw_string_ostream log(elsewhere);
      shown = claim_header_findings(shown, unit, arguments_.claims, log);
      if (!elsewhere.empty()) llvm::errs() << elsewhere;
      // A header's error fails every unit that reads it, wherever it is shown.
      for (const reported_finding& r : reported)
        if (r.level == checks::severity::error && std::find(shown.begin(), shown.end(), &r) == shown.end()) {
          report(diagnostics, clang::DiagnosticsEngine::Error, {},
                 "this unit includes " + r.file + ", which has ormlint errors (shown by another unit's compile)");
          break;
        }
    }
    for (const reported_finding* r : shown) emit(diagnostics, sm, *r, *found[r - reported.data()]);
  }

 private:
  // Most units of a target may never include the orm: as the CLI skips them unparsed, the
  // plugin spares their compile the walk of the whole AST for schemas and calls.
  static bool includes_orm_header(const clang::SourceManager& sm) {
    for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it)
      if (is_orm_header(std::string(it->first.getName()))) return true;
    return false;
  }

  static void emit(clang::DiagnosticsEngine& diagnostics, clang::SourceManager& sm, const reported_finding& r,
                   const located_finding& f) {
    const clang::SourceLocation at = sm.getFileLoc(f.location);
    const bool beside = fixes_on_finding_line(sm, at, f.fixes);
    report(diagnostics,
           r.level == checks::severity::error ? clang::DiagnosticsEngine::Error : clang::DiagnosticsEngine::Warning, at,
           r.message + " [" + r.check + "]", beside ? f.fixes : std::vector<clang::FixItHint>{});
    for (const located_note& n : f.notes) report(diagnostics, clang::DiagnosticsEngine::Note, sm.getFileLoc(n.location), n.message);
    // Clang shows a fix-it on the caret's line only; an edit elsewhere (the index goes into
    // the table, not the relation) is shown as a note at the edit, as the CLI shows it.
    if (!beside)
      for (const clang::FixItHint& fix : f.fixes)
        report(diagnostics, clang::DiagnosticsEngine::Note, sm.getFileLoc(fix.RemoveRange.getBegin()),
               "`ormlint --fix` edits this", {fix});
  }

  static void report(clang::DiagnosticsEngine& diagnostics, clang::DiagnosticsEngine::Level level,
                     clang::SourceLocation at, const std::string& message, const std::vector<clang::FixItHint>& fixes = {}) {
    auto builder = diagnostics.Report(at, diagnostics.getCustomDiagID(level, "%0"));
    builder << message;
    for (const clang::FixItHint& fix : fixes) builder << fix;
  }


  clang::CompilerInstance& compiler_;
  plugin_arguments arguments_;
};

class ormlint_action : public clang::PluginASTAction {
 protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance& compiler, llvm::StringRef) override {
    return std::make_unique<ormlint_consumer>(compiler, arguments_);
  }

  bool ParseArgs(const clang::CompilerInstance& compiler, const std::vector<std::string>& args) override {
    for (const std::string& arg : args) {
      const auto [name, value] = llvm::StringRef(arg).split('=');
      if (name == "checks") arguments_.options.checks = value.str();
      else if (name == "warnings-as-errors") arguments_.options.warnings_as_errors = value.str();
      else if (name == "errors-as-warnings") arguments_.options.errors_as_warnings = value.str();
      else if (name == "claims") arguments_.claims = value.str();
      else {
        clang::DiagnosticsEngine& diagnostics = compiler.getDiagnostics();
        diagnostics.Report(diagnostics.getCustomDiagID(clang::DiagnosticsEngine::Error,
                                                       "ormlint plugin: unknown argument '%0'; it accepts checks=, "
                                                       "warnings-as-errors=, errors-as-warnings= and claims="))
            << arg;
        return false;
      }
    }
    return true;
  }

  // Runs after the compile's own action, on the same AST: the object file is still built.
  ActionType getActionType() override { return AddAfterMainAction; }

 private:
  plugin_arguments arguments_;
};

}  // namespace

}  // namespace orm::tool::plugin

static clang::FrontendPluginRegistry::Add<orm::tool::plugin::ormlint_action> ormlint_plugin(
    "ormlint", "ormlint's checks of the orm's schemas and queries");
