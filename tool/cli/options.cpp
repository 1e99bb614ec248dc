#include "tool/cli/options.hpp"

#include <algorithm>
#include <thread>

#include <clang/Basic/Version.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/raw_ostream.h>

#ifndef ORM_VERSION
#error "ORM_VERSION must name the project's version (tool/cli/CMakeLists.txt sets it)"
#endif

namespace orm::tool {

cli_options parse_options(int argc, const char** argv) {
  namespace cl = llvm::cl;
  static cl::OptionCategory category("ormlint options");
  static cl::list<std::string> paths(cl::Positional, cl::desc("<file or directory>..."), cl::cat(category));
  static cl::opt<std::string> build_path("p", cl::desc("Build directory holding compile_commands.json (default: "
                                                       "searched upward from the first input)"),
                                         cl::value_desc("dir"), cl::cat(category));
  static cl::opt<std::string> checks("checks", cl::desc("Checks to run, as clang-tidy globs: '-*,orm-missing-*' "
                                                        "(default: .ormlint.yaml's Checks, else 'orm-*')"),
                                     cl::cat(category));
  static cl::opt<std::string> warnings_as_errors("warnings-as-errors", cl::desc("Checks whose warnings are errors"),
                                                 cl::cat(category));
  static cl::opt<std::string> errors_as_warnings(
      "errors-as-warnings", cl::desc("Checks whose errors are reported as warnings (they do not fail the run)"),
      cl::cat(category));
  static cl::opt<std::string> format("format", cl::desc("Output: text (clang's format), json, sarif, github (workflow commands that annotate the pull request) or gitlab (a Code Quality report)"),
                                     cl::init("text"), cl::cat(category));
  static cl::opt<bool> fix("fix", cl::desc("Apply the fixes to the files"), cl::cat(category));
  static cl::opt<std::string> export_fixes("export-fixes", cl::desc("Write fixes as YAML for clang-apply-replacements"),
                                           cl::value_desc("file"), cl::cat(category));
  static cl::opt<std::string> baseline("baseline",
                                       cl::desc("Report only the findings this baseline (--write-baseline) does not "
                                                "hold, and say how many it matched and how many of its entries are stale"),
                                       cl::value_desc("file"), cl::cat(category));
  static cl::opt<std::string> write_baseline("write-baseline",
                                             cl::desc("Record the findings as a baseline (matched by check, file and "
                                                      "message, not line) instead of reporting them; exit 0"),
                                             cl::value_desc("file"), cl::cat(category));
  static cl::opt<std::string> line_filter(
      "line-filter",
      cl::desc("Report findings on these lines only, as clang-tidy's option: [{\"name\": \"file.cpp\", \"lines\": "
               "[[1, 3]]}, {\"name\": \"whole.h\"}]"),
      cl::value_desc("json"), cl::cat(category));
  static cl::opt<std::string> diff("diff",
                                   cl::desc("Report findings on lines changed since a git revision only (default "
                                            "HEAD: what is not committed yet), as `git diff -U0 <rev>` shows them"),
                                   cl::value_desc("rev"), cl::ValueOptional, cl::cat(category));
  static cl::opt<unsigned> jobs("j", cl::desc("Translation units checked in parallel (-j 2 or -j2; default: one per "
                                              "core)"),
                                cl::init(0), cl::Prefix, cl::cat(category));
  static cl::opt<bool> quiet("quiet", cl::desc("Print the findings only: no closing summary on stderr"), cl::cat(category));
  static cl::opt<bool> list_checks("list-checks", cl::desc("List the enabled checks and exit"), cl::cat(category));
  static cl::opt<bool> dump_config("dump-config",
                                   cl::desc("Print the configuration that applies to the first input (its nearest "
                                            ".ormlint.yaml, merged with its parents', and the options given), as "
                                            ".ormlint.yaml text, and exit"),
                                   cl::cat(category));
  static cl::opt<std::string> explain("explain", cl::desc("Print the documentation of a check and exit"),
                                      cl::value_desc("check"), cl::cat(category));

  static cl::opt<std::string> sarif_help_uri(
      "sarif-help-uri",
      cl::desc("Base URI of the checks' pages in SARIF (helpUri = base + '<check>.md'), such as your repository's "
               "docs/checks/ (default: the pages installed with ormlint, as file://)"),
      cl::value_desc("uri"), cl::cat(category));
  static cl::opt<std::string> schema_graph(
      "schema-graph",
      cl::desc("Draw each schema the inputs read, as ormlint resolved it, with its findings marked on their elements: "
               "dot (Graphviz), svg (rendered by Graphviz's dot) or mermaid (an erDiagram for Markdown)"),
      cl::value_desc("format"), cl::cat(category));
  static cl::opt<std::string> sarif_root(
      "sarif-root",
      cl::desc("In SARIF, name files under this directory relative to %SRCROOT% (originalUriBaseIds), and in the github "
               "and gitlab formats relative to it, so that the report reads the same on any checkout (default: the git repository holding the first input, else the current "
               "directory)"),
      cl::value_desc("dir"), cl::cat(category));
  static cl::opt<std::string> stamp("stamp", cl::desc("Build integration: touch this file when the run passes (exit 0)"),
                                    cl::value_desc("file"), cl::cat(category));
  static cl::opt<std::string> depfile("depfile", cl::desc("Build integration: write the files the run read, as a "
                                                          "Makefile rule for --stamp (CMake's DEPFILE)"),
                                      cl::value_desc("file"), cl::cat(category));
  static cl::opt<bool> time_report("time-report",
                                   cl::desc("Print CPU time of clang's front end and of the checks per unit, and how "
                                            "many units were skipped (no orm header) or came from the cache"),
                                   cl::cat(category));
  static cl::opt<std::string> cache_dir("cache-dir",
                                        cl::desc("Where results are kept for re-runs (default: .ormlint-cache next to "
                                                 "compile_commands.json; none with compiler arguments after --)"),
                                        cl::value_desc("dir"), cl::cat(category));
  static cl::opt<bool> no_cache("no-cache", cl::desc("Neither read nor write the result cache"), cl::cat(category));
  cl::HideUnrelatedOptions(category);
  cl::SetVersionPrinter([](llvm::raw_ostream& out) {
    out << "ormlint " << ORM_VERSION << ", built with Clang " << CLANG_VERSION_STRING << "\n";
  });
  // Errors go to a stream, so that a usage error exits 2 (could not run), not llvm::cl's 1,
  // which CI would read as "findings".
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "ormlint: finds what would break relational queries in orm schemas\n\n"
                                   "  ormlint [options] <files or directories> [-- <compiler arguments>]\n\n"
                                   "Exit status: 0 no findings at error severity, 1 findings, 2 ormlint could not run.\n",
                                   &llvm::errs())) {
    llvm::errs() << "ormlint: see --help for the options\n";
    std::exit(2);
  }
  if (!depfile.empty() && stamp.empty()) {
    llvm::errs() << "ormlint: --depfile names the rule's target, so it needs --stamp\n";
    std::exit(2);
  }
  if (!schema_graph.empty() && schema_graph != "dot" && schema_graph != "svg" && schema_graph != "mermaid") {
    llvm::errs() << "ormlint: unknown --schema-graph=" << schema_graph << "; use dot, svg or mermaid\n";
    std::exit(2);
  }
  if (format != "text" && format != "json" && format != "sarif" && format != "github" && format != "gitlab") {
    llvm::errs() << "ormlint: unknown --format=" << format << "; use text, json, sarif, github or gitlab\n";
    std::exit(2);
  }
  return {std::vector<std::string>(paths.begin(), paths.end()), build_path, checks, warnings_as_errors,
          errors_as_warnings, format, fix,
          export_fixes, baseline, write_baseline, line_filter,
          diff.getNumOccurrences() ? std::optional<std::string>(diff.empty() ? "HEAD" : diff.getValue()) : std::nullopt,
          jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : jobs.getValue(),
          quiet, list_checks, dump_config, explain, time_report, cache_dir, no_cache,
          depfile, stamp, schema_graph, sarif_root, sarif_help_uri};
}

}  // namespace orm::tool
