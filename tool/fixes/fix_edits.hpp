#pragma once
// Turns a finding's fix intents into source edits on the calls the user wrote. A fix
// that cannot be placed exactly yields no edits at all: half a fix is worse than none.
#include <optional>
#include <vector>

#include <clang/Basic/Diagnostic.h>

#include "checks/finding.hpp"

namespace clang {
class ASTContext;
}

namespace orm::tool {

class call_index;
class site_locator;

std::optional<std::vector<clang::FixItHint>> plan_edits(const std::vector<checks::fix>& fixes,
                                                        clang::ASTContext& context, const call_index& calls,
                                                        const site_locator& locate);

}  // namespace orm::tool
