#pragma once
// The settings each input is checked with: the options given on the command line, else
// the nearest .ormlint.yaml's (config.hpp), else the defaults. Inputs under one
// configuration share their settings and are checked together.
#include <optional>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "tool/cli/config.hpp"
#include "tool/cli/options.hpp"
#include "tool/cli/unit_runner.hpp"

namespace orm::tool {

// What applies, as a configuration: the options given win over the file's keys.
lint_config effective_config(const cli_options& options, const std::optional<lint_config>& file);
lint_settings settings_of(const lint_config& effective);

struct settings_group {
  std::optional<lint_config> file;  // the .ormlint.yaml that applies (none: options and defaults)
  lint_settings settings;
  std::vector<std::string> inputs;  // in the order given
};

// The inputs grouped by the configuration that applies to each, in the order each
// configuration is first met. A broken .ormlint.yaml is an error naming it.
llvm::Expected<std::vector<settings_group>> group_by_config(const std::vector<std::string>& inputs,
                                                            const cli_options& options);

}  // namespace orm::tool
