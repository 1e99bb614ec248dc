#pragma once
// How SQLite spells what the shared renderers write (runtime/sql_text.hpp).
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <orm/runtime/decode.hpp>
#include <orm/runtime/sql_text.hpp>

namespace orm::sqlite {

namespace dialect_detail {

inline const char* type_name(column_kind k) {
  switch (k) {
    case column_kind::text:
    case column_kind::discriminator: return "TEXT";
    case column_kind::real: return "REAL";
    case column_kind::bytes: return "BLOB";
    default: return "INTEGER";  // integer, boolean (0/1), timestamp, id
  }
}

inline std::string bytes_literal(const std::string& hex) { return "X'" + hex + "'"; }

// An IN list as one JSON array that json_each reads. None for values JSON cannot carry
// exactly (bytes, infinite reals, text that is not UTF-8): those stay one parameter each.
inline std::optional<runtime::sql::bound_in_list> bound_list(const std::vector<runtime::param>& values, column_kind) {
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

}  // namespace dialect_detail

// Timestamps are integers counting the field's unit; the clock counts milliseconds;
// adding to an integer goes through the checked orm_add (sqlite/functions.hpp), since
// SQLite's + turns an overflowing sum into a rounded real.
inline constexpr runtime::sql::dialect dialect{
    .name = "SQLite",
    .numbered_placeholders = false,
    .true_literal = "1",
    .false_literal = "0",
    .like = "LIKE",
    .type_name = dialect_detail::type_name,
    .implicit_id = "INTEGER PRIMARY KEY",
    .adds_unique_columns = false,
    .checks_booleans = true,
    .nan_reason = "SQLite would store NULL",
    .longest_identifier = 0,
    .text_refuses_nul = false,
    .timestamp_from_microseconds = nullptr,
    .clock_ticks = "CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)",
    .clock_ticks_per_second = 1000,
    .checked_add = "orm_add",
    .non_finite_literal = nullptr,
    .bytes_literal = dialect_detail::bytes_literal,
    .bound_list = dialect_detail::bound_list,
};

}  // namespace orm::sqlite
