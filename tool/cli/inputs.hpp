#pragma once
// Which compile database, and which of its files, a run checks.
#include <memory>
#include <string>
#include <vector>

#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/Support/Error.h>

namespace orm::tool {

// `path` made absolute, without `.` and `..` parts.
std::string absolute(llvm::StringRef path);
// The nearest directory at or above `start` that holds an entry `name`; empty when none.
std::string directory_holding(llvm::StringRef start, llvm::StringRef name);
// `file` relative to `directory` when it lies under it; as it is otherwise. Reports name
// files so (the baseline, the CI formats) to read the same on any checkout.
std::string relative_to(const std::string& file, const std::string& directory);
// A short, stable name for some bytes: 32 hex digits of their BLAKE3 hash (cache keys,
// report fingerprints, build claims).
std::string hex_hash(llvm::StringRef bytes);

// The compiler arguments after `--`, removed from argv, as a database; null without `--`.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>> take_compiler_arguments(int& argc,
                                                                                           const char** argv);

// The arguments after `--` when given, else -p, else found upward from the first input
// (or the working directory). Files missing from it get an interpolated command
// (headers staged in pre-commit, for instance).
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>> load_database(
    std::unique_ptr<clang::tooling::CompilationDatabase> from_arguments, const std::string& build_path,
    const std::vector<std::string>& paths);

// The directory of the compile_commands.json that load_database reads (-p, else the
// first one found upward from the first input); empty for compiler arguments after --.
std::string database_directory(bool from_arguments, const std::string& build_path, const std::vector<std::string>& paths);

// The inputs as files: a directory means the database's files below it; no input
// means every file of the database.
llvm::Expected<std::vector<std::string>> select_files(const clang::tooling::CompilationDatabase& database,
                                                      const std::vector<std::string>& paths);

}  // namespace orm::tool
