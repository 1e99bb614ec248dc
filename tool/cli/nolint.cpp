#include "tool/cli/nolint.hpp"

#include <cctype>
#include <vector>

#include "tool/cli/check_globs.hpp"

namespace orm::tool {

namespace {

// Whether `text` holds the marker `kind` (NOLINT, NOLINTNEXTLINE, ...) covering `check`.
bool marker_covers(std::string_view text, std::string_view kind, std::string_view check) {
  for (std::size_t at = text.find(kind); at != std::string_view::npos; at = text.find(kind, at + 1)) {
    std::string_view rest = text.substr(at + kind.size());
    // NOLINT must not match the front of NOLINTNEXTLINE / NOLINTBEGIN / NOLINTEND.
    if (!rest.empty() && (std::isalnum(static_cast<unsigned char>(rest.front())) || rest.front() == '_')) continue;
    if (rest.empty() || rest.front() != '(') return true;
    const std::size_t close = rest.find(')');
    if (close == std::string_view::npos) return true;
    if (check_globs(rest.substr(1, close - 1)).matches(check)) return true;
  }
  return false;
}

std::vector<std::string_view> lines_of(std::string_view source) {
  std::vector<std::string_view> lines;
  while (true) {
    const std::size_t nl = source.find('\n');
    lines.push_back(source.substr(0, nl));
    if (nl == std::string_view::npos) break;
    source.remove_prefix(nl + 1);
  }
  return lines;
}

}  // namespace

bool suppressed_by_nolint(std::string_view source, unsigned line, std::string_view check) {
  const std::vector<std::string_view> lines = lines_of(source);
  if (line == 0 || line > lines.size()) return false;
  if (marker_covers(lines[line - 1], "NOLINT", check)) return true;
  if (line >= 2 && marker_covers(lines[line - 2], "NOLINTNEXTLINE", check)) return true;
  int open = 0;
  for (unsigned i = 0; i + 1 < line; ++i) {
    if (marker_covers(lines[i], "NOLINTBEGIN", check)) ++open;
    if (marker_covers(lines[i], "NOLINTEND", check) && open > 0) --open;
  }
  return open > 0;
}

}  // namespace orm::tool
