#include "checks/missing_relation_index.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <orm/model/rules.hpp>

namespace orm::checks {

namespace {

bool all_exist(const model::table& table, const std::vector<std::string>& columns) {
  return std::all_of(columns.begin(), columns.end(), [&](const std::string& c) { return table.find_column(c); });
}

std::string free_index_name(const model::table& table, const std::vector<std::string>& columns) {
  const std::string base = fmt::format("by_{}", fmt::join(columns, "_"));
  auto taken = [&](const std::string& name) {
    return std::any_of(table.indexes.begin(), table.indexes.end(), [&](const model::index& i) { return i.name == name; });
  };
  std::string name = base;
  for (int n = 2; taken(name); ++n) name = fmt::format("{}_{}", base, n);
  return name;
}

void require_index(const schema_index& schema, const model::relation& r, const model::table& table,
                   const std::vector<std::string>& columns, const char* role, findings& out) {
  if (columns.empty() || !all_exist(table, columns) || model::lookup_served(table, columns)) return;
  const std::string name = free_index_name(table, columns);
  const std::string on = fmt::format("\"{}\"", fmt::join(columns, "\", \""));
  finding f = make_finding("orm-missing-relation-index",
                           schema.schema().settings.strict ? severity::error : severity::warning, r.site, fmt::format("relation '{}' loads {}'{}' rows by {}, which no index of '{}' serves; add "
                          "index(\"{}\").on({}) to '{}'",
                          qualified(r), role, table.name, column_tuple(columns), table.name, name, on, table.name));
  f.notes.push_back({table.site, fmt::format("table '{}' is defined here", table.name)});
  f.fixes.push_back(add_index{table.name, table.site, name, columns});
  out.push_back(std::move(f));
}

}  // namespace

void missing_relation_index(const schema_index& schema, findings& out) {
  for (const model::relation& r : schema.schema().relations) {
    if (!r.is_resolved()) continue;  // orm-missing-inverse reports it
    for (const model::lookup& l : model::lookups_of(r))
      if (const model::table* table = schema.table(l.table))
        require_index(schema, r, *table, l.columns, l.junction ? "junction " : "", out);
  }
}

}  // namespace orm::checks
