#pragma once
// Before a unit is parsed: can it include a header of the orm library? Most units of a
// codebase cannot, and parsing them would cost as much as compiling them. Clang's
// dependency scanner (the library behind clang-scan-deps) answers from the unit's own
// command line, so include paths of an installed prefix count as well as the source tree.
#include <memory>
#include <string>
#include <vector>

#include <clang/Tooling/CompilationDatabase.h>

#include "tool/extract/orm_headers.hpp"

namespace orm::tool {

struct reach_verdict {
  bool scanned = false;      // false: the scanner failed (for instance a missing header); parse to see why
  bool reaches_orm = false;  // some dependency is an orm header
  std::vector<std::string> dependencies;  // every file the unit reads, absolute, the main file first
};

// One per run, shared by the worker threads; each thread scans with its own worker.
class reach_scanner {
 public:
  reach_scanner();
  ~reach_scanner();
  // `command` as the unit will be parsed (the same argument adjustments). Thread-safe.
  reach_verdict scan(const clang::tooling::CompileCommand& command) const;

 private:
  struct state;
  std::unique_ptr<state> state_;
};

}  // namespace orm::tool
