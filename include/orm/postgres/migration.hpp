#pragma once
// What a PostgreSQL schema (the connection's current_schema()) has, read for `migrate`
// from information_schema and pg_index; the rules that compare it with the schema are
// shared with SQLite (runtime/migration_diff.hpp).
#include <optional>
#include <string>
#include <vector>

#include <orm/postgres/dialect.hpp>
#include <orm/postgres/vocabulary.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/postgres/connection.hpp>
#include <orm/runtime/migration_diff.hpp>

namespace orm::postgres {


namespace migration_detail {

using runtime::migration_detail::existing_table;

std::optional<existing_table> read_table(connection& c, const std::string& table);

}  // namespace migration_detail

// What migrate would do for `s` in the connection's current schema, without doing it.
migration_plan plan_migration(connection& c, const model::schema& s);

}  // namespace orm::postgres
