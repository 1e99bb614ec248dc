#include "tool/fixes/site_locator.hpp"

#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>

namespace orm::tool {

clang::SourceLocation site_locator::operator()(const model::source_site& site) const {
  if (site.file.empty() || site.line == 0) return {};
  const auto file = sm_.getFileManager().getOptionalFileRef(site.file);
  if (!file) return {};
  return sm_.translateFileLineCol(*file, site.line, site.column == 0 ? 1 : site.column);
}

}  // namespace orm::tool
