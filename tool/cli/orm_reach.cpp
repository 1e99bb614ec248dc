#include "tool/cli/orm_reach.hpp"

#include <map>
#include <mutex>
#include <thread>

#include <clang/Tooling/DependencyScanning/DependencyScanningService.h>
#include <clang/Tooling/DependencyScanning/DependencyScanningTool.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace orm::tool {

namespace deps = clang::tooling::dependencies;

struct reach_scanner::state {
  // The service's cache of scanned files is shared; a tool is not thread-safe, so each
  // thread keeps its own.
  deps::DependencyScanningService service{deps::ScanningMode::DependencyDirectivesScan,
                                          deps::ScanningOutputFormat::Full};
  std::mutex mutex;
  std::map<std::thread::id, std::unique_ptr<deps::DependencyScanningTool>> tools;

  deps::DependencyScanningTool& tool() {
    std::lock_guard lock(mutex);
    auto& tool = tools[std::this_thread::get_id()];
    if (!tool) tool = std::make_unique<deps::DependencyScanningTool>(service);
    return *tool;
  }
};

reach_scanner::reach_scanner() : state_(std::make_unique<state>()) {}
reach_scanner::~reach_scanner() = default;

reach_verdict reach_scanner::scan(const clang::tooling::CompileCommand& command) const {
  reach_verdict verdict;
  auto result = state_->tool().getTranslationUnitDependencies(
      command.CommandLine, command.Directory, {},
      [](const deps::ModuleID&, deps::ModuleOutputKind) { return std::string(); });
  if (!result) {
    llvm::consumeError(result.takeError());
    return verdict;
  }
  verdict.scanned = true;
  for (std::string& file : result->FileDeps) {
    llvm::SmallString<256> path(file);
    llvm::sys::fs::make_absolute(command.Directory, path);  // `..` stays: it may follow a symbolic link
    verdict.dependencies.emplace_back(path);
    verdict.reaches_orm = verdict.reaches_orm || is_orm_header(verdict.dependencies.back());
  }
  return verdict;
}

}  // namespace orm::tool
