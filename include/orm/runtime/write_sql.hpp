#pragma once
// INSERT / UPDATE / DELETE statements with bound parameters. The seed's rules for
// writing discriminated rows are the write planner's (model/write_plan.hpp).
#include <algorithm>
#include <cmath>
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

const param* field_value(const fields& row, const std::string& name);

// What only the data can tell: the planner (model/write_plan.hpp) has checked names,
// kinds and variants before this runs.
void check_values(const model::table& t, const fields& row, const sql::dialect& d);

// What column `name` is set to: the placeholder of `v` (appended to `params`) as the
// column takes it, or what the database computes (orm::add, orm::now).
std::string written_value(const model::table& t, const std::string& name, const param& v,
                                 std::vector<param>& params, const sql::dialect& d);

statement_text insert(const model::table& t, const fields& row, const sql::dialect& d);

// A row that changes its variant has the old variant's fields cleared.
statement_text update(const model::table& t, const fields& changes, const condition& where,
                             const sql::dialect& d);

statement_text remove(const model::table& t, const condition& where, const sql::dialect& d);

}  // namespace orm::runtime::writes
