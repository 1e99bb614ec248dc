#pragma once
// The ormlint command line (llvm::cl), as DESIGN.md section 6 specifies it.
#include <optional>
#include <string>
#include <vector>

namespace orm::tool {

struct cli_options {
  std::vector<std::string> paths;  // files, or directories meaning every file of the database below them
  std::string build_path;          // -p
  std::string checks;              // empty: from .ormlint.yaml, else "orm-*"
  std::string warnings_as_errors;
  std::string errors_as_warnings;  // checks whose errors are reported as warnings
  std::string format = "text";
  bool fix = false;
  std::string export_fixes;
  std::string baseline;        // report only findings this baseline does not hold
  std::string write_baseline;  // record the findings as a baseline instead of reporting them
  std::string line_filter;     // clang-tidy's --line-filter JSON: report findings on these lines only
  std::optional<std::string> diff;  // --diff[=rev]: report findings on lines changed since rev (HEAD)
  unsigned jobs = 1;          // -j; not given: every core
  bool quiet = false;         // no closing summary and no "nothing to check" note
  bool list_checks = false;
  bool dump_config = false;  // print the configuration that applies to the first input, and exit
  std::string explain;
  bool time_report = false;  // CPU time of the front end and of ormlint, per unit; units skipped and cached
  std::string cache_dir;     // empty: <directory of compile_commands.json>/.ormlint-cache
  bool no_cache = false;
  std::string depfile;  // build integration: the files the run read, as a Makefile rule for `stamp`
  std::string stamp;    // build integration: touched when the run passes (exit 0)
  std::string schema_graph;    // dot, mermaid or svg: draw each schema instead of reporting findings
  std::string sarif_root;      // files under it are %SRCROOT%-relative in SARIF; empty: the repository root
  std::string sarif_help_uri;  // empty: the docs installed next to ormlint (or in its source tree)
};

// Parses argv (already without the part after `--`); exits with 2 on bad options.
cli_options parse_options(int argc, const char** argv);

}  // namespace orm::tool
