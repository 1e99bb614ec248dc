#pragma once
// define_relations_part("user_relations", many(...), one(...)): a piece of the
// relation graph written in one module and merged into a schema with .relations().
// The seed's table list is not needed: each relation names its tables itself.
#include <cstddef>

#include <orm/detail/pack.hpp>
#include <orm/relation.hpp>

namespace orm {

template <std::size_t N>
struct relations_part {
  str name{};
  site where{};
  relation_def relations[N == 0 ? 1 : N]{};
};

template <class... Relations>
constexpr auto define_relations_part(named name, const Relations&... relations) {
  relations_part<sizeof...(Relations)> part;
  part.name = name.text;
  part.where = name.where;
  std::size_t i = 0;
  auto add = [&](relation_def r) {
    r.part = name.text;
    part.relations[i++] = r;
  };
  detail::for_each_arg(add, relations...);
  return part;
}

}  // namespace orm
