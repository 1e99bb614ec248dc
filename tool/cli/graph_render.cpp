#include "tool/cli/graph_render.hpp"

#include <optional>

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/raw_ostream.h>

namespace orm::tool {

llvm::Expected<std::string> render_svg(const std::string& dot_text) {
  auto dot = llvm::sys::findProgramByName("dot");
  if (!dot)
    return llvm::createStringError(dot.getError(), "ormlint: --schema-graph=svg needs Graphviz's dot on the PATH "
                                   "(Debian: apt install graphviz); --schema-graph=dot writes the graph for it");
  llvm::SmallString<128> input, output, errors;
  for (auto* path : {&input, &output, &errors})
    if (auto ec = llvm::sys::fs::createTemporaryFile("ormlint-graph", "txt", *path))
      return llvm::createStringError(ec, "ormlint: cannot create a temporary file for dot");
  {
    std::error_code ec;
    llvm::raw_fd_ostream out(input, ec);
    if (ec) return llvm::createStringError(ec, "ormlint: cannot write %s", input.c_str());
    out << dot_text;
  }
  const std::optional<llvm::StringRef> redirects[] = {llvm::StringRef(input), llvm::StringRef(output), llvm::StringRef(errors)};
  std::string failure;
  const int status = llvm::sys::ExecuteAndWait(*dot, {*dot, "-Tsvg"}, std::nullopt, redirects, 0, 0, &failure);
  auto svg = llvm::MemoryBuffer::getFile(output);
  auto said = llvm::MemoryBuffer::getFile(errors);
  for (auto* path : {&input, &output, &errors}) llvm::sys::fs::remove(*path);
  if (status != 0 || !svg)
    return llvm::createStringError(std::make_error_code(std::errc::io_error), "ormlint: dot -Tsvg failed: %s%s",
                                   failure.c_str(), said ? (*said)->getBuffer().str().c_str() : "");
  return (*svg)->getBuffer().str();
}

}  // namespace orm::tool
