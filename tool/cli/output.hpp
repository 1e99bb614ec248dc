#pragma once
// The three report formats. Each prints the findings it is given, already merged.
#include <vector>

#include <llvm/Support/raw_ostream.h>

#include "tool/cli/report.hpp"

namespace orm::tool {

using finding_list = std::vector<const reported_finding*>;

// clang's diagnostic format: file:line:col: severity: message [check], the source line,
// a caret, the fix-it and the notes.
void print_text(const finding_list& findings, llvm::raw_ostream& out);
// One JSON array; each finding has check, severity, file, line, column, message, notes, fixes.
void print_json(const finding_list& findings, llvm::raw_ostream& out);
// SARIF 2.1.0, written by Clang's SarifDocumentWriter.
// `help_base`: where each rule's page is, as an absolute URI ending in '/'; the rule's
// helpUri is help_base + "<name>.md".
void print_sarif(const finding_list& findings, llvm::raw_ostream& out, const std::string& help_base);

}  // namespace orm::tool
