#pragma once
// Runs a program found on the PATH and returns what it wrote on its standard output:
// ormlint asks git for changed lines (--diff) and Graphviz's dot for SVG.
#include <optional>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

namespace orm::tool {

// `program` with `arguments`, fed `input` on its standard input when given. An error
// says `missing` when the program is not on the PATH, and `failed` followed by what the
// program wrote on its standard error when it fails.
llvm::Expected<std::string> run_program(const std::string& program, const std::vector<std::string>& arguments,
                                        const std::optional<std::string>& input, const std::string& missing,
                                        const std::string& failed);

}  // namespace orm::tool
