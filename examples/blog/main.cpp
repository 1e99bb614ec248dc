// Prints the blog schema as the runtime and ormlint see it: every table with its
// columns, and every relation with the columns it joins on.
#include <cstdio>

#include "schema.hpp"

int main() {
  const orm::model::schema model = orm::model::build(blog::schema);
  for (const auto& table : model.tables) {
    std::printf("%s\n", table.name.c_str());
    for (const auto& column : table.columns)
      std::printf("  %-14s%s%s\n", column.name.c_str(), column.nullable_in_storage() ? "" : " not null",
                  column.variants.empty() ? "" : " (variant field)");
  }
  for (const auto& r : model.relations) {
    std::printf("%s.%s -> %s:", r.source.c_str(), r.name.c_str(), r.target.c_str());
    for (std::size_t i = 0; i < r.resolved_from.size(); ++i)
      std::printf(" %s=%s", r.resolved_from[i].c_str(), r.resolved_to[i].c_str());
    if (r.resolved_through) std::printf(" through %s", r.resolved_through->table.c_str());
    std::printf("\n");
  }
}
