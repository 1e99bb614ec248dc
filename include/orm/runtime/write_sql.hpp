#pragma once
// INSERT / UPDATE / DELETE statements with bound parameters. The seed's rules for
// writing discriminated rows are the write planner's (model/write_plan.hpp).
#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>
#include <orm/runtime/condition.hpp>
#include <orm/runtime/decode.hpp>
#include <orm/runtime/sql_text.hpp>

namespace orm::runtime::writes {

struct statement_text {
  std::string sql;
  std::vector<param> params;
};

// What a backend's write returns: the id the database gave the one row inserted, the id
// the statement returns (an upsert's RETURNING), or the rows it changed (inserted, for
// a batch of rows).
enum class answer : unsigned char { new_id, returned_id, rows_changed };

// The most rows one INSERT of insert_many carries (fewer when the database's parameter
// limit says so): past a few hundred, a longer statement saves nothing measurable
// (bench/insert_many.cpp) and costs memory.
inline constexpr std::size_t rows_per_statement = 500;

const param* field_value(const fields& row, const std::string& name);

// What only the data can tell: the planner (model/write_plan.hpp) has checked names,
// kinds and variants before this runs.
void check_values(const model::table& t, const fields& row, const sql::dialect& d);

// What column `name` is set to: the placeholder of `v` (appended to `params`) as the
// column takes it, or what the database computes (orm::add, orm::now). `qualified`: a
// column added to is named with its table (an upsert's SET sees the existing row and
// `excluded`, and PostgreSQL calls a bare name ambiguous).
std::string written_value(const model::table& t, const std::string& name, const param& v,
                                 std::vector<param>& params, const sql::dialect& d, bool qualified);

// `a = ?, b = ?` of an update. A row that changes its variant has the old variant's
// fields cleared.
std::string assignments(const model::table& t, const fields& changes, std::vector<param>& params, const sql::dialect& d,
                        bool qualified);

statement_text insert(const model::table& t, const fields& row, const sql::dialect& d);

// One INSERT of several rows (VALUES (...), (...)): each sets the columns of the first,
// in the same order.
statement_text insert_rows(const model::table& t, std::span<const fields> rows, const sql::dialect& d);

// Whether two rows set the same columns in the same order (and so share a statement).
bool same_columns(const fields& a, const fields& b);

// `s`: the schema a where's relation filters (some/none/every) are resolved in.
statement_text update(const model::schema& s, const model::table& t, const fields& changes, const condition& where,
                      const sql::dialect& d);

// INSERT ... ON CONFLICT (on) DO UPDATE SET ...: `update`, or by default the row's fields
// but the key's; the caller adds the RETURNING it wants (the id, or db.returning<T>()'s
// columns). The planner (model/write_plan.hpp) has checked that `on` is
// exactly a unique key.
statement_text upsert(const model::table& t, const fields& row, const std::vector<std::string>& on,
                      const std::optional<fields>& update, const sql::dialect& d);

statement_text remove(const model::schema& s, const model::table& t, const condition& where, const sql::dialect& d);

}  // namespace orm::runtime::writes
