// The formats CI services read: GitHub's workflow commands and GitLab's Code Quality
// report. Both name files relative to the checkout's root (--sarif-root's directory),
// as the services show them beside their own paths.
#include <map>
#include <string>

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>

#include "tool/cli/inputs.hpp"
#include "tool/cli/output.hpp"

namespace orm::tool {

namespace {

// What a finding says in full: its message, then each note on a line of its own.
std::string message_with_notes(const reported_finding& f, const std::string& root) {
  std::string text = f.message;
  for (const reported_note& n : f.notes)
    text += llvm::formatv("\n{0}:{1}:{2}: note: {3}", relative_to(n.file, root), n.line, n.column, n.message).str();
  return text;
}

// GitHub's escaping of a workflow command's data and of its properties (the toolkit's
// escapeData and escapeProperty): '%', CR and LF always; ':' and ',' in properties.
std::string escape_command(llvm::StringRef text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace

void print_github(const finding_list& findings, llvm::raw_ostream& out, const std::string& root) {
  for (const reported_finding* f : findings)
    out << "::" << (f->level == checks::severity::error ? "error" : "warning") << " title="
        << escape_command(f->check, true) << ",file=" << escape_command(relative_to(f->file, root), true)
        << ",line=" << f->line << ",col=" << f->column << "::" << escape_command(message_with_notes(*f, root), false)
        << "\n";
}

void print_gitlab(const finding_list& findings, llvm::raw_ostream& out, const std::string& root) {
  // The fingerprint leaves the line out, as the baseline does, so that an edit above a
  // finding does not make GitLab call it new; the same finding twice in a file is told
  // apart by its occurrence.
  std::map<std::string, unsigned> occurrences;
  llvm::json::Array issues;
  for (const reported_finding* f : findings) {
    const std::string path = relative_to(f->file, root);
    const std::string identity = f->check + '\0' + path + '\0' + f->message;
    const unsigned occurrence = occurrences[identity]++;
    issues.push_back(llvm::json::Object{
        {"type", "issue"},
        {"check_name", f->check},
        {"description", message_with_notes(*f, root)},
        {"severity", f->level == checks::severity::error ? "critical" : "minor"},
        {"fingerprint", hex_hash(identity + '\0' + std::to_string(occurrence))},
        {"location", llvm::json::Object{{"path", path}, {"lines", llvm::json::Object{{"begin", f->line}}}}}});
  }
  out << llvm::formatv("{0:2}", llvm::json::Value(std::move(issues))) << "\n";
}

}  // namespace orm::tool
