#include <orm/sqlite/column_values.hpp>

namespace orm::sqlite {

int checked_storage(const column_value& v, column_kind kind, std::string_view table, std::string_view column) {
  const int stored = v.type();
  const auto refuse = [&](const char* what) {
    const std::string held = stored == SQLITE_TEXT ? "text '" + std::string(v.text_view()) + "'" : "a value of another type";
    return sqlite::error("'" + std::string(table) + "." + std::string(column) + "' holds " + held + ", which is not " + what);
  };
  if (stored == SQLITE_NULL) return stored;
  switch (kind) {
    case column_kind::boolean:
      if (stored != SQLITE_INTEGER) throw refuse("a boolean");
      break;
    case column_kind::integer:
    case column_kind::id:
    case column_kind::timestamp:
      if (stored != SQLITE_INTEGER) throw refuse("an integer");
      break;
    case column_kind::real:
      if (stored != SQLITE_INTEGER && stored != SQLITE_FLOAT) throw refuse("a real");
      break;
    case column_kind::bytes: break;
    default:
      if (stored == SQLITE_BLOB) throw refuse("text");
  }
  return stored;
}

node column_node(const column_value& v, column_kind kind, std::string_view table, std::string_view column) {
  const int stored = checked_storage(v, kind, table, column);
  if (stored == SQLITE_NULL) return node();
  switch (kind) {
    case column_kind::boolean: return node::of_boolean(v.integer() != 0);
    case column_kind::integer:
    case column_kind::id:
    case column_kind::timestamp: return node::of_integer(v.integer());
    case column_kind::real: return node::of_real(stored == SQLITE_INTEGER ? static_cast<double>(v.integer()) : v.real());
    case column_kind::bytes:
      return node::of_text(std::string(stored == SQLITE_BLOB ? v.blob_view() : v.text_view()), node::kind::bytes);
    default:
      if (stored == SQLITE_INTEGER) return node::of_integer(v.integer());
      if (stored == SQLITE_FLOAT) return node::of_real(v.real());
      return node::of_text(std::string(v.text_view()));
  }
}

}  // namespace orm::sqlite
