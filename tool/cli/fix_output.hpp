#pragma once
// --fix writes the fixes into the files; --export-fixes writes them as YAML for
// clang-apply-replacements.
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/raw_ostream.h>

#include "tool/cli/output.hpp"

namespace orm::tool {

// Returns false when a file could not be rewritten (said on `errors`).
bool apply_fixes(const finding_list& findings, llvm::raw_ostream& errors);
bool export_fixes(const finding_list& findings, llvm::StringRef main_file, llvm::StringRef path,
                  llvm::raw_ostream& errors);

}  // namespace orm::tool
