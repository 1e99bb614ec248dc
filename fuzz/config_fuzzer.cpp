// .ormlint.yaml parsing on arbitrary text: a config or an error naming the line, never a
// crash or a hang; and a config it reads, written back out (dump_config) and read again,
// is the same config.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "tool/cli/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const llvm::StringRef text(reinterpret_cast<const char*>(data), size);
  auto config = orm::tool::parse_config(text, ".ormlint.yaml");
  if (!config) {
    const std::string message = llvm::toString(config.takeError());
    if (message.find(".ormlint.yaml") == std::string::npos) std::abort();  // an error must name the file
    return 0;
  }
  const std::string dumped = orm::tool::dump_config(*config);
  auto again = orm::tool::parse_config(dumped, ".ormlint.yaml");
  if (!again) {
    std::fprintf(stderr, "the dumped config does not parse:\n%s\n%s\n", dumped.c_str(), llvm::toString(again.takeError()).c_str());
    std::abort();
  }
  if (again->checks != config->checks || again->warnings_as_errors != config->warnings_as_errors) {
    std::fprintf(stderr, "the dumped config reads back otherwise:\n%s\n", dumped.c_str());
    std::abort();
  }
  return 0;
}
