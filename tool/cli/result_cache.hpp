#pragma once
// Results of earlier runs, for warm re-runs (the pattern of ctcache for clang-tidy).
//
// A unit's entry is keyed by everything its findings depend on: the content of every
// file it reads (from the dependency scan), its compile command, this ormlint binary and
// the run's settings (checks, warnings as errors). Entries are written to a temporary
// file and renamed into place, so parallel runs and CI jobs may share one directory; an
// entry that cannot be read back is ignored and rewritten.
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <clang/Tooling/CompilationDatabase.h>

#include "tool/cli/report.hpp"

namespace orm::tool {

class result_cache {
 public:
  // `settings` names what else changes findings (the enabled checks, for instance).
  result_cache(std::string directory, const std::string& settings);

  // The key of a unit, or nothing when one of its files cannot be read.
  std::optional<std::string> key(const clang::tooling::CompileCommand& command,
                                 const std::vector<std::string>& dependencies);
  std::optional<unit_report> load(const std::string& key) const;
  void store(const std::string& key, const unit_report& report) const;

  const std::string& directory() const { return directory_; }

 private:
  std::optional<std::string> content_hash(const std::string& path);
  std::string entry_path(const std::string& key) const;

  std::string directory_;
  std::string identity_;  // this binary and the settings
  std::mutex mutex_;
  std::map<std::string, std::optional<std::string>> content_hashes_;  // a file is read once per run
};

// The report as JSON and back; nothing when the text is not such a report.
std::string report_to_json(const unit_report& report);
std::optional<unit_report> report_from_json(llvm::StringRef text);

}  // namespace orm::tool
