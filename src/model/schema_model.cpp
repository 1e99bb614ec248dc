#include <orm/model/schema_model.hpp>

namespace orm::model {

int table::column_index(std::string_view wanted) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == wanted) return static_cast<int>(i);
  return -1;
}

const column* table::find_column(std::string_view wanted) const {
  const int i = column_index(wanted);
  return i < 0 ? nullptr : &columns[static_cast<std::size_t>(i)];
}

int schema::table_index(std::string_view wanted) const {
  for (std::size_t i = 0; i < tables.size(); ++i)
    if (tables[i].name == wanted) return static_cast<int>(i);
  return -1;
}

const table* schema::find_table(std::string_view wanted) const {
  const int i = table_index(wanted);
  return i < 0 ? nullptr : &tables[static_cast<std::size_t>(i)];
}

std::vector<int> schema::relations_named(std::string_view table_name, std::string_view wanted) const {
  std::vector<int> found;
  for (std::size_t i = 0; i < relations.size(); ++i)
    if (relations[i].source == table_name && relations[i].name == wanted) found.push_back(static_cast<int>(i));
  return found;
}

}  // namespace orm::model
