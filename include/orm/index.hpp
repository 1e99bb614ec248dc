#pragma once
// index("by_author").on("authorId") and unique_index("by_email").on("email").
#include <orm/name_list.hpp>
#include <orm/site.hpp>

namespace orm {

struct index_def {
  str name;
  site where;
  bool unique;
  name_list columns;
};

struct index_builder {
  str name{};
  site where{};
  bool unique = false;

  template <class... Names>
  constexpr index_def on(const Names&... names) const {
    return {name, where, unique, cols(names...)};
  }
  constexpr index_def on(const name_list& columns) const { return {name, where, unique, columns}; }
};

constexpr index_builder index(named name) { return {name.text, name.where, false}; }
constexpr index_builder unique_index(named name) { return {name.text, name.where, true}; }

}  // namespace orm
