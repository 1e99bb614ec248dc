#pragma once
// .ormlint.yaml, looked up like .clang-tidy: for each input, in its directory and its
// parents; the nearest applies. Keys follow .clang-tidy's:
//   Checks: '-*,orm-missing-relation-index'
//   WarningsAsErrors: 'orm-*'
//   ErrorsAsWarnings: 'orm-redundant-index'   (lower a check: its errors do not fail the run)
//   InheritParentConfig: true   (the parent directory's file applies too; this one's
//                                globs come after its globs)
#include <optional>
#include <string>

#include <llvm/Support/Error.h>

namespace orm::tool {

struct lint_config {
  std::optional<std::string> checks;
  std::optional<std::string> warnings_as_errors;
  std::optional<std::string> errors_as_warnings;  // checks whose errors are reported as warnings
  std::optional<bool> inherit_parent_config;
  std::string path;  // where it was read from (the nearest file, when several were merged)
};

llvm::Expected<lint_config> parse_config(llvm::StringRef text, llvm::StringRef path);

// The configuration as .ormlint.yaml text, through the same key mapping the parser reads:
// parse_config(dump_config(c)) gives c's settings back.
std::string dump_config(const lint_config& config);

// The nearest .ormlint.yaml at or above `directory`, merged with its parents' while it
// says InheritParentConfig; none is not an error, a broken one is.
llvm::Expected<std::optional<lint_config>> find_config(llvm::StringRef directory);

}  // namespace orm::tool
