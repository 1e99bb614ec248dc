#include <orm/model/names.hpp>

namespace orm::model {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string closest_name(std::string_view typo, const std::vector<std::string_view>& candidates) {
  const std::size_t allowed = std::min((typo.size() + 2) / 3, typo.size() > 0 ? typo.size() - 1 : 0);
  std::size_t best = allowed + 1;
  std::string_view found;
  bool tie = false;
  const std::size_t n = typo.size();
  std::vector<std::size_t> before(n + 1), previous(n + 1), row(n + 1);
  for (std::string_view c : candidates) {
    const std::size_t gap = c.size() > n ? c.size() - n : n - c.size();
    if (gap > allowed || c == typo) continue;
    for (std::size_t j = 0; j <= n; ++j) row[j] = j;
    for (std::size_t i = 1; i <= c.size(); ++i) {
      before.swap(previous);
      previous.swap(row);  // previous: row i-1, before: row i-2
      row[0] = i;
      for (std::size_t j = 1; j <= n; ++j) {
        const bool same = lower(c[i - 1]) == lower(typo[j - 1]);
        row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
        if (i > 1 && j > 1 && lower(c[i - 1]) == lower(typo[j - 2]) && lower(c[i - 2]) == lower(typo[j - 1]))
          row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    const std::size_t distance = row[n];
    if (distance < best) {
      best = distance;
      found = c;
      tie = false;
    } else if (distance == best) {
      tie = true;
    }
  }
  return best <= allowed && !tie ? std::string(found) : std::string();
}

}  // namespace orm::model

namespace orm::model::detail {

std::string listed(const std::vector<std::string_view>& names) {
  constexpr std::size_t shown = 12;
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? ", " : "") + std::string(names[i]);
  if (names.size() > shown) out += ", ... (" + std::to_string(names.size()) + " in all)";
  return out;
}

}  // namespace orm::model::detail

namespace orm::model {

std::vector<unknown_name> unknown_names(const schema& s) { return detail::name_walk(s).run(); }

std::unordered_set<const relation*> relations_with_unknown_names(const std::vector<unknown_name>& names) {
  std::unordered_set<const relation*> out;
  for (const unknown_name& n : names)
    if (n.in_relation) out.insert(n.in_relation);
  return out;
}

}  // namespace orm::model
