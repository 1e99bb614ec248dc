#pragma once
// Runs the checks over translation units, N at a time, each into its own report.
#include <string>
#include <vector>

#include "tool/cli/check_globs.hpp"
#include "tool/cli/report.hpp"

namespace clang::tooling {
class CompilationDatabase;
}

namespace orm::tool {

struct lint_settings {
  check_globs checks{"orm-*"};
  check_globs warnings_as_errors{""};
};

// Reports come back in the order of `files`, whatever order the units finish in.
std::vector<unit_report> lint_units(const clang::tooling::CompilationDatabase& database,
                                    const std::vector<std::string>& files, const lint_settings& settings,
                                    unsigned jobs);

}  // namespace orm::tool
