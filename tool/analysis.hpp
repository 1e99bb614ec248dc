#pragma once
// One translation unit's findings, located in its source and with fix-its attached.
// Every front end (the ormlint CLI, the clang-tidy module, ormlint-clangd) reports what
// this returns, each in its own way.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceLocation.h>

#include "checks/finding.hpp"
#include "tool/extract/schema_finder.hpp"
#include "tool/graph/schema_graph.hpp"

namespace clang {
class ASTContext;
class SourceManager;
}

namespace orm::tool {

struct located_note {
  clang::SourceLocation location;
  std::string message;
};

struct located_finding {
  checks::finding finding;
  clang::SourceLocation location;  // the element's site, or the schema variable when that is elsewhere
  std::vector<located_note> notes;
  std::vector<clang::FixItHint> fixes;  // empty when the fix cannot be placed exactly
  // When another finding of the unit carries this one's fix (one edit serves both, and
  // front ends that apply every fix-it must not apply it twice): that finding's place.
  clang::SourceLocation fix_carried_by;
};

struct unit_analysis {
  std::vector<located_finding> findings;
  std::vector<unreadable_schema> unreadable;
  std::vector<std::string> graphs;  // one per readable schema, when a graph was asked for
};

using check_filter = std::function<bool(std::string_view check)>;

// `headers`: files whose schemas are read although they lie outside the AST's traversal
// scope (in clangd, the user's headers the open file includes).
// `graph`: also draw each schema with its findings (tool/graph/schema_graph.hpp).
// The file of `loc` as an absolute path without `.` and `..`: how every front end names
// the file of a finding.
std::string absolute_file(const clang::SourceManager& sm, clang::SourceLocation loc);

// Whether every fix-it edits the line of `loc` (in its file): Clang shows those with the
// finding; an edit elsewhere (the index goes into the table, not the relation) each front
// end shows at the edit instead.
bool fixes_on_finding_line(const clang::SourceManager& sm, clang::SourceLocation loc,
                           const std::vector<clang::FixItHint>& fixes);

unit_analysis analyze_unit(clang::ASTContext& context, const check_filter& enabled,
                           const std::vector<clang::FileEntryRef>& headers = {},
                           std::optional<graph_format> graph = std::nullopt);

}  // namespace orm::tool
