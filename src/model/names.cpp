#include <orm/model/names.hpp>

#include <algorithm>
#include <unordered_map>

namespace orm::model {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

namespace {

// English singular of a table or column name, lowercased: "replies" -> "reply",
// "addresses" -> "address", "posts" -> "post". Table names are plurals more often than
// not, and a plural is the misspelling edit distance cannot see ("reply" is three edits
// from "replies").
std::string singular(std::string_view name) {
  std::string s;
  for (char c : name) s += lower(c);
  auto ends = [&](std::string_view tail) { return s.size() > tail.size() + 1 && s.ends_with(tail); };
  if (ends("ies")) return s.substr(0, s.size() - 3) + "y";
  if (ends("sses") || ends("xes") || ends("ches") || ends("shes") || ends("zes")) return s.substr(0, s.size() - 2);
  if (ends("s") && !ends("ss")) return s.substr(0, s.size() - 1);
  return s;
}

}  // namespace

std::string closest_name(std::string_view typo, const std::vector<std::string_view>& candidates) {
  // The same word in the other number is as close as a name gets.
  std::string_view other_number;
  int other_numbers = 0;
  for (std::string_view c : candidates)
    if (c != typo && singular(c) == singular(typo)) {
      other_number = c;
      ++other_numbers;
    }
  if (other_numbers == 1) return std::string(other_number);

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

class name_walk {
 public:
  explicit name_walk(const schema& s) : s_(s) {
    for (const table& t : s.tables) {
      tables_.emplace(t.name, &t);
      table_names_.push_back(t.name);
    }
  }

  std::vector<unknown_name> run() {
    for (const table& t : s_.tables) walk_table(t);
    for (const relation& r : s_.relations) walk_relation(r);
    return std::move(out_);
  }

 private:
  const table* find(std::string_view name) const {
    const auto it = tables_.find(name);
    return it == tables_.end() ? nullptr : it->second;
  }

  static std::vector<std::string_view> column_names(const table& t) {
    std::vector<std::string_view> out;
    for (const column& c : t.columns) out.push_back(c.name);
    return out;
  }

  void report(const source_site& site, const std::string& written, std::string what, std::string suggestion,
              const relation* r, bool literal = true) {
    what += suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?";
    out_.push_back({site, written, literal, std::move(what), std::move(suggestion), r});
  }

  // `element` names `name` as a column of `t` (in its role, for example "in 'from'").
  void expect_column(const table& t, const std::string& name, const std::string& element, const source_site& site,
                     const relation* r = nullptr) {
    if (t.find_column(name)) return;
    const auto names = column_names(t);
    report(site, name, element + " names column '" + name + "', which table '" + t.name + "' does not have (it has " +
                           listed(names) + ")",
           closest_name(name, names), r);
  }

  // Returns the table, or null after reporting it.
  const table* expect_table(const std::string& name, const std::string& element, const source_site& site,
                            const relation* r, bool literal) {
    if (const table* t = find(name)) return t;
    report(site, name, element + " names table '" + name + "', which is not in the schema's tables(...) (it has " +
                           listed(table_names_) + ")" + (literal ? "" : "; add it to tables(...)"),
           literal ? closest_name(name, table_names_) : std::string(), r, literal);
    return nullptr;
  }

  void expect_columns(const table& t, const condition& c, const std::string& element, const source_site& site,
                      const relation* r = nullptr) {
    for (const predicate_term& term : c)
      if (!term.column.empty()) expect_column(t, term.column, element, site, r);
  }

  void walk_table(const table& t) {
    const std::string self = "table '" + t.name + "'";
    for (const column& c : t.columns)
      if (!c.id_table.empty() && c.variants.empty())
        expect_table(c.id_table, "column '" + t.name + "." + c.name + "'", c.site, nullptr, true);
    for (const variant& v : t.variants)
      for (const variant_field& f : v.fields)
        if (!f.id_table.empty())
          expect_table(f.id_table, "field '" + f.name + "' of variant '" + v.name + "' of " + self, f.site, nullptr, true);
    for (const index& i : t.indexes)
      for (const std::string& c : i.columns) expect_column(t, c, "index '" + i.name + "' of " + self, i.site);
    for (const check& k : t.checks) expect_columns(t, k.predicate, "check '" + k.name + "' of " + self, k.site);
    for (const foreign_key& f : t.foreign_keys) {
      const std::string element = "a foreign key of " + self;
      for (const std::string& c : f.columns) expect_column(t, c, element, f.site);
      if (const table* target = expect_table(f.target_table, element, f.site, nullptr, true))
        for (const std::string& c : f.target_columns) expect_column(*target, c, element, f.site);
    }
  }

  void walk_relation(const relation& r) {
    const std::string element = "relation '" + r.source + "." + r.name + "'";
    const table* source = expect_table(r.source, element, r.site, &r, false);
    const table* target = expect_table(r.target, element, r.site, &r, false);
    if (source)
      for (const std::string& c : r.from) expect_column(*source, c, element + " in 'from'", r.site, &r);
    if (target) {
      for (const std::string& c : r.to) expect_column(*target, c, element + " in 'to'", r.site, &r);
      expect_columns(*target, r.where, element + " in 'where' (a filter on '" + r.target + "')", r.site, &r);
    }
    if (!r.through) return;
    if (const table* junction = expect_table(r.through->table, element + " in through()", r.site, &r, false)) {
      for (const std::string& c : r.through->from) expect_column(*junction, c, element + " in through()", r.site, &r);
      for (const std::string& c : r.through->to) expect_column(*junction, c, element + " in through()", r.site, &r);
    }
  }

  const schema& s_;
  std::unordered_map<std::string_view, const table*> tables_;
  std::vector<std::string_view> table_names_;
  std::vector<unknown_name> out_;
};

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
