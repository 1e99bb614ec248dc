#pragma once
// aggregate(): what each function computes over which columns, and the rows it returns.
// One description for the planner (which refuses what cannot run, model/query_plan.hpp),
// the row rules (what a struct must hold) and the runtime's renderer (the SQL, and how
// each value decodes), so that ormlint and the runtime agree on every aggregate.
#include <string>
#include <vector>

#include <orm/model/query_model.hpp>
#include <orm/model/row_rules.hpp>
#include <orm/model/schema_model.hpp>

namespace orm::model {

// The function as the options name it: "count", "sum", "avg", "min", "max".
const char* aggregate_name(aggregate_fn f);

// The key a computed value is read as: "count", and "<column>_<function>" ("total_sum").
std::string aggregate_key(const aggregate_term& term);

// Why `f` cannot compute over column `c` of `t` on both databases, with the way out; empty
// when it can. sum and avg take integer and real columns; min and max any ordered one.
std::string aggregate_refusal(aggregate_fn f, const table& t, const column& c);

// The rows aggregate() returns, described as a table of their own, "aggregate(<table>)":
// a column per group_by column, then per computed value, each with the kind it comes back
// as (a sum of integers an integer, an avg a real, a min or max its column's kind) and NOT
// NULL unless it can be NULL. A sum of no rows is 0; an avg, min or max of none is NULL,
// and an aggregate without group_by reads one row even of an empty table. What the planner
// refuses is left out.
table aggregate_rows(const table& t, const aggregation& a);

// Every reason `row` cannot hold those rows: the row rules over aggregate_rows, then each
// value computed, and each group column, that the struct has no field for (`call`: where).
std::vector<row_problem> aggregate_row_mismatches(const schema& s, const table& t, const aggregation& a,
                                                  const row_type& row, const source_site& call = {});

}  // namespace orm::model
