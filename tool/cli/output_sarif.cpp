#include <map>

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/Sarif.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/Support/JSON.h>

#include "checks/registry.hpp"
#include "tool/cli/output.hpp"

namespace orm::tool {

namespace {

// SarifDocumentWriter locates results in a SourceManager; findings come from many
// units, so they are located again in one of our own, over the real files.
class sarif_sources {
 public:
  sarif_sources()
      : files_(clang::FileSystemOptions{}),
        diagnostics_(new clang::DiagnosticIDs, new clang::DiagnosticOptions),
        sources_(diagnostics_, files_) {}

  clang::SourceManager& manager() { return sources_; }

  std::optional<clang::CharSourceRange> range(const std::string& file, unsigned line, unsigned column) {
    auto [it, fresh] = ids_.try_emplace(file);
    if (fresh) {
      if (auto entry = files_.getOptionalFileRef(file)) it->second = sources_.getOrCreateFileID(*entry, clang::SrcMgr::C_User);
    }
    if (it->second.isInvalid()) return std::nullopt;
    const clang::SourceLocation begin = sources_.translateLineCol(it->second, line, column);
    return clang::CharSourceRange::getCharRange(begin, begin.getLocWithOffset(1));
  }

 private:
  clang::FileManager files_;
  clang::DiagnosticsEngine diagnostics_;
  clang::SourceManager sources_;
  std::map<std::string, clang::FileID> ids_;
};

}  // namespace

void print_sarif(const finding_list& findings, llvm::raw_ostream& out) {
  sarif_sources sources;
  clang::SarifDocumentWriter writer(sources.manager());
  writer.createRun("ormlint", "ormlint: relational schema checks for the orm C++ library", "0.1.0");
  std::map<std::string, std::size_t> rules;
  auto rule_of = [&](const std::string& id) {
    auto [it, fresh] = rules.try_emplace(id);
    if (fresh) {
      const checks::check_info* info = checks::find_check(id);
      it->second = writer.createRule(clang::SarifRule::create()
                                         .setRuleId(id)
                                         .setName(id)
                                         .setDescription(info ? info->summary : "a schema ormlint cannot read")
                                         .setHelpURI("docs/checks/" + (id.rfind("orm-", 0) == 0 ? id.substr(4) : id) + ".md"));
    }
    return it->second;
  };
  for (const reported_finding* f : findings) {
    auto result = clang::SarifResult::create(rule_of(f->check))
                      .setRuleId(f->check)
                      .setDiagnosticMessage(f->message)
                      .setDiagnosticLevel(f->level == checks::severity::error ? clang::SarifResultLevel::Error
                                                                              : clang::SarifResultLevel::Warning);
    if (auto range = sources.range(f->file, f->line, f->column)) result = result.setLocations({*range});
    writer.appendResult(result);
  }
  writer.endRun();
  out << llvm::formatv("{0:2}", llvm::json::Value(writer.createDocument())) << "\n";
}

}  // namespace orm::tool
