#include "tool/cli/file_settings.hpp"

#include <map>

#include <llvm/Support/Path.h>

namespace orm::tool {

lint_config effective_config(const cli_options& options, const std::optional<lint_config>& file) {
  lint_config out = file.value_or(lint_config{});
  out.checks = !options.checks.empty() ? options.checks : out.checks.value_or("orm-*");
  if (!options.warnings_as_errors.empty()) out.warnings_as_errors = options.warnings_as_errors;
  out.warnings_as_errors = out.warnings_as_errors.value_or("");
  if (!options.errors_as_warnings.empty()) out.errors_as_warnings = options.errors_as_warnings;
  out.errors_as_warnings = out.errors_as_warnings.value_or("");
  out.inherit_parent_config.reset();
  return out;
}

lint_settings settings_of(const lint_config& effective) {
  return {check_globs(effective.checks.value_or("orm-*")), check_globs(effective.warnings_as_errors.value_or("")),
          check_globs(effective.errors_as_warnings.value_or("")), std::nullopt};
}

llvm::Expected<std::vector<settings_group>> group_by_config(const std::vector<std::string>& inputs,
                                                            const cli_options& options) {
  std::vector<settings_group> groups;
  std::map<std::string, std::size_t> group_of_file;       // a .ormlint.yaml's path ("" for none) -> its group
  std::map<std::string, std::size_t> group_of_directory;  // each input's directory, looked up once
  for (const std::string& input : inputs) {
    const std::string directory = llvm::sys::path::parent_path(input).str();
    auto known = group_of_directory.find(directory);
    if (known == group_of_directory.end()) {
      auto file = find_config(directory.empty() ? "." : directory);
      if (!file) return file.takeError();
      const std::string key = *file ? (*file)->path : "";
      auto group = group_of_file.find(key);
      if (group == group_of_file.end()) {
        group = group_of_file.emplace(key, groups.size()).first;
        groups.push_back({*file, settings_of(effective_config(options, *file)), {}});
      }
      known = group_of_directory.emplace(directory, group->second).first;
    }
    groups[known->second].inputs.push_back(input);
  }
  return groups;
}

}  // namespace orm::tool
