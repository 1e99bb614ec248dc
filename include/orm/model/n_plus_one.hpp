#pragma once
// N+1: a query (or write) made once per row of another query, filtered on what a relation
// of the outer table joins on. One statement with that relation in the outer query's
// `with` reads the same rows. The runtime cannot see loops; ormlint reads them and asks
// this rule, which decides from the schema alone whether a relation connects the two.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <orm/model/query_model.hpp>
#include <orm/model/schema_model.hpp>

namespace orm::model {

// A relation of `outer` whose rows a per-row call on `inner` reads again: the call
// filters on every column the relation joins on at `inner` (its target, or the junction
// of a through() relation). Null when no relation connects them that way.
const relation* relation_read_per_row(const schema& s, const std::string& inner, const per_row_call& call);

// What to say about a per-row call, at the call: the relation and the `with` to add for
// a read; one write filtered with in(...) for a write. Empty when no relation connects.
std::optional<std::string> n_plus_one_message(const schema& s, const std::string& inner, const per_row_call& call);

}  // namespace orm::model
