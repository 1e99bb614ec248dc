// .ormlint.yaml parsing on arbitrary text: a config or an error naming the line, never a
// crash or a hang.
#include <cstdint>
#include <cstdlib>

#include "tool/cli/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const llvm::StringRef text(reinterpret_cast<const char*>(data), size);
  auto config = orm::tool::parse_config(text, ".ormlint.yaml");
  if (!config) {
    const std::string message = llvm::toString(config.takeError());
    if (message.find(".ormlint.yaml") == std::string::npos) std::abort();  // an error must name the file
  }
  return 0;
}
