#include <set>
#include <string>

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>

#include "tool/cli/output.hpp"

namespace orm::tool {

finding_counts count_findings(const finding_list& findings) {
  finding_counts out;
  std::set<std::string> files;
  for (const reported_finding* f : findings) {
    ++(f->level == checks::severity::error ? out.errors : out.warnings);
    files.insert(f->file);
  }
  out.files = files.size();
  return out;
}

void print_text(const finding_list& findings, llvm::raw_ostream& out) {
  for (const reported_finding* f : findings) out << f->rendered;
}

void print_json(const finding_list& findings, llvm::raw_ostream& out) {
  const finding_counts counts = count_findings(findings);
  llvm::json::Array all;
  for (const reported_finding* f : findings) {
    llvm::json::Array notes, fixes;
    for (const reported_note& n : f->notes)
      notes.push_back(llvm::json::Object{{"file", n.file}, {"line", n.line}, {"column", n.column}, {"message", n.message}});
    for (const auto& r : f->replacements)
      fixes.push_back(llvm::json::Object{{"file", r.getFilePath()},
                                         {"offset", r.getOffset()},
                                         {"length", r.getLength()},
                                         {"replacement", r.getReplacementText()}});
    llvm::json::Object finding{{"check", f->check},
                                     {"severity", f->level == checks::severity::error ? "error" : "warning"},
                                     {"file", f->file},
                                     {"line", f->line},
                                     {"column", f->column},
                                     {"message", f->message},
                                     {"notes", std::move(notes)},
                                     {"fixes", std::move(fixes)}};
    // One edit serves several findings: it is listed once, with the first; the others
    // say which finding carries it.
    if (f->fix_with)
      finding["fix_with"] = llvm::json::Object{{"file", f->fix_with->file}, {"line", f->fix_with->line}, {"column", f->fix_with->column}};
    all.push_back(std::move(finding));
  }
  out << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{{"tool", "ormlint"},
                                                                      {"version", ORM_VERSION},
                                                                      {"errors", counts.errors},
                                                                      {"warnings", counts.warnings},
                                                                      {"files", counts.files},
                                                                      {"findings", std::move(all)}}))
      << "\n";
}

}  // namespace orm::tool
