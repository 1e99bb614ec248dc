#pragma once
// The report formats. Each prints the findings it is given, already merged.
#include <string>
#include <utility>
#include <vector>

#include <llvm/Support/raw_ostream.h>

#include "tool/cli/report.hpp"

namespace orm::tool {

using finding_list = std::vector<const reported_finding*>;

// clang's diagnostic format: file:line:col: severity: message [check], the source line,
// a caret, the fix-it and the notes.
void print_text(const finding_list& findings, llvm::raw_ostream& out);
// How many findings of each level, in how many files.
struct finding_counts {
  std::size_t errors = 0, warnings = 0, files = 0;
};
finding_counts count_findings(const finding_list& findings);

// One JSON object: the tool, its version, the counts and the findings; each finding has
// check, severity, file, line, column, message, notes, fixes.
void print_json(const finding_list& findings, llvm::raw_ostream& out);
// What a SARIF run says beyond its results.
struct sarif_run {
  // where each rule's page is, as an absolute URI ending in '/'; the rule's helpUri is
  // help_base + "<name>.md".
  std::string help_base;
  // Files under this directory are named relative to %SRCROOT% (originalUriBaseIds), so
  // that a report read on another machine or checkout still finds them; "" keeps file://.
  std::string source_root;
  // The units that did not compile, each with what the compiler said: the run's
  // invocation is not successful, and each is a toolExecutionNotification.
  std::vector<std::pair<std::string, std::string>> failed_units;
};

// SARIF 2.1.0, written by Clang's SarifDocumentWriter.
void print_sarif(const finding_list& findings, llvm::raw_ostream& out, const sarif_run& run);

// GitHub Actions' workflow commands (::error file=...,line=...::message), which the
// runner turns into annotations on the pull request; files relative to `root`.
void print_github(const finding_list& findings, llvm::raw_ostream& out, const std::string& root);
// GitLab's Code Quality report (a JSON array of issues with check_name, description,
// severity, a fingerprint and a location relative to `root`), for artifacts:reports:codequality.
void print_gitlab(const finding_list& findings, llvm::raw_ostream& out, const std::string& root);

}  // namespace orm::tool
