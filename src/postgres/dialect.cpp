#include <orm/postgres/dialect.hpp>

#include <cmath>

namespace orm::postgres::dialect_detail {

const char* type_name(column_kind k) {
  switch (k) {
    case column_kind::text:
    case column_kind::discriminator: return "text";
    case column_kind::real: return "double precision";
    case column_kind::bytes: return "bytea";
    case column_kind::boolean: return "boolean";
    case column_kind::timestamp: return "timestamp with time zone";
    default: return "bigint";  // integer, id
  }
}

std::string timestamp_from_microseconds(const std::string& value) {
  return "(('epoch'::timestamp + (" + value + ")::int8 / 86400000000 * interval '1 day' + (" + value +
         ")::int8 % 86400000000 * interval '1 microsecond') AT TIME ZONE 'UTC')";
}

std::string microseconds_of(const std::string& column) {
  const std::string utc = column + " AT TIME ZONE 'UTC'";
  return "(extract(epoch FROM date_trunc('second', " + utc + "))::int8 * 1000000 + extract(microseconds FROM " + utc +
         ")::int8 % 1000000)";
}

const char* non_finite_literal(double value) {
  return std::isnan(value) ? "'NaN'::float8" : value > 0 ? "'Infinity'::float8" : "'-Infinity'::float8";
}

std::string bytes_literal(const std::string& hex) { return "'\\x" + hex + "'::bytea"; }

namespace {
// The array type a list of a column's values is bound as (nullptr: none is).
const char* array_type_of(column_kind kind) {
  switch (kind) {
    case column_kind::integer:
    case column_kind::id: return "bigint[]";
    case column_kind::text:
    case column_kind::discriminator: return "text[]";
    case column_kind::real: return "float8[]";
    case column_kind::boolean: return "boolean[]";
    default: return nullptr;
  }
}
}  // namespace

std::string list_rows(const std::string& placeholder, column_kind kind, const std::string& alias,
                      const std::string& column) {
  return "unnest(" + placeholder + "::" + array_type_of(kind) + ") AS " + alias + "(" + column + ")";
}

std::optional<runtime::sql::bound_in_list> bound_list(const std::vector<runtime::param>& values,
                                                             column_kind kind) {
  using runtime::param;
  const char* array_type = array_type_of(kind);
  if (!array_type) return std::nullopt;
  std::string text = "{";
  for (const param& v : values) {
    if (text.size() > 1) text += ',';
    switch (v.type()) {
      case param::kind::null: text += "NULL"; break;
      case param::kind::boolean: text += v.integer() ? "t" : "f"; break;
      case param::kind::integer: text += std::to_string(v.integer()); break;
      case param::kind::real:
        if (!std::isfinite(v.real()))
          text += std::isnan(v.real()) ? "NaN" : v.real() > 0 ? "Infinity" : "-Infinity";
        else
          text += runtime::sql::real_text(v.real());
        break;
      case param::kind::text:
        text += '"';
        for (char c : v.text()) {
          if (c == '"' || c == '\\') text += '\\';
          text += c;
        }
        text += '"';
        break;
      case param::kind::bytes:
      case param::kind::add:
      case param::kind::now: return std::nullopt;
    }
  }
  return runtime::sql::bound_in_list{text + "}", " = ANY(", std::string("::") + array_type + ")"};
}

}  // namespace orm::postgres::dialect_detail
