#include "tool/cli/config.hpp"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/YAMLTraits.h>

namespace llvm::yaml {
template <>
struct MappingTraits<orm::tool::lint_config> {
  static void mapping(IO& io, orm::tool::lint_config& c) {
    io.mapOptional("Checks", c.checks);
    io.mapOptional("WarningsAsErrors", c.warnings_as_errors);
  }
};
}  // namespace llvm::yaml

namespace orm::tool {

llvm::Expected<lint_config> parse_config(llvm::StringRef text, llvm::StringRef path) {
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
                                   "%sormlint: .ormlint.yaml accepts the keys Checks and WarningsAsErrors (no orm check "
                                   "has options, so there is no CheckOptions)",
                                   sink.text.c_str());
  return config;
}

llvm::Expected<std::optional<lint_config>> find_config(llvm::StringRef directory) {
  llvm::SmallString<256> dir(directory);
  llvm::sys::fs::make_absolute(dir);
  for (llvm::StringRef d = dir; !d.empty(); d = llvm::sys::path::parent_path(d)) {
    llvm::SmallString<256> candidate(d);
    llvm::sys::path::append(candidate, ".ormlint.yaml");
    if (!llvm::sys::fs::exists(candidate)) continue;
    auto buffer = llvm::MemoryBuffer::getFile(candidate);
    if (!buffer) return llvm::createStringError(buffer.getError(), "cannot read %s", candidate.c_str());
    auto config = parse_config((*buffer)->getBuffer(), candidate);
    if (!config) return config.takeError();
    return std::optional<lint_config>(std::move(*config));
  }
  return std::optional<lint_config>();
}

}  // namespace orm::tool
