#include <map>

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/Sarif.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>

#include "checks/registry.hpp"
#include "tool/cli/output.hpp"
#include "tool/cli/explain.hpp"

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

namespace {

// A file path as SARIF's artifact URIs have it: file:// and the path, percent-encoded.
std::string file_uri(llvm::StringRef path) {
  std::string out = "file://";
  for (unsigned char c : path) {
    if (llvm::isAlnum(c) || llvm::StringRef("/-._~").contains(static_cast<char>(c))) out += static_cast<char>(c);
    else out += {'%', llvm::hexdigit(c >> 4), llvm::hexdigit(c & 15)};
  }
  return out;
}

// "orm-unknown-relation" -> "UnknownRelation": SARIF wants a rule's name, for people,
// distinct from its opaque id.
std::string rule_name(llvm::StringRef id) {
  id.consume_front("orm-");
  std::string out;
  for (llvm::StringRef word : llvm::split(id, '-'))
    if (!word.empty()) out += llvm::toUpper(word.front()) + word.drop_front().str();
  return out;
}

llvm::json::Object physical_location(const std::string& file, unsigned line, unsigned column) {
  return llvm::json::Object{{"physicalLocation", llvm::json::Object{{"artifactLocation", llvm::json::Object{{"uri", file_uri(file)}}},
                                                                  {"region", llvm::json::Object{{"startLine", line},
                                                                                                {"startColumn", column}}}}}};
}

// What clang's writer has no setter for: a result's notes as relatedLocations, its
// fix-its as one fix (all its edits together, as the text output applies them).
void add_notes_and_fixes(llvm::json::Object& result, const reported_finding& f) {
  llvm::json::Array related;
  for (const reported_note& n : f.notes) {
    llvm::json::Object location = physical_location(n.file, n.line, n.column);
    location["id"] = static_cast<int64_t>(related.size());
    location["message"] = llvm::json::Object{{"text", n.message}};
    related.push_back(std::move(location));
  }
  if (!related.empty()) result["relatedLocations"] = std::move(related);
  if (f.replacements.empty()) return;
  std::map<std::string, llvm::json::Array> edits_by_file;
  for (const clang::tooling::Replacement& r : f.replacements)
    edits_by_file[r.getFilePath().str()].push_back(llvm::json::Object{
        {"deletedRegion", llvm::json::Object{{"charOffset", r.getOffset()}, {"charLength", r.getLength()}}},
        {"insertedContent", llvm::json::Object{{"text", r.getReplacementText()}}}});
  llvm::json::Array changes;
  for (auto& [file, edits] : edits_by_file)
    changes.push_back(llvm::json::Object{{"artifactLocation", llvm::json::Object{{"uri", file_uri(file)}}},
                                         {"replacements", std::move(edits)}});
  result["fixes"] = llvm::json::Array{llvm::json::Object{
      {"description", llvm::json::Object{{"text", "apply the fix-it of " + f.check}}}, {"artifactChanges", std::move(changes)}}};
}

}  // namespace

namespace {

// Every "uri" under `value` that names a file under `root` (as file_uri gives it, with a
// trailing '/'), made relative to %SRCROOT%.
void relative_to_source_root(llvm::json::Value& value, llvm::StringRef root) {
  if (auto* object = value.getAsObject()) {
    if (auto uri = object->getString("uri"); uri && uri->starts_with(root)) {
      const std::string relative = uri->drop_front(root.size()).str();
      (*object)["uri"] = relative;
      (*object)["uriBaseId"] = "%SRCROOT%";
    }
    for (auto& member : *object) relative_to_source_root(member.second, root);
  } else if (auto* array = value.getAsArray()) {
    for (llvm::json::Value& item : *array) relative_to_source_root(item, root);
  }
}

// The first line of what the compiler said about a unit.
std::string first_line(llvm::StringRef text) { return text.split('\n').first.trim().str(); }

// Each rule's page (docs/checks/, built into the binary) as its help: GitHub code
// scanning and other viewers show help.markdown beside the result, with no link to follow.
// Clang's SarifRule has no help field, so it is added to the rules the writer made.
void add_rule_help(llvm::json::Object& run) {
  llvm::json::Object* tool = run.getObject("tool");
  llvm::json::Object* driver = tool ? tool->getObject("driver") : nullptr;
  llvm::json::Array* rules = driver ? driver->getArray("rules") : nullptr;
  if (!rules) return;
  for (llvm::json::Value& rule : *rules) {
    llvm::json::Object& object = *rule.getAsObject();
    const std::optional<llvm::StringRef> id = object.getString("id");
    if (!id) continue;
    if (const std::optional<std::string_view> page = check_documentation(id->str()))
      object["help"] = llvm::json::Object{{"text", std::string(*page)}, {"markdown", std::string(*page)}};
  }
}

}  // namespace

void print_sarif(const finding_list& findings, llvm::raw_ostream& out, const sarif_run& facts) {
  const std::string& help_base = facts.help_base;
  sarif_sources sources;
  clang::SarifDocumentWriter writer(sources.manager());
  writer.createRun("ormlint", "ormlint: relational schema checks for the orm C++ library", ORM_VERSION);
  std::map<std::string, std::size_t> rules;
  auto rule_of = [&](const std::string& id) {
    auto [it, fresh] = rules.try_emplace(id);
    if (fresh) {
      const checks::check_info* info = checks::find_check(id);
      const bool warning = info && info->level == checks::severity::warning;
      it->second = writer.createRule(
          clang::SarifRule::create()
              .setRuleId(id)
              .setName(rule_name(id))
              .setDescription(info ? info->summary : id)
              .setHelpURI(help_base + (id.rfind("orm-", 0) == 0 ? id.substr(4) : id) + ".md")
              .setDefaultConfiguration(clang::SarifReportingConfiguration::create().setLevel(
                  warning ? clang::SarifResultLevel::Warning : clang::SarifResultLevel::Error)));
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
  llvm::json::Object document = writer.createDocument();
  // Results come back in the order they were appended: the findings' order.
  if (auto* runs = document.getArray("runs"); runs && !runs->empty())
    if (auto* results = (*runs)[0].getAsObject()->getArray("results"))
      for (std::size_t i = 0; i < results->size() && i < findings.size(); ++i)
        add_notes_and_fixes(*(*results)[i].getAsObject(), *findings[i]);
  if (auto* runs = document.getArray("runs"); runs && !runs->empty()) {
    llvm::json::Object& run = *(*runs)[0].getAsObject();
    add_rule_help(run);
    llvm::json::Array notifications;
    for (const auto& [file, said] : facts.failed_units)
      notifications.push_back(llvm::json::Object{
          {"level", "error"},
          {"message", llvm::json::Object{{"text", file + " did not compile; its findings may be incomplete: " + first_line(said)}}},
          {"locations", llvm::json::Array{physical_location(file, 1, 1)}}});
    llvm::json::Object invocation{{"executionSuccessful", facts.failed_units.empty()}};
    if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
    run["invocations"] = llvm::json::Array{std::move(invocation)};
    if (!facts.source_root.empty()) {
      std::string root = file_uri(facts.source_root);
      if (!llvm::StringRef(root).ends_with("/")) root += '/';
      for (auto& member : run) relative_to_source_root(member.second, root);
      run["originalUriBaseIds"] = llvm::json::Object{{"%SRCROOT%", llvm::json::Object{{"uri", root}}}};
    }
  }
  out << llvm::formatv("{0:2}", llvm::json::Value(std::move(document))) << "\n";
}

}  // namespace orm::tool
