#pragma once
// Whether every table and column a schema names exists. One walk, read by ormlint's
// orm-unknown-reference check and by the runtime's migrate, so that both refuse the
// same schemas with the same words. Linear in the schema's size: tables and columns
// are looked up through hash maps built once.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <orm/model/schema_model.hpp>

namespace orm::model {

char lower(char c);

// The candidate closest to `typo` by edit distance (a swap of two neighbouring letters
// counts as one edit, a slip of case as none), when it is close enough to be a likely
// misspelling (clang's typo correction allows about a third of the length), shares at
// least one letter's worth with it, and no other candidate is as close. Empty otherwise.
std::string closest_name(std::string_view typo, const std::vector<std::string_view>& candidates);

// A name in the schema that points at nothing.
struct unknown_name {
  source_site site;         // the element that names it (relation, index, column, ...)
  std::string written;      // the name as written: "authorIdd"
  bool is_literal = true;   // written as a string literal (a table object is not)
  std::string message;      // lowercase, names the element and says what exists
  std::string suggestion;   // the one close name, when there is one
  const relation* in_relation = nullptr;  // set when a relation names it
};

namespace detail {

std::string listed(const std::vector<std::string_view>& names);

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

}  // namespace detail

std::vector<unknown_name> unknown_names(const schema& s);

// The relations that name something that does not exist: nothing else is decided about
// them (no index, inverse or bound is looked for) until the name is fixed.
std::unordered_set<const relation*> relations_with_unknown_names(const std::vector<unknown_name>& names);

}  // namespace orm::model
