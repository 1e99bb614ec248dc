#include "tool/fixes/literal_locator.hpp"

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

namespace orm::tool {

namespace {
// A bound on the tokens read: an element's call is short, and a bad site must not make
// the search read the rest of a large header.
constexpr int max_tokens = 4096;

bool spells(const clang::Token& t, std::string_view text, const clang::SourceManager& sm) {
  if (!t.is(clang::tok::string_literal)) return false;
  const char* start = sm.getCharacterData(t.getLocation());
  const std::string_view spelled(start, t.getLength());
  return spelled.size() == text.size() + 2 && spelled.substr(1, text.size()) == text;
}
}  // namespace

clang::CharSourceRange find_literal(clang::SourceLocation element, std::string_view text, const clang::SourceManager& sm,
                                    const clang::LangOptions& lang, bool skip_own) {
  if (element.isInvalid() || text.empty()) return {};
  const clang::SourceLocation start = sm.getFileLoc(element);
  const auto [file, offset] = sm.getDecomposedLoc(start);
  bool invalid = false;
  const llvm::StringRef buffer = sm.getBufferData(file, &invalid);
  if (invalid || offset > buffer.size()) return {};
  clang::Lexer lexer(sm.getLocForStartOfFile(file), lang, buffer.begin(), buffer.begin() + offset, buffer.end());
  int depth = 0;  // parentheses and braces opened since the element's site
  clang::Token t;
  for (int n = 0; n < max_tokens && !lexer.LexFromRawLexer(t) && !t.is(clang::tok::eof); ++n) {
    const bool own_name = skip_own && n == 0 && t.getLocation() == start;  // the element's own name literal
    if (!own_name && spells(t, text, sm)) return clang::CharSourceRange::getCharRange(t.getLocation(), t.getEndLoc());
    if (t.isOneOf(clang::tok::l_paren, clang::tok::l_brace, clang::tok::l_square)) ++depth;
    if (t.isOneOf(clang::tok::r_paren, clang::tok::r_brace, clang::tok::r_square) && --depth < 0) {
      // The element's call ended; go on only into a member call chained onto it.
      clang::Token dot, name;
      if (lexer.LexFromRawLexer(dot) || !dot.is(clang::tok::period)) return {};
      if (lexer.LexFromRawLexer(name) || !name.is(clang::tok::raw_identifier)) return {};
      depth = -1;
    }
    if (t.is(clang::tok::semi) && depth <= 0) return {};
  }
  return {};
}

}  // namespace orm::tool
