#pragma once
// clang-tidy's check list syntax: "-*,orm-missing-*": comma-separated globs, a leading
// '-' removes, and the last glob that matches a check decides.
#include <string>
#include <string_view>
#include <vector>

namespace orm::tool {

class check_globs {
 public:
  explicit check_globs(std::string_view list);
  bool matches(std::string_view check) const;
  // The globs that add checks of this tool ("orm..."), yet match none of `ids`: a typo
  // ("orm-unbound-many") would otherwise enable nothing, in silence. Globs naming other
  // tools' checks (a list shared with .clang-tidy) are left alone.
  std::vector<std::string> unmatched(const std::vector<std::string_view>& ids) const;

 private:
  struct glob {
    bool positive;
    std::string pattern;
  };
  std::vector<glob> globs_;
};

// '*' matches any run of characters.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace orm::tool
