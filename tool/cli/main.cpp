// ormlint: checks orm schemas in C++ sources for what would break relational queries.
#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include <orm/model/names.hpp>

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/raw_ostream.h>

#include "checks/registry.hpp"
#include "tool/cli/baseline.hpp"
#include "tool/cli/build_claims.hpp"
#include "tool/cli/config.hpp"
#include "tool/cli/explain.hpp"
#include "tool/cli/file_settings.hpp"
#include "tool/cli/graph_render.hpp"
#include "tool/cli/fix_output.hpp"
#include "tool/cli/inputs.hpp"
#include "tool/cli/line_filter.hpp"
#include "tool/cli/options.hpp"
#include "tool/cli/output.hpp"
#include "tool/cli/result_cache.hpp"
#include "tool/cli/unit_runner.hpp"

using namespace orm::tool;

namespace {
constexpr int no_error_findings = 0, error_findings = 1, could_not_run = 2;

int fail(llvm::Error e) {
  llvm::errs() << llvm::toString(std::move(e)) << "\n";
  return could_not_run;
}

// A passing run, for a build system: the stamp it may skip the next run by, and the
// files whose change makes the stamp stale (Makefile syntax, which Ninja reads too).
llvm::Error write_stamp(const cli_options& options, const std::vector<unit_report>& reports) {
  if (options.stamp.empty()) return llvm::Error::success();
  if (!options.depfile.empty()) {
    std::set<std::string> inputs;
    for (const unit_report& unit : reports) inputs.insert(unit.inputs.begin(), unit.inputs.end());
    std::string rule;
    const auto escaped = [](llvm::StringRef path) {
      std::string out;
      for (char c : path) {
        if (c == ' ' || c == '#' || c == ':' || c == '\\') out += '\\';
        if (c == '$') out += '$';
        out += c;
      }
      return out;
    };
    rule += escaped(options.stamp) + ":";
    for (const std::string& input : inputs) rule += " \\\n  " + escaped(input);
    rule += "\n";
    std::error_code ec;
    llvm::raw_fd_ostream depfile(options.depfile, ec);
    if (ec) return llvm::createStringError(ec, "ormlint: cannot write %s", options.depfile.c_str());
    depfile << rule;
  }
  std::error_code ec;
  llvm::raw_fd_ostream stamp(options.stamp, ec);
  if (ec) return llvm::createStringError(ec, "ormlint: cannot write %s", options.stamp.c_str());
  stamp << "ormlint passed\n";
  return llvm::Error::success();
}

// Where SARIF's helpUri points: the option's base, else the pages installed with
// ormlint (<prefix>/share/doc/orm/checks/), else those of the source tree it was built
// from; always absolute, as SARIF requires.
std::string help_base(const cli_options& options, const char* argv0) {
  std::string base = options.sarif_help_uri;
  if (base.empty()) {
    static int anchor;
    llvm::SmallString<256> installed(llvm::sys::path::parent_path(
        llvm::sys::path::parent_path(llvm::sys::fs::getMainExecutable(argv0, &anchor))));
    llvm::sys::path::append(installed, "share", "doc", "orm", "checks");
    base = "file://" + (llvm::sys::fs::is_directory(installed) ? installed.str().str() : std::string(ORM_SOURCE_DIR "/docs/checks"));
  }
  if (!base.empty() && base.back() != '/') base += '/';
  return base;
}

// The cache's default place: next to the compile database, when there is one.
// The directory SARIF's file URIs, and GitHub's and GitLab's paths, are relative to:
// --sarif-root, else the git repository
// that holds the first input, else the current directory.
std::string sarif_root(const cli_options& options) {
  if (!options.sarif_root.empty()) return absolute(options.sarif_root);
  const std::string repository = directory_holding(options.paths.empty() ? "." : options.paths.front(), ".git");
  return repository.empty() ? absolute(".") : repository;
}

// The directory of the first input (or the current one): where --diff asks git.
std::string input_directory(const cli_options& options) {
  const std::string path = absolute(options.paths.empty() ? "." : options.paths.front());
  return llvm::sys::fs::is_directory(path) ? path : llvm::sys::path::parent_path(path).str();
}

// --schema-graph: each schema once (a header's schema is read by every unit that
// includes it), as DOT, Mermaid or SVG rendered by Graphviz's dot.
int draw_schemas(const cli_options& options, const std::vector<unit_report>& reports) {
  std::vector<std::string> graphs;
  for (const unit_report& unit : reports) {
    llvm::errs() << unit.compiler_errors;
    for (const std::string& g : unit.graphs)
      if (std::find(graphs.begin(), graphs.end(), g) == graphs.end()) graphs.push_back(g);
  }
  if (graphs.empty())
    return fail(llvm::createStringError("ormlint: --schema-graph: the inputs read no schema ormlint can draw"));
  for (const std::string& graph : graphs) {
    if (options.schema_graph != "svg") {
      llvm::outs() << graph;
      continue;
    }
    auto svg = render_svg(graph);
    if (!svg) return fail(svg.takeError());
    llvm::outs() << *svg;
  }
  const bool failed = std::any_of(reports.begin(), reports.end(), [](const unit_report& u) { return u.failed; });
  return failed ? could_not_run : no_error_findings;
}

std::string default_cache_dir(const std::string& database_dir) {
  if (database_dir.empty()) return "";
  llvm::SmallString<256> dir(database_dir);
  llvm::sys::path::append(dir, ".ormlint-cache");
  return std::string(dir);
}

// What of the settings changes findings, for the cache's key: which checks run, and
// which of them report errors.
std::string enabled_checks(const lint_settings& settings) {
  std::string out;
  for (const auto& check : orm::checks::all_checks())
    if (settings.checks.matches(check.id))
      out += std::string(check.id) + (settings.warnings_as_errors.matches(check.id) ? "!" : "") +
             (settings.errors_as_warnings.matches(check.id) ? "?" : "") + ",";
  return out;
}

// A check list that enables nothing, or names a check that does not exist, is a usage
// error: a run that checks nothing must not pass CI.
llvm::Error usable_check_lists(const lint_settings& settings, const cli_options& options,
                               const std::optional<lint_config>& config) {
  std::vector<std::string_view> ids;
  for (const auto& check : orm::checks::all_checks()) ids.push_back(check.id);
  // Where a list came from, for the message: the option, the config file's key, or the default.
  const auto origin = [&](bool given, const char* option, bool in_config, const char* key) {
    return given ? std::string(option) : in_config ? config->path + " (" + key + ")" : "the default " + std::string(option);
  };
  const std::pair<const check_globs*, std::string> lists[] = {
      {&settings.checks, origin(!options.checks.empty(), "--checks", config && config->checks, "Checks")},
      {&settings.warnings_as_errors, origin(!options.warnings_as_errors.empty(), "--warnings-as-errors",
                                            config && config->warnings_as_errors, "WarningsAsErrors")},
      {&settings.errors_as_warnings, origin(!options.errors_as_warnings.empty(), "--errors-as-warnings",
                                            config && config->errors_as_warnings, "ErrorsAsWarnings")}};
  for (const auto& [globs, where] : lists)
    for (const std::string& glob : globs->unmatched(ids)) {
      const std::string close = orm::model::closest_name(glob, ids);
      return llvm::createStringError("ormlint: '%s' in %s names no check%s; see --list-checks", glob.c_str(),
                                     where.c_str(), close.empty() ? "" : ("; did you mean '" + close + "'?").c_str());
    }
  if (std::none_of(ids.begin(), ids.end(), [&](std::string_view id) { return settings.checks.matches(id); }))
    return llvm::createStringError("ormlint: %s enables no check; add one, for example 'orm-*'",
                                   lists[0].second.c_str());
  return llvm::Error::success();
}
}  // namespace

int main(int argc, const char** argv) {
  llvm::InitLLVM init(argc, argv);
  auto compiler_arguments = take_compiler_arguments(argc, argv);  // before llvm::cl sees argv
  if (!compiler_arguments) return fail(compiler_arguments.takeError());
  const cli_options options = parse_options(argc, argv);
  if (!options.explain.empty()) {
    const auto page = check_documentation(options.explain);
    if (!page) {
      std::vector<std::string_view> ids;
      for (const auto& check : orm::checks::all_checks()) ids.push_back(check.id);
      const std::string close = orm::model::closest_name(options.explain, ids);
      return fail(llvm::createStringError("ormlint: no check named '%s'%s; see --list-checks", options.explain.c_str(),
                                          close.empty() ? "" : ("; did you mean '" + close + "'?").c_str()));
    }
    llvm::outs() << *page;
    return no_error_findings;
  }
  // --list-checks and --dump-config speak of the first input (or the current directory).
  auto config = find_config(options.paths.empty() ? "." : options.paths.front());
  if (!config) return fail(config.takeError());
  const lint_settings settings = settings_of(effective_config(options, *config));
  if (auto unusable = usable_check_lists(settings, options, *config)) return fail(std::move(unusable));
  if (options.dump_config) {
    llvm::outs() << dump_config(effective_config(options, *config));
    return no_error_findings;
  }
  if (options.list_checks) {
    for (const auto& check : orm::checks::all_checks())
      if (settings.checks.matches(check.id)) llvm::outs() << check.id << "  " << check.summary << "\n";
    return no_error_findings;
  }
  const bool from_arguments = *compiler_arguments != nullptr;
  auto database = load_database(std::move(*compiler_arguments), options.build_path, options.paths);
  if (!database) return fail(database.takeError());
  auto files = select_files(**database, options.paths);
  if (!files) return fail(files.takeError());

  // A stamp left from an earlier pass must not outlive a run that fails.
  if (!options.stamp.empty()) llvm::sys::fs::remove(options.stamp);
  const std::string cache_dir = options.no_cache ? ""
                                : !options.cache_dir.empty()
                                    ? options.cache_dir
                                    : default_cache_dir(database_directory(from_arguments, options.build_path, options.paths));
  // Each file with the .ormlint.yaml nearest to it, as clang-tidy does.
  auto groups = group_by_config(*files, options);
  if (!groups) return fail(groups.takeError());
  std::vector<unit_report> reports;
  for (settings_group& group : *groups) {
    if (auto unusable = usable_check_lists(group.settings, options, group.file)) return fail(std::move(unusable));
    if (!options.schema_graph.empty())
      group.settings.graph = options.schema_graph == "mermaid" ? graph_format::mermaid : graph_format::dot;
    std::optional<result_cache> cache;  // a cached report holds no drawing
    if (!cache_dir.empty() && options.schema_graph.empty()) cache.emplace(cache_dir, enabled_checks(group.settings));
    std::vector<unit_report> checked = lint_units(**database, group.inputs, group.settings, {options.jobs, cache ? &*cache : nullptr});
    std::move(checked.begin(), checked.end(), std::back_inserter(reports));
  }
  // In the order of the inputs, whatever configurations they fell under.
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < files->size(); ++i) position.emplace((*files)[i], i);
  std::sort(reports.begin(), reports.end(),
            [&](const unit_report& a, const unit_report& b) { return position[a.file] < position[b.file]; });
  if (!options.schema_graph.empty()) return draw_schemas(options, reports);
  finding_list findings;
  std::set<std::string> reported;  // a header's finding is reported once, however many units include it
  bool failed = false;
  std::size_t skipped = 0, cached = 0;
  for (const unit_report& unit : reports) {
    skipped += unit.skipped;
    cached += unit.cached;
    llvm::errs() << unit.compiler_errors;
    if (options.time_report && !unit.skipped && !unit.cached)
      llvm::errs() << llvm::formatv("ormlint: time: {0}: front end {1:f3} s, ormlint {2:f3} s\n", unit.file,
                                    unit.front_end_seconds, unit.ormlint_seconds);
    failed |= unit.failed;
    for (const reported_finding& f : unit.findings)
      if (reported.insert(f.key()).second) findings.push_back(&f);
  }
  // A pass that checked nothing says so; not in a build's steps (--stamp), where most
  // units include no orm header and the note would repeat for each.
  if (skipped == reports.size() && !options.quiet && options.stamp.empty())
    llvm::errs() << (reports.size() == 1 ? "ormlint: " + reports.front().file + " includes no orm header; nothing to check\n"
                                         : llvm::formatv("ormlint: none of the {0} translation units includes an orm "
                                                         "header; nothing to check\n", reports.size()).str());
  else if (options.time_report)
    llvm::errs() << llvm::formatv("ormlint: {0} of {1} translation units parsed; {2} include no orm header; {3} "
                                  "from the cache{4}\n",
                                  reports.size() - skipped - cached, reports.size(), skipped, cached,
                                  cache_dir.empty() ? std::string(" (none)") : " in " + cache_dir);
  if (!options.write_baseline.empty()) {
    if (auto e = write_baseline(findings, options.write_baseline)) return fail(std::move(e));
    llvm::errs() << "ormlint: wrote " << findings.size() << " findings to " << options.write_baseline << "\n";
    return failed ? could_not_run : no_error_findings;
  }
  if (!options.baseline.empty()) {
    auto matched = apply_baseline(findings, options.baseline);
    if (!matched) return fail(matched.takeError());
    findings = std::move(matched->remaining);
    llvm::errs() << "ormlint: baseline " << options.baseline << ": " << matched->matched << " matched, " << matched->stale
                 << " stale" << (matched->stale ? " (fixed since: write the baseline again to drop them)" : "") << "\n";
  }
  if (!options.line_filter.empty() || options.diff) {
    auto filter = options.diff ? changed_lines(*options.diff, input_directory(options))
                               : parse_line_filter(options.line_filter);
    if (!filter) return fail(filter.takeError());
    std::erase_if(findings, [&](const reported_finding* f) { return !filter->keeps(f->file, f->line); });
  }
  // What decides the exit status: every finding, also those another build step shows.
  const bool any_error = std::any_of(findings.begin(), findings.end(),
                                     [](const reported_finding* f) { return f->level == orm::checks::severity::error; });
  const finding_list all_findings = findings;
  if (!options.stamp.empty() && !cache_dir.empty() && reports.size() == 1) {
    llvm::SmallString<256> claims(cache_dir);
    llvm::sys::path::append(claims, "reported");
    findings = claim_header_findings(findings, reports.front().file, std::string(claims), llvm::errs());
  }
  if (options.format == "json") print_json(findings, llvm::outs());
  else if (options.format == "sarif") {
    sarif_run run{help_base(options, argv[0]), sarif_root(options), {}};
    for (const unit_report& unit : reports)
      if (unit.failed) run.failed_units.emplace_back(unit.file, unit.compiler_errors);
    print_sarif(findings, llvm::outs(), run);
  }
  else if (options.format == "github") print_github(findings, llvm::outs(), sarif_root(options));
  else if (options.format == "gitlab") print_gitlab(findings, llvm::outs(), sarif_root(options));
  else print_text(findings, llvm::outs());
  llvm::outs().flush();
  if (!options.export_fixes.empty() && !export_fixes(findings, files->front(), options.export_fixes, llvm::errs()))
    return could_not_run;
  std::size_t fixed_count = 0;  // findings whose fix-its were applied
  if (options.fix) {
    if (!apply_fixes(findings, llvm::errs())) return could_not_run;
    for (const reported_finding* f : findings) fixed_count += f->replacements.empty() ? 0 : 1;
  }
  if (failed) {
    llvm::errs() << "ormlint: some translation units did not compile; their findings may be incomplete\n";
    const bool step_limit = std::any_of(reports.begin(), reports.end(), [](const unit_report& unit) {
      return unit.compiler_errors.find("constexpr evaluation hit maximum step limit") != std::string::npos;
    });
    if (step_limit)  // a schema larger than Clang's default budget: the way out is a flag, not a rewrite
      llvm::errs() << "ormlint: a constant expression, such as a very large schema, exceeds Clang's constexpr step "
                      "limit; add -fconstexpr-steps=4194304 (or more) to its compile command (docs/performance.md)\n";
    return could_not_run;
  }
  if (!options.quiet) {  // a closing summary, as compilers and linters end theirs
    const finding_counts counts = count_findings(all_findings);
    if (counts.errors + counts.warnings > 0 || options.fix)
      llvm::errs() << llvm::formatv("ormlint: {0} error{1}, {2} warning{3} in {4} file{5}{6}\n", counts.errors,
                                    counts.errors == 1 ? "" : "s", counts.warnings, counts.warnings == 1 ? "" : "s",
                                    counts.files, counts.files == 1 ? "" : "s",
                                    options.fix ? llvm::formatv("; {0} fixed", fixed_count).str() : std::string());
  }
  if (any_error) return error_findings;
  if (auto e = write_stamp(options, reports)) return fail(std::move(e));
  return no_error_findings;
}
