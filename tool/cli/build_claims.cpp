#include "tool/cli/build_claims.hpp"
#include "tool/cli/inputs.hpp"

#include <map>

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

namespace orm::tool {

namespace {

std::string claim_path(const std::string& directory, const reported_finding& f) {
  llvm::SmallString<256> path(directory);
  llvm::sys::path::append(path, hex_hash(f.key()));
  return std::string(path);
}

// The unit whose step reports the finding: this one when it is the first to claim it (the
// claim is made with O_EXCL, so two steps at once cannot both win), else the claimant.
std::string owner_of(const std::string& claim, const std::string& unit) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    int fd = -1;
    if (!llvm::sys::fs::openFileForWrite(claim, fd, llvm::sys::fs::CD_CreateNew)) {
      llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
      out << unit;
      return unit;
    }
    auto held = llvm::MemoryBuffer::getFile(claim);
    if (!held) return unit;  // unreadable: report it here rather than nowhere
    const std::string owner = (*held)->getBuffer().str();
    // A claim being written (empty for an instant) or left by a unit that is gone.
    if (owner.empty() || owner == unit) return unit;
    if (llvm::sys::fs::exists(owner)) return owner;
    llvm::sys::fs::remove(claim);
  }
  return unit;
}

}  // namespace

finding_list claim_header_findings(const finding_list& findings, const std::string& unit, const std::string& directory,
                                   llvm::raw_ostream& log) {
  if (llvm::sys::fs::create_directories(directory)) return findings;  // no shared place: print them all
  finding_list shown;
  struct left_out {
    std::size_t errors = 0, warnings = 0;
  };
  std::map<std::pair<std::string, std::string>, left_out> elsewhere;  // (header, owner) -> counts
  for (const reported_finding* f : findings) {
    const std::string owner = f->file == unit ? unit : owner_of(claim_path(directory, *f), unit);
    if (owner == unit) {
      shown.push_back(f);
      continue;
    }
    left_out& counts = elsewhere[{f->file, owner}];
    ++(f->level == checks::severity::error ? counts.errors : counts.warnings);
  }
  for (const auto& [where, counts] : elsewhere)
    log << llvm::formatv("ormlint: {0}: {1} error{2}, {3} warning{4} of this header are shown with the findings of {5}\n",
                         where.first, counts.errors, counts.errors == 1 ? "" : "s", counts.warnings,
                         counts.warnings == 1 ? "" : "s", where.second);
  return shown;
}

}  // namespace orm::tool
