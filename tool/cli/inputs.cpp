#include "tool/cli/inputs.hpp"

#include <algorithm>

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/BLAKE3.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace orm::tool {

std::string absolute(llvm::StringRef path) {
  llvm::SmallString<256> p(path);
  llvm::sys::fs::make_absolute(p);
  llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
  return std::string(p);
}

std::string directory_holding(llvm::StringRef start, llvm::StringRef name) {
  const std::string from = absolute(start);
  for (llvm::StringRef dir = from; !dir.empty(); dir = llvm::sys::path::parent_path(dir)) {
    llvm::SmallString<256> candidate(dir);
    llvm::sys::path::append(candidate, name);
    if (llvm::sys::fs::exists(candidate)) return dir.str();
  }
  return "";
}

std::string relative_to(const std::string& file, const std::string& directory) {
  llvm::StringRef f(file);
  if (!directory.empty() && f.consume_front(directory) && !f.empty() && llvm::sys::path::is_separator(f.front()))
    return f.drop_front().str();
  return file;
}

std::string hex_hash(llvm::StringRef bytes) {
  return llvm::toHex(llvm::BLAKE3::hash<16>(llvm::arrayRefFromStringRef(bytes)), /*LowerCase=*/true);
}

namespace {

std::string real_path(const std::string& path) {
  llvm::SmallString<256> real;
  return llvm::sys::fs::real_path(path, real) ? path : std::string(real);
}

bool has_extension(llvm::StringRef file, std::initializer_list<llvm::StringRef> extensions) {
  const llvm::StringRef extension = llvm::sys::path::extension(file);
  return std::any_of(extensions.begin(), extensions.end(), [&](llvm::StringRef e) { return extension.equals_insensitive(e); });
}

// The C++ files under a directory the database does not cover (compiler arguments after
// --, or a folder of headers): its sources, or, when it has none, its headers, each
// checked as a single file given by name would be. Hidden directories (.git, .cache) and
// build trees (a CMakeCache.txt) are not entered.
std::vector<std::string> files_in_directory(const std::string& directory) {
  std::vector<std::string> sources, headers;
  std::error_code error;
  for (llvm::sys::fs::recursive_directory_iterator entry(directory, error), end; entry != end && !error;
       entry.increment(error)) {
    const std::string& path = entry->path();
    const llvm::StringRef name = llvm::sys::path::filename(path);
    if (entry->type() == llvm::sys::fs::file_type::directory_file) {
      llvm::SmallString<256> cache(path);
      llvm::sys::path::append(cache, "CMakeCache.txt");
      if (name.starts_with(".") || llvm::sys::fs::exists(cache)) entry.no_push();
      continue;
    }
    if (has_extension(path, {".cpp", ".cc", ".cxx", ".c++"}))
      sources.push_back(path);
    else if (has_extension(path, {".hpp", ".hh", ".hxx", ".h", ".h++", ".ipp"}))
      headers.push_back(path);
  }
  std::vector<std::string>& chosen = sources.empty() ? headers : sources;
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}
}  // namespace

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>> take_compiler_arguments(int& argc,
                                                                                           const char** argv) {
  std::string error;
  auto fixed = clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv, error);
  if (!fixed && !error.empty()) return llvm::createStringError("ormlint: bad compiler arguments after --: %s", error.c_str());
  return std::unique_ptr<clang::tooling::CompilationDatabase>(std::move(fixed));
}

namespace {

// The compile database's file, for messages: in -p's directory, or the nearest above the
// first input.
std::string database_file(const std::string& build_path, const std::vector<std::string>& paths) {
  llvm::SmallString<256> file(database_directory(false, build_path, paths));
  llvm::sys::path::append(file, "compile_commands.json");
  return std::string(file);
}

}  // namespace

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>> load_database(
    std::unique_ptr<clang::tooling::CompilationDatabase> from_arguments, const std::string& build_path,
    const std::vector<std::string>& paths) {
  // A missing input is named as such, before any search for a database could hide it.
  for (const std::string& path : paths)
    if (!llvm::sys::fs::exists(path)) return llvm::createStringError("ormlint: '%s' does not exist", path.c_str());
  if (from_arguments) return from_arguments;
  std::string error;
  std::unique_ptr<clang::tooling::CompilationDatabase> database;
  if (!build_path.empty()) {
    database = clang::tooling::CompilationDatabase::loadFromDirectory(build_path, error);
    if (!database)
      return llvm::createStringError("ormlint: no compile database in '%s' (%s); build with "
                                     "CMAKE_EXPORT_COMPILE_COMMANDS=ON, or pass compiler arguments after --",
                                     build_path.c_str(), error.c_str());
  } else {
    const std::string start = paths.empty() ? "." : absolute(paths.front());
    database = llvm::sys::fs::is_directory(start) ? clang::tooling::CompilationDatabase::autoDetectFromDirectory(start, error)
                                                  : clang::tooling::CompilationDatabase::autoDetectFromSource(start, error);
    if (!database)
      return llvm::createStringError("ormlint: no compile_commands.json found at or above '%s'; pass -p <build "
                                     "directory>, or compiler arguments after --",
                                     start.c_str());
  }
  // A relative "directory" would make every file of its entries unfindable ("Compile
  // command not found"): name it instead. The format asks for absolute ones.
  for (const clang::tooling::CompileCommand& command : database->getAllCompileCommands())
    if (!llvm::sys::path::is_absolute(command.Directory))
      return llvm::createStringError(
          "ormlint: %s: the entry for '%s' has a relative \"directory\" ('%s'); a compile database's directories must "
          "be absolute (CMake, Bear and clangd's tools write them so): write it as an absolute path",
          database_file(build_path, paths).c_str(), command.Filename.c_str(), command.Directory.c_str());
  return clang::tooling::inferMissingCompileCommands(std::move(database));
}

std::string database_directory(bool from_arguments, const std::string& build_path, const std::vector<std::string>& paths) {
  if (from_arguments) return "";
  if (!build_path.empty()) return absolute(build_path);
  return directory_holding(paths.empty() ? "." : paths.front(), "compile_commands.json");
}

llvm::Expected<std::vector<std::string>> select_files(const clang::tooling::CompilationDatabase& database,
                                                      const std::vector<std::string>& paths) {
  std::vector<std::string> all = database.getAllFiles();
  std::sort(all.begin(), all.end());
  if (paths.empty()) return all;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    const std::string full = absolute(path);
    if (!llvm::sys::fs::exists(full)) return llvm::createStringError("ormlint: '%s' does not exist", path.c_str());
    if (!llvm::sys::fs::is_directory(full)) {
      files.push_back(full);
      continue;
    }
    // Through symbolic links too: a checkout reached by a link, a database that names real paths.
    const std::string real = real_path(full);
    const std::size_t before = files.size();
    for (const std::string& f : all)
      if (llvm::StringRef(f).starts_with(full + "/") || llvm::StringRef(real_path(f)).starts_with(real + "/"))
        files.push_back(f);
    if (files.size() == before) {
      const std::vector<std::string> found = files_in_directory(full);
      if (found.empty())
        return llvm::createStringError("ormlint: '%s' holds no C++ file (.cpp, .cc, .cxx, .hpp, .h, ...) that the compile "
                                       "database lists or that could be checked; name the files, or pass -p <build directory>",
                                       path.c_str());
      files.insert(files.end(), found.begin(), found.end());
    }
  }
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

}  // namespace orm::tool
