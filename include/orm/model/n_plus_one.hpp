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
inline const relation* relation_read_per_row(const schema& s, const std::string& inner, const per_row_call& call) {
  auto filters_on = [&](const std::vector<std::string>& columns) {
    return !columns.empty() && std::all_of(columns.begin(), columns.end(), [&](const std::string& c) {
      return std::any_of(call.row_columns.begin(), call.row_columns.end(),
                         [&](const written_name& n) { return n.text == c; });
    });
  };
  for (const relation& r : s.relations) {
    if (r.source != call.outer_table || !r.is_resolved()) continue;
    if (r.resolved_through ? r.resolved_through->table == inner && filters_on(r.resolved_through->from)
                           : r.target == inner && filters_on(r.resolved_to))
      return &r;
  }
  return nullptr;
}

// What to say about a per-row call, at the call: the relation and the `with` to add for
// a read; one write filtered with in(...) for a write. Empty when no relation connects.
inline std::optional<std::string> n_plus_one_message(const schema& s, const std::string& inner, const per_row_call& call) {
  const std::string& call_name = call.call;
  const relation* r = relation_read_per_row(s, inner, call);
  if (!r) return std::nullopt;
  std::string column = call.row_columns.front().text;
  for (const written_name& n : call.row_columns)
    if (std::find(r->resolved_to.begin(), r->resolved_to.end(), n.text) != r->resolved_to.end() ||
        (r->resolved_through &&
         std::find(r->resolved_through->from.begin(), r->resolved_through->from.end(), n.text) !=
             r->resolved_through->from.end())) {
      column = n.text;
      break;
    }
  const std::string head = call_name + " on '" + inner + "' runs once per row of the query on '" + call.outer_table +
                           "' (N+1), through its relation '" + r->name + "'";
  if (call_name.starts_with("find_"))
    return head + "; load them in that query instead: add {\"" + r->name + "\", {...}} to its with";
  return head + "; make one " + call_name + " for every row, filtered with in(\"" + column + "\", ...)";
}

}  // namespace orm::model
