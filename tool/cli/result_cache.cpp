#include "tool/cli/result_cache.hpp"
#include "tool/cli/inputs.hpp"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/BLAKE3.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#ifndef ORM_VERSION
#error "ORM_VERSION must name the project's version (tool/cli/CMakeLists.txt sets it)"
#endif

namespace orm::tool {

namespace {
// Bumped when the entry format changes, so that old entries are not misread.
constexpr const char* entry_format = "ormlint-cache-1";

// This ormlint: its version and the binary itself, so that a rebuilt checker with the
// same version number does not reuse a stale verdict.
std::string binary_identity() {
  static int anchor;
  const std::string self = llvm::sys::fs::getMainExecutable(nullptr, &anchor);
  auto bytes = llvm::MemoryBuffer::getFile(self);
  return std::string(ORM_VERSION) + ":" + (bytes ? hex_hash((*bytes)->getBuffer()) : "unknown:" + self);
}

llvm::json::Object note_to_json(const reported_note& n) {
  return llvm::json::Object{{"file", n.file}, {"line", n.line}, {"column", n.column}, {"message", n.message}};
}

llvm::json::Object finding_to_json(const reported_finding& f) {
  llvm::json::Array notes, replacements;
  for (const reported_note& n : f.notes) notes.push_back(note_to_json(n));
  for (const clang::tooling::Replacement& r : f.replacements)
    replacements.push_back(llvm::json::Object{{"file", r.getFilePath()},
                                              {"offset", r.getOffset()},
                                              {"length", r.getLength()},
                                              {"text", r.getReplacementText()}});
  llvm::json::Object out{{"check", f.check},
          {"error", f.level == checks::severity::error},
          {"file", f.file},
          {"line", f.line},
          {"column", f.column},
          {"message", f.message},
          {"notes", std::move(notes)},
          {"replacements", std::move(replacements)},
          {"rendered", f.rendered}};
  if (f.fix_with) out["fix_with"] = note_to_json(*f.fix_with);
  return out;
}

// Reads the fields a finding or note has in common; false when one is missing.
template <class T>
bool read_place(const llvm::json::Object& o, T& out) {
  auto file = o.getString("file");
  auto line = o.getInteger("line");
  auto column = o.getInteger("column");
  auto message = o.getString("message");
  if (!file || !line || !column || !message) return false;
  out.file = file->str();
  out.line = static_cast<unsigned>(*line);
  out.column = static_cast<unsigned>(*column);
  out.message = message->str();
  return true;
}

std::optional<reported_finding> finding_from_json(const llvm::json::Object& o) {
  reported_finding f;
  auto check = o.getString("check");
  auto error = o.getBoolean("error");
  auto rendered = o.getString("rendered");
  auto notes = o.getArray("notes");
  auto replacements = o.getArray("replacements");
  if (!check || !error || !rendered || !notes || !replacements || !read_place(o, f)) return std::nullopt;
  f.check = check->str();
  f.level = *error ? checks::severity::error : checks::severity::warning;
  f.rendered = rendered->str();
  for (const llvm::json::Value& v : *notes) {
    reported_note n;
    if (!v.getAsObject() || !read_place(*v.getAsObject(), n)) return std::nullopt;
    f.notes.push_back(std::move(n));
  }
  for (const llvm::json::Value& v : *replacements) {
    const llvm::json::Object* r = v.getAsObject();
    if (!r) return std::nullopt;
    auto file = r->getString("file");
    auto offset = r->getInteger("offset");
    auto length = r->getInteger("length");
    auto text = r->getString("text");
    if (!file || !offset || !length || !text) return std::nullopt;
    f.replacements.emplace_back(*file, static_cast<unsigned>(*offset), static_cast<unsigned>(*length), *text);
  }
  if (const llvm::json::Object* with = o.getObject("fix_with")) {
    reported_note n;
    if (!read_place(*with, n)) return std::nullopt;
    f.fix_with = std::move(n);
  }
  return f;
}
}  // namespace

std::string report_to_json(const unit_report& report) {
  llvm::json::Array findings, inputs;
  for (const reported_finding& f : report.findings) findings.push_back(finding_to_json(f));
  for (const std::string& input : report.inputs) inputs.push_back(input);
  std::string text;
  llvm::raw_string_ostream out(text);
  out << llvm::json::Value(llvm::json::Object{{"format", entry_format},
                                              {"file", report.file},
                                              {"findings", std::move(findings)},
                                              {"inputs", std::move(inputs)}});
  return text;
}

std::optional<unit_report> report_from_json(llvm::StringRef text) {
  auto parsed = llvm::json::parse(text);
  if (!parsed) {
    llvm::consumeError(parsed.takeError());
    return std::nullopt;
  }
  const llvm::json::Object* o = parsed->getAsObject();
  if (!o || o->getString("format") != entry_format) return std::nullopt;
  auto file = o->getString("file");
  auto findings = o->getArray("findings");
  auto inputs = o->getArray("inputs");
  if (!file || !findings || !inputs) return std::nullopt;
  unit_report report;
  report.file = file->str();
  for (const llvm::json::Value& v : *findings) {
    std::optional<reported_finding> f = v.getAsObject() ? finding_from_json(*v.getAsObject()) : std::nullopt;
    if (!f) return std::nullopt;
    report.findings.push_back(std::move(*f));
  }
  for (const llvm::json::Value& v : *inputs) {
    auto input = v.getAsString();
    if (!input) return std::nullopt;
    report.inputs.push_back(input->str());
  }
  return report;
}

result_cache::result_cache(std::string directory, const std::string& settings)
    : directory_(std::move(directory)), identity_(binary_identity() + "\n" + settings) {}

std::optional<std::string> result_cache::content_hash(const std::string& path) {
  {
    std::lock_guard lock(mutex_);
    if (auto found = content_hashes_.find(path); found != content_hashes_.end()) return found->second;
  }
  auto bytes = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  std::optional<std::string> hash = bytes ? std::optional(hex_hash((*bytes)->getBuffer())) : std::nullopt;
  std::lock_guard lock(mutex_);
  return content_hashes_.emplace(path, hash).first->second;
}

std::optional<std::string> result_cache::key(const clang::tooling::CompileCommand& command,
                                             const std::vector<std::string>& dependencies) {
  std::string material = identity_ + "\n" + command.Directory + "\n" + command.Filename + "\n";
  for (const std::string& argument : command.CommandLine) material += argument + '\0';
  for (const std::string& dependency : dependencies) {
    const std::optional<std::string> hash = content_hash(dependency);
    if (!hash) return std::nullopt;
    material += "\n" + dependency + " " + *hash;
  }
  return hex_hash(material);
}

std::string result_cache::entry_path(const std::string& key) const {
  llvm::SmallString<256> path(directory_);
  llvm::sys::path::append(path, key.substr(0, 2), key + ".json");
  return std::string(path);
}

std::optional<unit_report> result_cache::load(const std::string& key) const {
  auto bytes = llvm::MemoryBuffer::getFile(entry_path(key));
  if (!bytes) return std::nullopt;
  return report_from_json((*bytes)->getBuffer());  // a corrupt entry reads as none, and is rewritten
}

// JSON holds UTF-8 only (llvm::json replaces what is not), and a cached finding must
// read back byte for byte: a unit whose findings quote other bytes (a Latin-1 name in a
// schema) is not cached, and is checked again on each run.
static bool representable(const unit_report& report) {
  const auto utf8 = [](llvm::StringRef text) { return llvm::json::isUTF8(text); };
  for (const reported_finding& f : report.findings) {
    if (!utf8(f.check) || !utf8(f.file) || !utf8(f.message) || !utf8(f.rendered)) return false;
    for (const reported_note& n : f.notes)
      if (!utf8(n.file) || !utf8(n.message)) return false;
    for (const clang::tooling::Replacement& r : f.replacements)
      if (!utf8(r.getFilePath()) || !utf8(r.getReplacementText())) return false;
  }
  for (const std::string& input : report.inputs)
    if (!utf8(input)) return false;
  return utf8(report.file);
}

void result_cache::store(const std::string& key, const unit_report& report) const {
  if (!representable(report)) return;
  const std::string path = entry_path(key);
  const llvm::StringRef directory = llvm::sys::path::parent_path(path);
  if (llvm::sys::fs::create_directories(directory)) return;  // a cache that cannot be written only costs time
  llvm::SmallString<256> temporary;
  int fd = -1;
  if (llvm::sys::fs::createUniqueFile(directory + "/.entry-%%%%%%%%", fd, temporary)) return;
  {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << report_to_json(report);
    if (out.has_error()) {
      out.clear_error();
      llvm::sys::fs::remove(temporary);
      return;
    }
  }
  if (llvm::sys::fs::rename(temporary, path)) llvm::sys::fs::remove(temporary);
}

}  // namespace orm::tool
