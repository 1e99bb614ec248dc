#pragma once
// CREATE TABLE / CREATE INDEX statements for a schema model, in either dialect
// (sql_text.hpp). IF NOT EXISTS throughout, so that migrating twice changes nothing.
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>
#include <orm/runtime/sql_text.hpp>

namespace orm::runtime::ddl {

const char* action(fk_action a);

std::string names(const std::vector<std::string>& columns);


std::string column_definition(const model::table& t, const model::column& c,
                                     const sql::dialect& d);

// REFERENCES target (columns) ON DELETE ... ON UPDATE ...: a foreign key's clause.
std::string references(const model::foreign_key& f);

// CREATE TABLE with its foreign keys, but those in `left_out` (which add_foreign_key adds
// once the tables they name exist).
std::string create_table(const model::table& t, const sql::dialect& d,
                         const std::vector<const model::foreign_key*>& left_out = {});
std::string add_foreign_key(const model::table& t, const model::foreign_key& f);

// Index names are per database (SQLite) or per schema (PostgreSQL), so each is prefixed
// with its table.
std::string create_index(const model::table& t, const model::index& i, const sql::dialect& d);

}  // namespace orm::runtime::ddl
