#pragma once
// foreign_key("fk_author", "authorId", "users", "id"): a table-level FOREIGN KEY,
// compound when given cols(...). Column-level keys use column_type::references().
#include <orm/column_type.hpp>
#include <orm/name_list.hpp>
#include <orm/site.hpp>

namespace orm {

struct foreign_key_def {
  str name;
  site where;
  name_list columns;
  str target_table;
  name_list target_columns;
  fk_action on_delete;
  fk_action on_update;
};

constexpr foreign_key_def foreign_key(named name, const name_list& columns, str target_table,
                                      const name_list& target_columns = "id", reference_options options = {}) {
  return {name.text, name.where, columns, target_table, target_columns, options.on_delete, options.on_update};
}

}  // namespace orm
