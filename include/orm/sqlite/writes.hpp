#pragma once
// INSERT / UPDATE / DELETE statements with bound parameters, and the seed's rules for
// writing discriminated rows: the active variant's required fields present, the other
// variants' fields absent.
#include <algorithm>
#include <string>
#include <vector>

#include <simdjson.h>

#include <orm/model/schema_model.hpp>
#include <orm/sqlite/condition.hpp>
#include <orm/sqlite/sql_text.hpp>

namespace orm::sqlite::writes {

struct statement_text {
  std::string sql;
  std::vector<param> params;
};

inline const param* field_value(const fields& row, const std::string& name) {
  for (const auto& [k, v] : row)
    if (k == name) return &v;
  return nullptr;
}

inline void check_columns(const model::table& t, const fields& row) {
  for (const auto& [name, v] : row) {
    const model::column* c = t.find_column(name);
    if (!c) continue;  // unknown names are the planner's (model::plan_write), checked before
    if (c->implicit && !v.is_null() && v.type() != param::kind::integer)
      throw schema_error("'" + t.name + ".id' is an integer key");
    // Reads return rows as JSON, which holds text only as UTF-8.
    if (v.type() == param::kind::text && !simdjson::validate_utf8(v.text().data(), v.text().size()))
      throw schema_error("'" + t.name + "." + name + "' is text, and the value is not UTF-8; store bytes in a bytes() column");
  }
}

// For each discriminator the row sets, the variant it names must exist, its required
// fields must be set, and no field of another variant may be.
inline void check_variants(const model::table& t, const fields& row, bool whole_row) {
  for (const auto& d : t.discriminators) {
    const param* chosen = field_value(row, d.column);
    std::vector<std::string> names;
    for (int v : d.variants) names.push_back(t.variants[static_cast<std::size_t>(v)].name);
    const auto listed = [&] {
      std::string out;
      for (const auto& n : names) out += (out.empty() ? "'" : ", '") + n + "'";
      return out;
    };
    if (!chosen) {
      if (whole_row) throw discriminator_write_error("a row of '" + t.name + "' needs '" + d.column + "', one of " + listed());
      for (const auto& [name, v] : row) {
        const model::column* c = t.find_column(name);
        if (c && !c->variants.empty())
          throw discriminator_write_error("setting '" + t.name + "." + name + "', a field of a variant, needs '" + d.column +
                                          "' in the same update, so that the variant's rules can be checked");
      }
      continue;
    }
    const auto it = std::find(names.begin(), names.end(), chosen->text());
    if (chosen->type() != param::kind::text || it == names.end())
      throw discriminator_write_error("'" + t.name + "." + d.column + "' must be one of " + listed());
    const int active = d.variants[static_cast<std::size_t>(it - names.begin())];
    for (const auto& f : t.variants[static_cast<std::size_t>(active)].fields) {
      const param* v = field_value(row, f.name);
      if (f.required && (!v || v->is_null()))
        throw discriminator_write_error("variant '" + *it + "' of '" + t.name + "' requires '" + f.name + "'");
    }
    for (const auto& [name, v] : row) {
      const model::column* c = t.find_column(name);
      if (!c || c->variants.empty() || v.is_null()) continue;
      if (std::find(c->variants.begin(), c->variants.end(), active) == c->variants.end())
        throw discriminator_write_error("'" + name + "' is not a field of variant '" + *it + "' of '" + t.name +
                                        "'; leave it out");
    }
  }
}

inline statement_text insert(const model::table& t, const fields& row) {
  check_columns(t, row);
  check_variants(t, row, /*whole_row=*/true);
  statement_text out{"INSERT INTO " + sql::identifier(t.name), {}};
  if (row.empty()) {
    out.sql += " DEFAULT VALUES";
    return out;
  }
  std::string columns, marks;
  for (const auto& [name, v] : row) {
    columns += (columns.empty() ? "" : ", ") + sql::identifier(name);
    marks += marks.empty() ? "?" : ", ?";
    out.params.push_back(v);
  }
  out.sql += " (" + columns + ") VALUES (" + marks + ")";
  return out;
}

// A row that changes its variant has the old variant's fields cleared.
inline statement_text update(const model::table& t, const fields& changes, const condition& where) {
  if (changes.empty()) throw schema_error("an update of '" + t.name + "' needs at least one column to set");
  check_columns(t, changes);
  check_variants(t, changes, /*whole_row=*/false);
  fields all = changes;
  for (const auto& d : t.discriminators)
    if (field_value(changes, d.column))
      for (const auto& c : t.columns)
        if (!c.variants.empty() && !field_value(all, c.name)) all.emplace_back(c.name, param());
  statement_text out{"UPDATE " + sql::identifier(t.name) + " SET ", {}};
  for (std::size_t i = 0; i < all.size(); ++i) {
    out.sql += (i ? ", " : "") + sql::identifier(all[i].first) + " = ?";
    out.params.push_back(all[i].second);
  }
  out.sql += " WHERE " + sql::render(where, t, sql::identifier(t.name), &out.params);
  return out;
}

inline statement_text remove(const model::table& t, const condition& where) {
  statement_text out{"DELETE FROM " + sql::identifier(t.name) + " WHERE ", {}};
  out.sql += sql::render(where, t, sql::identifier(t.name), &out.params);
  return out;
}

}  // namespace orm::sqlite::writes
