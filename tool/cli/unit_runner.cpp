#include "tool/cli/unit_runner.hpp"

#include <algorithm>
#include <atomic>
#include <iterator>
#include <thread>

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/TextDiagnostic.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Timer.h>

#include "tool/analysis.hpp"
#include "tool/cli/nolint.hpp"
#include "tool/cli/orm_reach.hpp"
#include "tool/cli/result_cache.hpp"

#ifndef ORM_CLANG_RESOURCE_DIR
#error "ORM_CLANG_RESOURCE_DIR must name clang's resource directory (tool/CMakeLists.txt sets it)"
#endif

namespace orm::tool {

namespace {

class unit_linter : public clang::ASTConsumer {
 public:
  unit_linter(unit_report& report, const lint_settings& settings)
      : report_(report), settings_(settings), started_(cpu_seconds()) {}

  void HandleTranslationUnit(clang::ASTContext& context) override {
    const double parsed = cpu_seconds();
    report_.front_end_seconds = parsed - started_;
    const unit_analysis analysis =
        analyze_unit(context, [this](std::string_view id) { return settings_.checks.matches(id); }, {}, settings_.graph);
    report_.graphs = analysis.graphs;
    for (const located_finding& f : analysis.findings) {
      const checks::severity level = settings_.reported_level(f.finding.check, f.finding.level);
      add(context, f.finding.check, level, f.location, f.finding.message, f.notes, f.fixes, f.fix_carried_by);
    }
    report_.ormlint_seconds = cpu_seconds() - parsed;
    // What a build system must watch to know when this unit needs linting again.
    auto& sm = context.getSourceManager();
    for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it) {
      llvm::SmallString<256> path(it->first.getName());
      sm.getFileManager().makeAbsolutePath(path);
      llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
      report_.inputs.emplace_back(path);
    }
  }

  static double cpu_seconds() {
    const llvm::TimeRecord now = llvm::TimeRecord::getCurrentTime(/*Start=*/false);
    return now.getUserTime() + now.getSystemTime();
  }

 private:
  void add(clang::ASTContext& context, const std::string& check, checks::severity level, clang::SourceLocation at,
           const std::string& message, const std::vector<located_note>& notes, const std::vector<clang::FixItHint>& fixes,
           clang::SourceLocation fix_carried_by) {
    auto& sm = context.getSourceManager();
    const clang::SourceLocation loc = sm.getFileLoc(at);
    const clang::PresumedLoc presumed = sm.getPresumedLoc(loc);
    if (presumed.isInvalid()) return;
    if (suppressed_by_nolint(sm.getBufferData(sm.getFileID(loc)), presumed.getLine(), check)) return;

    reported_finding out;
    out.check = check;
    out.level = level;
    out.file = absolute_file(sm, loc);
    out.line = presumed.getLine();
    out.column = presumed.getColumn();
    out.message = message;
    for (const located_note& n : notes) {
      const clang::SourceLocation nl = sm.getFileLoc(n.location);
      const clang::PresumedLoc np = sm.getPresumedLoc(nl);
      if (np.isValid()) out.notes.push_back({absolute_file(sm, nl), np.getLine(), np.getColumn(), n.message});
    }
    for (const clang::FixItHint& fix : fixes)
      out.replacements.emplace_back(sm, fix.RemoveRange, fix.CodeToInsert, context.getLangOpts());
    if (const clang::SourceLocation with = sm.getFileLoc(fix_carried_by); with.isValid())
      if (const clang::PresumedLoc wp = sm.getPresumedLoc(with); wp.isValid())
        out.fix_with = reported_note{absolute_file(sm, with), wp.getLine(), wp.getColumn(), "its fix is this finding's"};

    render(context, loc, level, message + " [" + check + "]", notes, fixes, out.rendered);
    report_.findings.push_back(std::move(out));
  }

  // Clang prints every line between a caret and a fix-it; an edit elsewhere (the index
  // goes into the table, not the relation) is shown as a note at the edit instead.
  static void render(clang::ASTContext& context, clang::SourceLocation loc, checks::severity level,
                     const std::string& message, const std::vector<located_note>& notes,
                     const std::vector<clang::FixItHint>& fixes, std::string& rendered) {
    auto& sm = context.getSourceManager();
    const bool beside = fixes_on_finding_line(sm, loc, fixes);
    llvm::raw_string_ostream os(rendered);
    clang::TextDiagnostic text(os, context.getLangOpts(), &options());
    text.emitDiagnostic(clang::FullSourceLoc(loc, sm),
                        level == checks::severity::error ? clang::DiagnosticsEngine::Error : clang::DiagnosticsEngine::Warning,
                        message, {}, beside ? llvm::ArrayRef(fixes) : llvm::ArrayRef<clang::FixItHint>());
    for (const located_note& n : notes)
      text.emitDiagnostic(clang::FullSourceLoc(sm.getFileLoc(n.location), sm), clang::DiagnosticsEngine::Note, n.message, {}, {});
    if (!beside)
      for (const clang::FixItHint& f : fixes)
        text.emitDiagnostic(clang::FullSourceLoc(f.RemoveRange.getBegin(), sm), clang::DiagnosticsEngine::Note,
                            "--fix edits this", {}, {f});
  }


  static clang::DiagnosticOptions& options() {
    static clang::DiagnosticOptions* shared = [] {
      auto* o = new clang::DiagnosticOptions();  // held for the process: TextDiagnostic keeps a reference
      o->ShowColors = false;
      o->Retain();
      return o;
    }();
    return *shared;
  }

  unit_report& report_;
  const lint_settings& settings_;
  double started_;  // the consumer is created before parsing starts
};

class lint_action : public clang::ASTFrontendAction {
 public:
  lint_action(unit_report& report, const lint_settings& settings) : report_(report), settings_(settings) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&, llvm::StringRef) override {
    return std::make_unique<unit_linter>(report_, settings_);
  }

 private:
  unit_report& report_;
  const lint_settings& settings_;
};

class lint_action_factory : public clang::tooling::FrontendActionFactory {
 public:
  lint_action_factory(unit_report& report, const lint_settings& settings, llvm::raw_ostream& compiler_output)
      : report_(report), settings_(settings), compiler_output_(compiler_output) {}
  std::unique_ptr<clang::FrontendAction> create() override { return std::make_unique<lint_action>(report_, settings_); }

  // FrontendActionFactory's own, but clang's closing "N errors generated." goes where the
  // unit's diagnostics go: written straight to stderr, it came before the errors it counts.
  bool runInvocation(std::shared_ptr<clang::CompilerInvocation> invocation, clang::FileManager* files,
                     std::shared_ptr<clang::PCHContainerOperations> pch, clang::DiagnosticConsumer* consumer) override {
    clang::CompilerInstance compiler(std::move(pch));
    compiler.setInvocation(std::move(invocation));
    compiler.setFileManager(files);
    compiler.setVerboseOutputStream(compiler_output_);
    std::unique_ptr<clang::FrontendAction> action(create());
    compiler.createDiagnostics(consumer, /*ShouldOwnClient=*/false);
    if (!compiler.hasDiagnostics()) return false;
    compiler.createSourceManager(*files);
    const bool success = compiler.ExecuteAction(*action);
    files->clearStatCache();
    return success;
  }

 private:
  unit_report& report_;
  const lint_settings& settings_;
  llvm::raw_ostream& compiler_output_;
};

// What every unit's command gets, for parsing and for the dependency scan alike: our
// binary does not sit next to clang's builtin headers, so say where they are; the
// compiler's own warnings are not ormlint's to report.
clang::tooling::ArgumentsAdjuster ormlint_arguments() {
  return clang::tooling::getInsertArgumentAdjuster({"-resource-dir=" ORM_CLANG_RESOURCE_DIR, "-w"},
                                                   clang::tooling::ArgumentInsertPosition::END);
}

unit_report lint_one(const clang::tooling::CompilationDatabase& database, const std::string& file,
                     const lint_settings& settings) {
  unit_report report;
  report.file = file;
  clang::tooling::ClangTool tool(database, {file});
  tool.appendArgumentsAdjuster(ormlint_arguments());
  llvm::raw_string_ostream errors(report.compiler_errors);
  auto* options = new clang::DiagnosticOptions();
  clang::TextDiagnosticPrinter printer(errors, options);
  tool.setDiagnosticConsumer(&printer);
  tool.setPrintErrorMessage(false);
  lint_action_factory factory(report, settings, errors);
  report.failed = tool.run(&factory) != 0;
  errors.flush();
  return report;
}

// The unit's command as ClangTool would run it (its default adjustments, then ours).
clang::tooling::CompileCommand as_parsed(clang::tooling::CompileCommand command) {
  using namespace clang::tooling;
  const ArgumentsAdjuster adjust = combineAdjusters(
      combineAdjusters(getClangStripOutputAdjuster(), getClangSyntaxOnlyAdjuster()),
      combineAdjusters(getClangStripDependencyFileAdjuster(), ormlint_arguments()));
  command.CommandLine = adjust(command.CommandLine, command.Filename);
  return command;
}

// The database of one command: a file compiled several ways is checked one way at a time.
class one_command_database : public clang::tooling::CompilationDatabase {
 public:
  explicit one_command_database(clang::tooling::CompileCommand command) : command_(std::move(command)) {}
  std::vector<clang::tooling::CompileCommand> getCompileCommands(llvm::StringRef) const override { return {command_}; }
  std::vector<std::string> getAllFiles() const override { return {command_.Filename}; }
  std::vector<clang::tooling::CompileCommand> getAllCompileCommands() const override { return {command_}; }

 private:
  clang::tooling::CompileCommand command_;
};

// One command of `file`: scanned, then parsed only when it reaches the orm, through the
// cache when there is one (keyed by the command, so each command has its own entry).
unit_report check_command(const clang::tooling::CompilationDatabase& database, const clang::tooling::CompileCommand& given,
                          const std::string& file, const lint_settings& settings, const reach_scanner& scanner,
                          result_cache* cache) {
  const clang::tooling::CompileCommand command = as_parsed(given);
  reach_verdict reach = scanner.scan(command);
  if (!reach.scanned) return lint_one(database, file, settings);  // the parse reports why the scan failed
  if (!reach.reaches_orm) {
    unit_report report;
    report.file = file;
    report.skipped = true;
    report.inputs = std::move(reach.dependencies);  // a later #include <orm/...> makes a stamp stale
    return report;
  }
  const std::optional<std::string> key = cache ? cache->key(command, reach.dependencies) : std::nullopt;
  if (key)
    if (std::optional<unit_report> hit = cache->load(*key)) {
      hit->file = file;
      hit->cached = true;
      return std::move(*hit);
    }
  unit_report report = lint_one(database, file, settings);
  if (key && !report.failed) cache->store(*key, report);
  return report;
}

// Every command of `file`, each checked as a unit of its own; one report for the file.
unit_report check_unit(const clang::tooling::CompilationDatabase& database, const std::string& file,
                       const lint_settings& settings, const reach_scanner& scanner, result_cache* cache) {
  const std::vector<clang::tooling::CompileCommand> commands = database.getCompileCommands(file);
  if (commands.empty()) return lint_one(database, file, settings);  // ClangTool says it has no command
  if (commands.size() == 1) return check_command(database, commands.front(), file, settings, scanner, cache);
  unit_report merged;
  merged.file = file;
  merged.skipped = merged.cached = true;
  for (const clang::tooling::CompileCommand& command : commands) {
    const one_command_database one(command);
    unit_report r = check_command(one, command, file, settings, scanner, cache);
    std::move(r.findings.begin(), r.findings.end(), std::back_inserter(merged.findings));
    std::move(r.inputs.begin(), r.inputs.end(), std::back_inserter(merged.inputs));
    std::move(r.graphs.begin(), r.graphs.end(), std::back_inserter(merged.graphs));
    merged.compiler_errors += r.compiler_errors;
    merged.failed |= r.failed;
    merged.front_end_seconds += r.front_end_seconds;
    merged.ormlint_seconds += r.ormlint_seconds;
    merged.cached &= r.cached || r.skipped;
    merged.skipped &= r.skipped;
  }
  merged.cached &= !merged.skipped;
  return merged;
}

}  // namespace

std::vector<unit_report> lint_units(const clang::tooling::CompilationDatabase& database,
                                    const std::vector<std::string>& files, const lint_settings& settings,
                                    const run_options& run) {
  std::vector<unit_report> reports(files.size());
  const reach_scanner scanner;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++)
      reports[i] = check_unit(database, files[i], settings, scanner, run.cache);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::max(1u, run.jobs); ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  return reports;
}

}  // namespace orm::tool
