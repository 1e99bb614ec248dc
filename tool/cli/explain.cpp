#include "tool/cli/explain.hpp"

#include <utility>

namespace orm::tool {

namespace {
// Generated from docs/checks/*.md by cmake/embed_check_docs.cmake: {"orm-<name>", R"(...)"}.
constexpr std::pair<std::string_view, std::string_view> pages[] = {
#include "check_docs.inc"
};
}  // namespace

std::optional<std::string_view> check_documentation(std::string_view check) {
  for (const auto& [id, text] : pages)
    if (id == check) return text;
  return std::nullopt;
}

}  // namespace orm::tool
