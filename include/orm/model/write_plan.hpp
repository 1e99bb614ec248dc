#pragma once
// The write planner: what insert / update / remove ask of the schema, decided once for
// the runtime (before any SQL runs) and for ormlint (at the call site): the table and
// columns exist, each value fits its column, discriminated rows keep their variant's
// rules, and an update or remove has a where unless the call allows a full scan.
// What a call site does not show (a value's kind, a field built at run time) is left
// unknown, and the rules that need it are not applied: the runtime applies them.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <orm/model/names.hpp>
#include <orm/model/query_model.hpp>
#include <orm/model/query_plan.hpp>

namespace orm::model {

namespace detail {

const char* kind_name(written_kind k);

const char* holds(column_kind k);

// What a column stores: a value of another kind would be stored as SQLite coerces it, or
// read back as something else. Integers widen to reals and to booleans (0 and 1).
bool fits(column_kind column, written_kind value);

bool adds(written_kind k);

const written_field* field_named(const write& w, std::string_view name);

// The seed's rules for a discriminated row: the variant named exists, its required
// fields are set, no field of another variant is; an update that sets a variant's field
// names the variant too.
void plan_variants(const table& t, const write& w, std::vector<query_problem>& out);

}  // namespace detail

// Every problem of `w`, in the order the runtime meets them; empty when it can run.
std::vector<query_problem> plan_write(const schema& s, const write& w);

}  // namespace orm::model
