#pragma once
// clang-tidy's suppression comments, for the ormlint CLI (clang-tidy and clangd apply
// their own): NOLINT and NOLINTNEXTLINE, bare or with a check list, and
// NOLINTBEGIN/NOLINTEND regions.
#include <string_view>

namespace orm::tool {

// Whether a finding of `check` on 1-based `line` of `source` is suppressed.
bool suppressed_by_nolint(std::string_view source, unsigned line, std::string_view check);

}  // namespace orm::tool
