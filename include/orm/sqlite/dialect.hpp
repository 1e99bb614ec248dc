#pragma once
// How SQLite spells what the shared renderers write (runtime/sql_text.hpp).
#include <optional>
#include <string>
#include <vector>

#include <orm/runtime/decode.hpp>
#include <orm/runtime/sql_text.hpp>

namespace orm::sqlite {

namespace dialect_detail {

const char* type_name(column_kind k);

std::string bytes_literal(const std::string& hex);

// An IN list as one JSON array that json_each reads. None for values JSON cannot carry
// exactly (bytes, infinite reals, text that is not UTF-8): those stay one parameter each.
std::optional<runtime::sql::bound_in_list> bound_list(const std::vector<runtime::param>& values, column_kind);

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
    .references_later_tables = true,
    .checks_booleans = true,
    .nan_reason = "SQLite would store NULL",
    .longest_identifier = 0,
    .text_refuses_nul = false,
    .timestamp_from_microseconds = nullptr,
    .microseconds_of = nullptr,
    .clock_ticks = "CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)",
    .clock_ticks_per_second = 1000,
    .checked_add = "orm_add",
    .non_finite_literal = nullptr,
    .bytes_literal = dialect_detail::bytes_literal,
    .bound_list = dialect_detail::bound_list,
    .explain_prefix = "EXPLAIN QUERY PLAN ",
    .plan_line_column = 3,
    .plan_id_column = 0,
    .plan_parent_column = 1,
    .max_parameters = 32766,  // SQLITE_MAX_VARIABLE_NUMBER's default since 3.32 (Debian 12 has 3.40)
};

}  // namespace orm::sqlite
