#pragma once
// A baseline: the findings a codebase had when it adopted ormlint, so that a run reports
// only new ones. Entries are matched by check, file (relative to the baseline's own
// directory, so that a checkout elsewhere matches too) and message, never by line: edits
// elsewhere in a file do not bring its recorded findings back. Each entry matches one
// finding; entries no finding matched are stale (fixed since).
#include <string>

#include <llvm/Support/Error.h>
#include <llvm/Support/raw_ostream.h>

#include "tool/cli/output.hpp"

namespace orm::tool {

// Writes `findings` as the baseline `path`.
llvm::Error write_baseline(const finding_list& findings, const std::string& path);

struct baseline_match {
  finding_list remaining;  // the findings the baseline does not hold
  std::size_t matched = 0;
  std::size_t stale = 0;
};

// `findings` without those the baseline `path` holds; a file that cannot be read or is not
// a baseline is an error.
llvm::Expected<baseline_match> apply_baseline(const finding_list& findings, const std::string& path);

}  // namespace orm::tool
