#pragma once
// Pieces of SQL text: quoted identifiers and literals, and conditions rendered with
// bound parameters (queries) or inline literals (CHECK constraints in DDL, which take
// no parameters). What differs between SQLite and PostgreSQL is one `dialect` value:
// the rest of the text is the same for both.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <orm/model/schema_model.hpp>
#include <orm/sqlite/condition.hpp>
#include <orm/sqlite/errors.hpp>

namespace orm::sqlite::sql {

// How one SQL dialect spells what the shared renderers write.
struct dialect {
  bool numbered_params;     // $1, $2 (PostgreSQL) rather than ? (SQLite)
  const char* true_literal;
  const char* false_literal;
  // SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE is the operator that does.
  const char* like;
  const char* (*type_name)(column_kind);
  const char* implicit_id;  // the primary key column's type and constraint
  // Whether ALTER TABLE ADD COLUMN takes a UNIQUE column (SQLite's does not).
  bool adds_unique_columns;
  // Whether booleans need a CHECK (SQLite stores them as integers).
  bool checks_booleans;
  // Why this database cannot keep a NaN as the value C++ has (writes refuse it).
  const char* nan_reason;
  // The longest name the database keeps whole (0: no limit); PostgreSQL cuts longer ones.
  std::size_t longest_identifier;

  std::string placeholder(std::size_t number) const { return numbered_params ? "$" + std::to_string(number) : "?"; }
  // A value (a placeholder or a literal) as a column of kind `k` takes it. PostgreSQL's
  // timestamps take the runtime's integer as microseconds since the epoch, exactly over
  // the whole int64 range PostgreSQL holds: whole days, then the microseconds left (each
  // exact in interval arithmetic, which multiplies in doubles), added in UTC (no
  // daylight-saving day is 23 hours long there).
  std::string value_for(column_kind k, const std::string& value) const {
    if (!numbered_params || k != column_kind::timestamp) return value;
    return "(('epoch'::timestamp + (" + value + ")::int8 / 86400000000 * interval '1 day' + (" + value +
           ")::int8 % 86400000000 * interval '1 microsecond') AT TIME ZONE 'UTC')";
  }
  // `column` plus the parameter `amount` (orm::add), refused past the int64 range: SQLite's
  // own + would turn an overflowing sum into a rounded real, so SQLite calls the runtime's
  // checked orm_add (sqlite/functions.hpp), which names `label`; PostgreSQL's bigint +
  // fails by itself ("bigint out of range").
  std::string added(const std::string& column, const std::string& amount, const std::string& label) const {
    if (numbered_params) return column + " + " + amount;
    std::string quoted_label = "'";
    for (const char c : label) quoted_label += c == '\'' ? std::string("''") : std::string(1, c);
    return "orm_add(" + column + ", " + amount + ", " + quoted_label + "')";
  }
  // The database's clock (orm::now) as a timestamp column of this dialect takes it, cut
  // to whole units of num/den seconds: SQLite's integer counts the units (from its clock
  // in milliseconds), PostgreSQL's timestamptz is truncated to them.
  std::string clock(std::int64_t num, std::int64_t den) const {
    const std::int64_t per_second = numbered_params ? 1000000 : 1000;  // the clock's resolution
    const std::string ticks = numbered_params ? microseconds_of("now()")
                                              : "CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)";
    std::string count;
    if ((num * per_second) % den == 0) {
      const std::int64_t ticks_per_unit = num * per_second / den;
      count = ticks_per_unit == 1 ? ticks : "(" + ticks + " / " + std::to_string(ticks_per_unit) + ")";
      if (numbered_params && ticks_per_unit != 1) count = "(" + count + " * " + std::to_string(ticks_per_unit) + ")";
    } else if (numbered_params) {
      count = ticks;  // finer than a microsecond: PostgreSQL keeps microseconds
    } else {
      count = "(" + ticks + " * " + std::to_string(den / (num * per_second)) + ")";  // finer than the clock (orm::now asserts whole fractions)
    }
    return value_for(column_kind::timestamp, count);
  }
  // A timestamp column as that integer again (extract(epoch) alone rounds the
  // microseconds of large values): whole seconds, then the microseconds of the second.
  static std::string microseconds_of(const std::string& column) {
    const std::string utc = column + " AT TIME ZONE 'UTC'";
    return "(extract(epoch FROM date_trunc('second', " + utc + "))::int8 * 1000000 + extract(microseconds FROM " + utc +
           ")::int8 % 1000000)";
  }
};

inline const char* sqlite_type(column_kind k) {
  switch (k) {
    case column_kind::text:
    case column_kind::discriminator: return "TEXT";
    case column_kind::real: return "REAL";
    case column_kind::bytes: return "BLOB";
    default: return "INTEGER";  // integer, boolean (0/1), timestamp, id
  }
}
inline const char* postgres_type(column_kind k) {
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

inline constexpr dialect sqlite_dialect{false, "1", "0", "LIKE", sqlite_type, "INTEGER PRIMARY KEY", false, true,
                                        "SQLite would store NULL", 0};
// Ids are identities BY DEFAULT, so that a row written with its id (as SQLite allows)
// is accepted; the database moves the identity past it (postgres/database.hpp).
inline constexpr dialect postgres_dialect{true, "TRUE", "FALSE", "ILIKE", postgres_type,
                                          "bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", true, false,
                                          "PostgreSQL would store a NaN that equals itself and sorts above every "
                                          "number, which no C++ double does (and SQLite would store NULL)", 63};

// An index's name in the database: "<table>.<index>". Where the database would cut it
// (PostgreSQL at 63 bytes, after which migrate no longer found it and made it again on
// every second run), its first bytes, cut at a character's start, then "~" and 16 hex
// digits of a hash of the whole name: the same on every run, and different for indexes
// whose long names differ only at the end.
inline std::string index_name(const std::string& table, const std::string& index, const dialect& d) {
  std::string whole = table + "." + index;
  if (d.longest_identifier == 0 || whole.size() <= d.longest_identifier) return whole;
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits: short, stable, header-only
  for (unsigned char c : whole) hash = (hash ^ c) * 1099511628211ull;
  std::size_t keep = d.longest_identifier - 17;
  while (keep > 0 && (static_cast<unsigned char>(whole[keep]) & 0xC0) == 0x80) --keep;  // not inside a character
  char suffix[18];
  std::snprintf(suffix, sizeof suffix, "~%016llx", static_cast<unsigned long long>(hash));
  return whole.substr(0, keep) + suffix;
}

inline std::string quoted(const std::string& text, char quote) {
  std::string out(1, quote);
  for (char c : text) {
    out += c;
    if (c == quote) out += quote;
  }
  return out + quote;
}
inline std::string identifier(const std::string& name) { return quoted(name, '"'); }
inline std::string string_literal(const std::string& text) { return quoted(text, '\''); }
inline std::string column_ref(const std::string& alias, const std::string& column) { return alias + "." + identifier(column); }

// A literal written into DDL: defaults and CHECK constraints come from the schema, not
// from users at run time, and DDL cannot bind parameters.
inline std::string literal(const param& v, const dialect& d = sqlite_dialect) {
  switch (v.type()) {
    case param::kind::null: return "NULL";
    case param::kind::boolean: return v.integer() ? d.true_literal : d.false_literal;
    case param::kind::integer: return std::to_string(v.integer());
    case param::kind::real: {
      if (d.numbered_params && !std::isfinite(v.real()))
        return std::string(std::isnan(v.real()) ? "'NaN'" : v.real() > 0 ? "'Infinity'" : "'-Infinity'") + "::float8";
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.17g", v.real());  // round-trips a double
      return buffer;
    }
    case param::kind::text: return string_literal(v.text());
    case param::kind::bytes: {
      static const char* hex = "0123456789ABCDEF";
      std::string out = d.numbered_params ? "'\\x" : "X'";
      for (unsigned char c : v.text()) (out += hex[c >> 4]) += hex[c & 15];
      return out + (d.numbered_params ? "'::bytea" : "'");
    }
    case param::kind::add:
    case param::kind::now: break;  // computed by the database: never a literal (render refuses them)
  }
  return "NULL";
}

}  // namespace orm::sqlite::sql
namespace orm::sqlite {
bool is_utf8(std::string_view text);  // src/sqlite/decode.cpp (declared in decode.hpp too)
}  // namespace orm::sqlite
namespace orm::sqlite::sql {

// An IN list as one parameter: a JSON array that SQLite's json_each reads, or a
// PostgreSQL array literal for = ANY(). None for values neither can carry exactly (bytes;
// infinite reals and text that is not UTF-8 in JSON; PostgreSQL's timestamps, which
// take each value through value_for): those stay one parameter each.
struct bound_in_list {
  std::string text, test_before, test_after;
};
inline std::optional<bound_in_list> bound_list(const std::vector<param>& values, column_kind kind, const dialect& d) {
  const char* array_type = nullptr;
  if (d.numbered_params) {
    switch (kind) {
      case column_kind::integer: case column_kind::id: array_type = "bigint[]"; break;
      case column_kind::text: case column_kind::discriminator: array_type = "text[]"; break;
      case column_kind::real: array_type = "float8[]"; break;
      case column_kind::boolean: array_type = "boolean[]"; break;
      default: return std::nullopt;
    }
  }
  std::string text = d.numbered_params ? "{" : "[";
  for (const param& v : values) {
    if (text.size() > 1) text += ',';
    switch (v.type()) {
      case param::kind::null: text += d.numbered_params ? "NULL" : "null"; break;
      case param::kind::boolean: text += v.integer() ? (d.numbered_params ? "t" : "true") : (d.numbered_params ? "f" : "false"); break;
      case param::kind::integer: text += std::to_string(v.integer()); break;
      case param::kind::real: {
        if (!std::isfinite(v.real())) {
          if (!d.numbered_params) return std::nullopt;
          text += std::isnan(v.real()) ? "NaN" : v.real() > 0 ? "Infinity" : "-Infinity";
          break;
        }
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", v.real());
        text += buffer;
        break;
      }
      case param::kind::text: {
        if (!d.numbered_params && !is_utf8(v.text())) return std::nullopt;
        text += '"';
        for (unsigned char c : v.text()) {
          if (c == '"' || c == '\\') (text += '\\') += static_cast<char>(c);
          else if (c < 0x20 && !d.numbered_params) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            text += escaped;
          } else text += static_cast<char>(c);
        }
        text += '"';
        break;
      }
      case param::kind::bytes:
      case param::kind::add:
      case param::kind::now: return std::nullopt;
    }
  }
  text += d.numbered_params ? "}" : "]";
  if (d.numbered_params) return bound_in_list{std::move(text), " = ANY(", std::string("::") + array_type + ")"};
  return bound_in_list{std::move(text), " IN (SELECT value FROM json_each(", "))"};
}

// Renders a postfix condition over the columns of `table` (as `alias`). With `params`,
// operands become placeholders and are appended to it; without, they are written as
// literals.
inline std::string render(const condition& c, const model::table& table, const std::string& alias,
                          std::vector<param>* params, const dialect& d = sqlite_dialect) {
  std::vector<std::string> stack;
  auto value = [&](const param& v) {
    if (v.type() == param::kind::add || v.type() == param::kind::now)
      throw schema_error("a filter on '" + table.name + "' compares with orm::add, orm::sub or orm::now, which are values "
                         "of an update's columns only; compare with the value itself");
    if (!params) return literal(v, d);
    params->push_back(v);
    return d.placeholder(params->size());
  };
  for (const condition_term& t : c.terms()) {
    if (t.op == predicate_op::all || t.op == predicate_op::any || t.op == predicate_op::negate) {
      if (stack.size() < t.arity) throw schema_error("malformed condition");
      std::string joined;
      for (std::size_t i = stack.size() - t.arity; i < stack.size(); ++i) {
        if (!joined.empty()) joined += t.op == predicate_op::all ? " AND " : " OR ";
        joined += stack[i];
      }
      stack.resize(stack.size() - t.arity);
      stack.push_back(t.op == predicate_op::negate ? "(NOT " + joined + ")" : "(" + joined + ")");
      continue;
    }
    const model::column* column = table.find_column(t.column);
    if (!column) throw schema_error("table '" + table.name + "' has no column '" + t.column + "' to filter on");
    const std::string col = column_ref(alias, t.column);
    const auto operand = [&](const param& v) { return d.value_for(column->kind, value(v)); };
    switch (t.op) {
      case predicate_op::eq: stack.push_back(t.operand.is_null() ? col + " IS NULL" : col + " = " + operand(t.operand)); break;
      case predicate_op::ne: stack.push_back(t.operand.is_null() ? col + " IS NOT NULL" : col + " <> " + operand(t.operand)); break;
      case predicate_op::lt: stack.push_back(col + " < " + operand(t.operand)); break;
      case predicate_op::le: stack.push_back(col + " <= " + operand(t.operand)); break;
      case predicate_op::gt: stack.push_back(col + " > " + operand(t.operand)); break;
      case predicate_op::ge: stack.push_back(col + " >= " + operand(t.operand)); break;
      case predicate_op::like: stack.push_back(col + " " + d.like + " " + operand(t.operand)); break;
      case predicate_op::is_null: stack.push_back(col + " IS NULL"); break;
      case predicate_op::is_not_null: stack.push_back(col + " IS NOT NULL"); break;
      case predicate_op::in: {
        if (t.list.empty()) {
          stack.push_back(d.false_literal);
          break;
        }
        if (params) {
          // One bound list, whatever its length: no limit on the number of parameters
          // (SQLite's 32,766, PostgreSQL's 65,535), and one statement for every length.
          if (auto list = bound_list(t.list, column->kind, d)) {
            params->push_back(param(std::move(list->text)));
            stack.push_back(col + list->test_before + d.placeholder(params->size()) + list->test_after);
            break;
          }
        }
        std::string items;
        for (const param& v : t.list) items += (items.empty() ? "" : ", ") + operand(v);
        stack.push_back(col + " IN (" + items + ")");
        break;
      }
      default: throw schema_error("malformed condition");
    }
  }
  if (stack.empty()) return d.true_literal;
  if (stack.size() != 1) throw schema_error("malformed condition: terms left without a connective");
  return stack.front();
}

}  // namespace orm::sqlite::sql
