#include <orm/sqlite/dialect.hpp>

#include <cmath>

namespace orm::sqlite::dialect_detail {

const char* type_name(column_kind k) {
  switch (k) {
    case column_kind::text:
    case column_kind::discriminator: return "TEXT";
    case column_kind::real: return "REAL";
    case column_kind::bytes: return "BLOB";
    default: return "INTEGER";  // integer, boolean (0/1), timestamp, id
  }
}

std::string bytes_literal(const std::string& hex) { return "X'" + hex + "'"; }

std::optional<runtime::sql::bound_in_list> bound_list(const std::vector<runtime::param>& values, column_kind) {
  using runtime::param;
  std::string text = "[";
  for (const param& v : values) {
    if (text.size() > 1) text += ',';
    switch (v.type()) {
      case param::kind::null: text += "null"; break;
      case param::kind::boolean: text += v.integer() ? "true" : "false"; break;
      case param::kind::integer: text += std::to_string(v.integer()); break;
      case param::kind::real:
        if (!std::isfinite(v.real())) return std::nullopt;
        text += runtime::sql::real_text(v.real());
        break;
      case param::kind::text: {
        if (!runtime::is_utf8(v.text())) return std::nullopt;
        text += '"';
        for (unsigned char c : v.text()) {
          if (c == '"' || c == '\\')
            (text += '\\') += static_cast<char>(c);
          else if (c < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            text += escaped;
          } else
            text += static_cast<char>(c);
        }
        text += '"';
        break;
      }
      case param::kind::bytes:
      case param::kind::add:
      case param::kind::now: return std::nullopt;
    }
  }
  return runtime::sql::bound_in_list{text + "]", " IN (SELECT value FROM json_each(", "))"};
}

}  // namespace orm::sqlite::dialect_detail
