#include "tool/cli/run_program.hpp"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/raw_ostream.h>

namespace orm::tool {

llvm::Expected<std::string> run_program(const std::string& program, const std::vector<std::string>& arguments,
                                        const std::optional<std::string>& input, const std::string& missing,
                                        const std::string& failed) {
  auto path = llvm::sys::findProgramByName(program);
  if (!path) return llvm::createStringError(path.getError(), "%s", missing.c_str());
  // The streams go through temporary files: ExecuteAndWait redirects to files only.
  llvm::SmallString<128> in, out, err;
  for (auto* file : {&in, &out, &err})
    if (auto ec = llvm::sys::fs::createTemporaryFile("ormlint-" + program, "txt", *file))
      return llvm::createStringError(ec, "ormlint: cannot create a temporary file for %s", program.c_str());
  const auto remove_all = [&] {
    for (auto* file : {&in, &out, &err}) llvm::sys::fs::remove(*file);
  };
  if (input) {
    std::error_code ec;
    llvm::raw_fd_ostream stream(in, ec);
    if (ec) {
      remove_all();
      return llvm::createStringError(ec, "ormlint: cannot write %s", in.c_str());
    }
    stream << *input;
  }
  std::vector<llvm::StringRef> argv{*path};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  const std::optional<llvm::StringRef> redirects[] = {input ? std::optional<llvm::StringRef>(in) : std::nullopt,
                                                      llvm::StringRef(out), llvm::StringRef(err)};
  std::string failure;
  const int status = llvm::sys::ExecuteAndWait(*path, argv, std::nullopt, redirects, 0, 0, &failure);
  auto written = llvm::MemoryBuffer::getFile(out);
  auto said = llvm::MemoryBuffer::getFile(err);
  remove_all();
  if (status != 0 || !written) {
    std::string details = failure;
    if (said && !(*said)->getBuffer().trim().empty()) details += (details.empty() ? "" : ": ") + (*said)->getBuffer().trim().str();
    return llvm::createStringError(std::make_error_code(std::errc::io_error), "%s%s%s", failed.c_str(),
                                   details.empty() ? "" : ": ", details.c_str());
  }
  return (*written)->getBuffer().str();
}

}  // namespace orm::tool
