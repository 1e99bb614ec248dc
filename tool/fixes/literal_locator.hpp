#pragma once
// Finds the string literal a finding is about ("authorIdd" in `.from = "authorIdd"`),
// from the site of the element that names it: the DSL records one site per element,
// not one per string, so the literal is found by lexing forward from that site through
// the element's call and the member calls chained onto it (`.on(...)`, `.through(...)`).
#include <string_view>

#include <clang/Basic/SourceLocation.h>

namespace clang {
class LangOptions;
class SourceManager;
}  // namespace clang

namespace orm::tool {

// The token range of the first string literal spelling `text` at or after `element`,
// before the element's expression ends; invalid when there is none. With `skip_own`,
// the element's own name literal (the token at `element`) is passed over.
clang::CharSourceRange find_literal(clang::SourceLocation element, std::string_view text, const clang::SourceManager& sm,
                                    const clang::LangOptions& lang, bool skip_own = true);

}  // namespace orm::tool
