#pragma once
// Findings as the CLI reports them: detached from any one translation unit, so that
// findings of a header seen by many units can be merged and reported once.
#include <optional>
#include <string>
#include <vector>

#include <clang/Tooling/Core/Replacement.h>

#include "checks/finding.hpp"

namespace orm::tool {

struct reported_note {
  std::string file;
  unsigned line = 0, column = 0;
  std::string message;
};

struct reported_finding {
  std::string check;
  checks::severity level = checks::severity::warning;  // after --warnings-as-errors
  std::string file;                                    // absolute
  unsigned line = 0, column = 0;
  std::string message;
  std::vector<reported_note> notes;
  std::vector<clang::tooling::Replacement> replacements;
  std::optional<reported_note> fix_with;  // the finding that carries this one's fix (one edit serves both)
  std::string rendered;  // clang's text format: location, source line, caret, fix-it, notes

  // Two units that include the same header report the same finding with the same key.
  std::string key() const { return check + '\0' + file + ':' + std::to_string(line) + ':' + std::to_string(column) + '\0' + message; }
};

struct unit_report {
  std::string file;
  std::vector<reported_finding> findings;
  std::string compiler_errors;  // what clang printed for a unit that did not compile
  bool failed = false;
  // CPU seconds (user + system) of this process: clang's front end (parse and
  // semantic analysis, as -fsyntax-only), then ormlint's own work on the AST.
  double front_end_seconds = 0;
  double ormlint_seconds = 0;
  std::vector<std::string> inputs;  // every file the unit read (absolute), for --depfile
  bool skipped = false;  // it includes no orm header, so it was not parsed
  bool cached = false;   // its report came from the result cache
  std::vector<std::string> graphs;  // --schema-graph: each schema the unit reads, drawn
};


}  // namespace orm::tool
