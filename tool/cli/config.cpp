#include "tool/cli/config.hpp"

#include <llvm/Support/ConvertUTF.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/YAMLTraits.h>
#include <llvm/Support/raw_ostream.h>

namespace llvm::yaml {
template <>
struct MappingTraits<orm::tool::lint_config> {
  static void mapping(IO& io, orm::tool::lint_config& c) {
    io.mapOptional("Checks", c.checks);
    io.mapOptional("WarningsAsErrors", c.warnings_as_errors);
    io.mapOptional("ErrorsAsWarnings", c.errors_as_warnings);
    io.mapOptional("InheritParentConfig", c.inherit_parent_config);
  }
};
}  // namespace llvm::yaml

namespace orm::tool {

llvm::Expected<lint_config> parse_config(llvm::StringRef text, llvm::StringRef path) {
  // YAML is Unicode text; bytes that are not UTF-8 would be read as some other characters.
  const auto* begin = reinterpret_cast<const llvm::UTF8*>(text.begin());
  const llvm::UTF8* bad = begin;
  if (!llvm::isLegalUTF8String(&bad, reinterpret_cast<const llvm::UTF8*>(text.end()))) {
    const llvm::StringRef before = text.take_front(static_cast<std::size_t>(bad - begin));
    return llvm::createStringError(std::make_error_code(std::errc::illegal_byte_sequence),
                                   "%s:%zu: ormlint: .ormlint.yaml is not UTF-8 text (a byte at offset %zu); save it as UTF-8",
                                   path.str().c_str(), before.count('\n') + 1, before.size());
  }
  lint_config config;
  config.path = path.str();
  // Each problem as a compiler would say it: file:line:column: message.
  struct sink_t {
    std::string path, text;
  } sink{path.str(), {}};
  llvm::yaml::Input input(text, nullptr, [](const llvm::SMDiagnostic& d, void* context) {
    auto& s = *static_cast<sink_t*>(context);
    s.text += s.path + ":" + std::to_string(d.getLineNo()) + ":" + std::to_string(d.getColumnNo() + 1) + ": " +
              d.getMessage().str() + "\n";
  }, &sink);
  input >> config;
  if (input.error())
    return llvm::createStringError(input.error(),
                                   "%sormlint: .ormlint.yaml accepts the keys Checks, WarningsAsErrors, ErrorsAsWarnings "
                                   "and InheritParentConfig (no orm check has options, so there is no CheckOptions)",
                                   sink.text.c_str());
  return config;
}

std::string dump_config(const lint_config& config) {
  std::string text;
  llvm::raw_string_ostream out(text);
  llvm::yaml::Output yaml(out);
  lint_config copy = config;  // Output takes a mutable value
  yaml << copy;
  out.flush();
  return text;
}

namespace {

// A parent's glob list with the child's after it: the child's word is the last.
std::optional<std::string> merged(const std::optional<std::string>& parent, const std::optional<std::string>& child) {
  if (!parent) return child;
  if (!child) return parent;
  return *parent + "," + *child;
}

}  // namespace

llvm::Expected<std::optional<lint_config>> find_config(llvm::StringRef directory) {
  llvm::SmallString<256> dir(directory);
  llvm::sys::fs::make_absolute(dir);
  std::optional<lint_config> found;  // the nearest file, merged with the parents it inherits
  for (llvm::StringRef d = dir; !d.empty(); d = llvm::sys::path::parent_path(d)) {
    llvm::SmallString<256> candidate(d);
    llvm::sys::path::append(candidate, ".ormlint.yaml");
    if (!llvm::sys::fs::exists(candidate)) continue;
    auto buffer = llvm::MemoryBuffer::getFile(candidate);
    if (!buffer) return llvm::createStringError(buffer.getError(), "cannot read %s", candidate.c_str());
    auto config = parse_config((*buffer)->getBuffer(), candidate);
    if (!config) return config.takeError();
    if (!found) {
      found = std::move(*config);
    } else {
      found->checks = merged(config->checks, found->checks);
      found->warnings_as_errors = merged(config->warnings_as_errors, found->warnings_as_errors);
      found->errors_as_warnings = merged(config->errors_as_warnings, found->errors_as_warnings);
      found->inherit_parent_config = config->inherit_parent_config;
    }
    if (!found->inherit_parent_config.value_or(false)) break;
  }
  if (found) found->inherit_parent_config.reset();  // merged: nothing left to inherit
  return found;
}

}  // namespace orm::tool
