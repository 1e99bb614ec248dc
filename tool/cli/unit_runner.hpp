#pragma once
// Runs the checks over translation units, N at a time, each into its own report.
#include <optional>
#include <string>
#include <vector>

#include "tool/cli/check_globs.hpp"
#include "tool/cli/report.hpp"
#include "tool/graph/schema_graph.hpp"

namespace clang::tooling {
class CompilationDatabase;
}

namespace orm::tool {

struct lint_settings {
  check_globs checks{"orm-*"};
  check_globs warnings_as_errors{""};
  check_globs errors_as_warnings{""};  // applied after warnings_as_errors: lowering wins
  std::optional<graph_format> graph;  // also draw each schema (--schema-graph)

  // The level a finding of `check` found at `level` is reported at: raised by
  // warnings_as_errors, then lowered by errors_as_warnings (lowering wins).
  checks::severity reported_level(const std::string& check, checks::severity level) const {
    if (warnings_as_errors.matches(check)) level = checks::severity::error;
    if (errors_as_warnings.matches(check)) level = checks::severity::warning;
    return level;
  }
};

class result_cache;

struct run_options {
  unsigned jobs = 1;
  result_cache* cache = nullptr;  // none: every unit that reaches the orm is parsed
};

// Reports come back in the order of `files`, whatever order the units finish in. A unit
// that cannot include an orm header is not parsed (its report says skipped).
std::vector<unit_report> lint_units(const clang::tooling::CompilationDatabase& database,
                                    const std::vector<std::string>& files, const lint_settings& settings,
                                    const run_options& run);

}  // namespace orm::tool
