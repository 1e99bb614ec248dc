#include "tool/extract/orm_headers.hpp"

#include <map>
#include <mutex>

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace orm::tool {

bool is_orm_header(const std::string& path) {
  // Cheap first: no component named orm, no orm header.
  if (path.find("/orm/") == std::string::npos) return false;
  static std::mutex mutex;
  static std::map<std::string, bool, std::less<>> roots;  // an `orm` directory -> holds orm.hpp
  for (llvm::StringRef dir = llvm::sys::path::parent_path(path); !dir.empty(); dir = llvm::sys::path::parent_path(dir)) {
    if (llvm::sys::path::filename(dir) != "orm") continue;
    std::lock_guard lock(mutex);
    auto found = roots.find(dir);
    if (found == roots.end()) {
      llvm::SmallString<256> marker(dir);
      llvm::sys::path::append(marker, "orm.hpp");
      found = roots.emplace(dir.str(), llvm::sys::fs::exists(marker)).first;
    }
    if (found->second) return true;
  }
  return false;
}

}  // namespace orm::tool
