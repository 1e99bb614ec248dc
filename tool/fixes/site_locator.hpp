#pragma once
// Maps a site recorded by the DSL (file, line, column) to a location in the
// translation unit, so that findings and fixes point where the user wrote the element.
#include <clang/Basic/SourceLocation.h>

#include <orm/model/schema_model.hpp>

namespace clang {
class SourceManager;
}

namespace orm::tool {

class site_locator {
 public:
  explicit site_locator(clang::SourceManager& sm) : sm_(sm) {}
  // Invalid when the file is not part of this translation unit.
  clang::SourceLocation operator()(const model::source_site& site) const;

 private:
  clang::SourceManager& sm_;
};

}  // namespace orm::tool
