#pragma once
// The rules of `migrate`, shared by both dialects: what the database has (read by each
// backend: sqlite/migration.hpp, postgres/migration.hpp) compared with the schema. The
// additive changes it makes (new tables, new columns that are nullable or have a
// default, new or changed indexes, indexes it made that the schema dropped), and every
// other difference, which it refuses before writing anything, each with the way out.
// Nothing drops or rewrites data. Tables the schema does not name are left alone.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>
#include <orm/model/verdict.hpp>
#include <orm/runtime/errors.hpp>
#include <orm/runtime/ddl.hpp>

namespace orm::runtime {

struct migration_plan {
  std::vector<std::string> statements;  // in order, in one transaction
  std::vector<std::string> refusals;    // differences migrate will not make; empty when it can run
};

namespace migration_detail {

struct existing_column {
  std::string type;
  bool not_null = false;
};

// An index of a table: "UNIQUE? (columns)", with how it was made.
struct existing_index {
  std::string definition;
  std::string origin;  // "c": CREATE INDEX; "u": a UNIQUE constraint; "pk"
};

struct existing_table {
  std::map<std::string, existing_column> columns;
  std::map<std::string, existing_index> indexes;
};

std::string index_definition(bool unique, const std::vector<std::string>& columns);

// A new column, as ALTER TABLE ADD COLUMN takes it: its foreign key inline.
std::string added_column(const model::table& t, const model::column& c, const sql::dialect& d);

// Compares one table the database has with the schema's: the rules both dialects share.
void plan_table(const model::table& t, const existing_table& found_table, const sql::dialect& d,
                       migration_plan& out);

}  // namespace migration_detail

// A schema that ormlint reports an error in (model/verdict.hpp) is refused, in its words.
void refuse_broken_schema(const model::schema& schema);

// Every difference migrate does not make, listed with the way out, before anything is written.
void refuse_differences(const migration_plan& plan);

// What migrate would do for `s`, given how a backend reads a table (nullopt: no such
// table), without doing it.
migration_plan plan_migration(
    const model::schema& s, const sql::dialect& d,
    const std::function<std::optional<migration_detail::existing_table>(const std::string&)>& read_table);

}  // namespace orm::runtime
