// ormlint-clangd: clangd 19 with ormlint's checks built in, so that an editor shows
// orm-* findings as you type and offers their fix-its as quick fixes.
//
// clangd's default FastCheckFilter (Strict) skips every check it has no timings for,
// ours among them. So when the user has no clangd configuration of their own,
// ormlint-clangd starts clangd with its own (tool/clangd/defaults: orm-* on,
// FastCheckFilter: Loose); when they have one that leaves the filter strict, it says
// once, in clangd's log, what to add.
#include <cstdlib>
#include <string>

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#ifndef ORM_SOURCE_DIR
#error "ORM_SOURCE_DIR must name the source tree (tool/clangd/CMakeLists.txt sets it)"
#endif

namespace clang::clangd {
int clangdMain(int argc, char* argv[]);
}

namespace {

// Where clangd 19 reads the user's configuration: $XDG_CONFIG_HOME/clangd/config.yaml,
// else ~/.config/clangd/config.yaml.
std::string user_config() {
  llvm::SmallString<256> path;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) path = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home) llvm::sys::path::append(path, home, ".config");
  else return {};
  llvm::sys::path::append(path, "clangd", "config.yaml");
  return std::string(path);
}

// The folder holding ormlint-clangd's defaults as clangd/config.yaml: installed next to
// the binary (<prefix>/share/orm/clangd-defaults), else in the source tree it was built from.
std::string defaults_home(const char* argv0) {
  static int anchor;
  llvm::SmallString<256> installed(llvm::sys::path::parent_path(
      llvm::sys::path::parent_path(llvm::sys::fs::getMainExecutable(argv0, &anchor))));
  llvm::sys::path::append(installed, "share", "orm", "clangd-defaults");
  if (llvm::sys::fs::is_directory(installed)) return std::string(installed);
  return ORM_SOURCE_DIR "/tool/clangd/defaults";
}

}  // namespace

int main(int argc, char* argv[]) {
  const std::string config = user_config();
  if (config.empty() || !llvm::sys::fs::exists(config)) {
    ::setenv("XDG_CONFIG_HOME", defaults_home(argv[0]).c_str(), 1);
  } else if (auto text = llvm::MemoryBuffer::getFile(config);
             text && !llvm::StringRef((*text)->getBuffer()).contains("FastCheckFilter")) {
    llvm::errs() << "ormlint-clangd: your clangd configuration (" << config
                 << ") leaves clangd's FastCheckFilter at Strict, which skips the orm-* checks; add\n"
                    "  Diagnostics:\n    ClangTidy:\n      Add: ['orm-*']\n      FastCheckFilter: Loose\n"
                    "to it, or to your project's .clangd, to see them\n";
  }
  return clang::clangd::clangdMain(argc, argv);
}
