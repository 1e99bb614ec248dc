#include "tool/cli/check_globs.hpp"

#include <algorithm>

namespace orm::tool {

namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  // Iterative wildcard match with backtracking to the last '*'.
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

check_globs::check_globs(std::string_view list) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    std::string_view item = trim(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    if (item.empty()) continue;
    const bool positive = item.front() != '-';
    if (!positive) item = trim(item.substr(1));
    globs_.push_back({positive, std::string(item)});
  }
}

bool check_globs::matches(std::string_view check) const {
  bool result = false;
  for (const glob& g : globs_)
    if (glob_match(g.pattern, check)) result = g.positive;
  return result;
}

std::vector<std::string> check_globs::unmatched(const std::vector<std::string_view>& ids) const {
  std::vector<std::string> out;
  for (const glob& g : globs_)
    if (g.positive && std::string_view(g.pattern).starts_with("orm") &&
        std::none_of(ids.begin(), ids.end(), [&](std::string_view id) { return glob_match(g.pattern, id); }))
      out.push_back(g.pattern);
  return out;
}

}  // namespace orm::tool
