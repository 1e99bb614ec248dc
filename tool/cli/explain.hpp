#pragma once
// The pages of docs/checks/, built into the binary for --explain.
#include <optional>
#include <string_view>

namespace orm::tool {

std::optional<std::string_view> check_documentation(std::string_view check);

}  // namespace orm::tool
