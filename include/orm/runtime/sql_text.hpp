#pragma once
// Pieces of SQL text: quoted identifiers and literals, and conditions rendered with
// bound parameters (queries) or inline literals (CHECK constraints in DDL, which take
// no parameters). What differs between databases is one `dialect` value: the rest of
// the text is the same for all.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <orm/model/schema_model.hpp>
#include <orm/runtime/condition.hpp>
#include <orm/runtime/errors.hpp>

namespace orm::runtime::sql {

// An IN list bound as one parameter: the text of the list, and the test around its
// placeholder (a dialect's bound_list builds it).
struct bound_in_list {
  std::string text, test_before, test_after;
};

// How one database spells what the shared renderers write, and what it can store. Each
// property is named by what it decides, so that a new backend states each one; each
// backend defines its value beside its connection (sqlite/dialect.hpp,
// postgres/dialect.hpp), and nothing here is written for one database by name.
struct dialect {
  const char* name;            // the database, as messages name it
  bool numbered_placeholders;  // $1, $2 rather than ?
  const char* true_literal;
  const char* false_literal;
  // The case-insensitive LIKE (SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE).
  const char* like;
  const char* (*type_name)(column_kind);
  const char* implicit_id;  // the primary key column's type and constraint
  // Whether ALTER TABLE ADD COLUMN takes a UNIQUE column (SQLite's does not).
  bool adds_unique_columns;
  // Whether CREATE TABLE may name a table that does not exist yet in a foreign key
  // (SQLite checks foreign keys when rows are written); else migrate creates tables in
  // the order their keys need, and adds a cycle's last keys by ALTER TABLE.
  bool references_later_tables;
  // Whether booleans need a CHECK (stored as integers).
  bool checks_booleans;
  // Why this database cannot keep a NaN as the value C++ has (writes refuse it).
  const char* nan_reason;
  // The longest name the database keeps whole (0: no limit); longer ones are cut.
  std::size_t longest_identifier;
  // Whether text cannot hold a NUL character (writes refuse it, naming bytes() instead).
  bool text_refuses_nul;
  // A timestamp column's native type takes the runtime's integer as microseconds since
  // 1970 through this expression (nullptr: the column stores the integer itself).
  std::string (*timestamp_from_microseconds)(const std::string& value);
  // ...and a timestamp value as that integer again, as reads return it (nullptr: the
  // column holds the integer).
  std::string (*microseconds_of)(const std::string& value);
  // The database's clock as that integer, counted in clock_ticks_per_second.
  const char* clock_ticks;
  std::int64_t clock_ticks_per_second;
  // The function that adds to an integer column refusing overflow, called as
  // f(column, amount, 'label') (nullptr: the database's + refuses it by itself).
  const char* checked_add;
  // A non-finite real as a literal (nullptr: the database has none; writes refuse NaN).
  const char* (*non_finite_literal)(double value);
  // A bytes literal of these hex digits.
  std::string (*bytes_literal)(const std::string& hex);
  // An IN list bound as one parameter (nullopt: one parameter per value).
  std::optional<bound_in_list> (*bound_list)(const std::vector<param>& values, column_kind kind);
  // How the database shows the plan of a statement: the prefix that asks for it, and the
  // column of each result row that holds a line of it.
  const char* explain_prefix;
  int plan_line_column;
  // The columns of a plan row's id and its parent's (-1: the lines come indented already,
  // as PostgreSQL's do); explain indents each line two spaces per level.
  int plan_id_column;
  int plan_parent_column;
  // The most parameters one statement binds (insert_many's batches stay within it).
  std::size_t max_parameters;
  // A bound list as rows (`alias`.`column`), to join a bounded subquery to each key with
  // LATERAL: "unnest($1::bigint[]) AS k(key)". nullptr: the database has no LATERAL, and a
  // bounded load numbers each parent's rows with ROW_NUMBER instead.
  std::string (*list_rows)(const std::string& placeholder, column_kind kind, const std::string& alias,
                           const std::string& column) = nullptr;

  // Whether timestamps are the database's own type, counted in microseconds (else the
  // column stores the field's integer count itself).
  bool native_timestamps() const { return timestamp_from_microseconds != nullptr; }
  std::string placeholder(std::size_t number) const { return numbered_placeholders ? "$" + std::to_string(number) : "?"; }
  // A value (a placeholder or a literal) as a column of kind `k` takes it.
  std::string value_for(column_kind k, const std::string& value) const {
    if (!timestamp_from_microseconds || k != column_kind::timestamp) return value;
    return timestamp_from_microseconds(value);
  }
  // `column` plus the parameter `amount` (orm::add), refused past the int64 range (an
  // unchecked + would turn an overflowing sum into a rounded real on SQLite): through
  // checked_add, which names `label`, or the database's own +.
  std::string added(const std::string& column, const std::string& amount, const std::string& label) const {
    if (!checked_add) return column + " + " + amount;
    std::string quoted_label = "'";
    for (const char c : label) quoted_label += c == '\'' ? std::string("''") : std::string(1, c);
    return std::string(checked_add) + "(" + column + ", " + amount + ", " + quoted_label + "')";
  }
  // The database's clock (orm::now) as a timestamp column takes it, cut to whole units of
  // num/den seconds: an integer column counts the units; a native timestamp is truncated
  // to them (and keeps microseconds for anything finer).
  std::string clock(std::int64_t num, std::int64_t den) const {
    const std::int64_t per_second = clock_ticks_per_second;
    const std::string ticks = clock_ticks;
    const bool native = native_timestamps();
    std::string count;
    if ((num * per_second) % den == 0) {
      const std::int64_t ticks_per_unit = num * per_second / den;
      count = ticks_per_unit == 1 ? ticks : "(" + ticks + " / " + std::to_string(ticks_per_unit) + ")";
      if (native && ticks_per_unit != 1) count = "(" + count + " * " + std::to_string(ticks_per_unit) + ")";
    } else if (native) {
      count = ticks;  // finer than the clock: the native type keeps the clock's ticks
    } else {
      count = "(" + ticks + " * " + std::to_string(den / (num * per_second)) + ")";  // finer than the clock (orm::now asserts whole fractions)
    }
    return value_for(column_kind::timestamp, count);
  }
};

// An index's name in the database: "<table>.<index>". Where the database would cut it
// (PostgreSQL at 63 bytes, after which migrate no longer found it and made it again on
// every second run), its first bytes, cut at a character's start, then "~" and 16 hex
// digits of a hash of the whole name: the same on every run, and different for indexes
// whose long names differ only at the end.
std::string index_name(const std::string& table, const std::string& index, const dialect& d);

std::string quoted(const std::string& text, char quote);
std::string identifier(const std::string& name);
std::string string_literal(const std::string& text);
std::string column_ref(const std::string& alias, const std::string& column);

// A real as SQL writes it: 17 significant digits, which round-trip a double.
std::string real_text(double value);

// A literal written into DDL: defaults and CHECK constraints come from the schema, not
// from users at run time, and DDL cannot bind parameters.
std::string literal(const param& v, const dialect& d);

// Renders a postfix condition over the columns of `table` (as `alias`). With `params`,
// operands become placeholders and are appended to it; without, they are written as
// literals. Relation filters (some/none/every) need the `schema` their relations are in.
std::string render(const condition& c, const model::table& table, const std::string& alias,
                   std::vector<param>* params, const dialect& d, const model::schema* schema = nullptr);

}  // namespace orm::runtime::sql

namespace orm::runtime {

// How a loaded relation's rows at `alias` are found: the target table (with the junction
// at `junction` joined for a .through() relation), and the conditions that tie them to
// the parent row at `parent_alias`. The same in both dialects.
struct relation_join {
  std::string from;
  std::vector<std::string> conditions;
};
relation_join join_of(const model::relation& r, const model::table& target, const std::string& alias,
                      const std::string& junction, const std::string& parent_alias);

// The rows of `relation` of one row of `parent` (at `parent_alias`), for a subquery that
// counts or tests them: FROM target AS alias [JOIN junction] WHERE <tied to the row> [AND
// the relation's own where]. The planner refuses an unknown relation first; here it is a
// schema_error all the same.
struct related_rows {
  const model::table* target = nullptr;
  std::string from, where;
};
related_rows related_rows_of(const model::schema& s, const model::table& parent, const std::string& relation,
                             const std::string& alias, const std::string& junction, const std::string& parent_alias,
                             std::vector<param>* params, const sql::dialect& d);

}  // namespace orm::runtime
