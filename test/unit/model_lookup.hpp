#pragma once
// Lookups that fail the test, instead of crashing it, when the model lacks an element.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>

namespace orm::testing {

inline const model::table& table_named(const model::schema& s, std::string_view name) {
  const model::table* t = s.find_table(name);
  if (!t) throw std::runtime_error("no table " + std::string(name));
  return *t;
}

inline const model::column& column_named(const model::table& t, std::string_view name) {
  const model::column* c = t.find_column(name);
  if (!c) throw std::runtime_error("no column " + std::string(name) + " in " + t.name);
  return *c;
}

inline const model::relation& relation_named(const model::schema& s, std::string_view table, std::string_view name) {
  const auto found = s.relations_named(table, name);
  if (found.size() != 1) throw std::runtime_error("no single relation " + std::string(table) + "." + std::string(name));
  return s.relations[static_cast<std::size_t>(found.front())];
}

inline std::vector<std::string> column_names(const model::table& t) {
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  return names;
}

inline std::vector<std::string> index_names(const model::table& t) {
  std::vector<std::string> names;
  for (const auto& i : t.indexes) names.push_back(i.name);
  return names;
}

using names = std::vector<std::string>;

}  // namespace orm::testing
