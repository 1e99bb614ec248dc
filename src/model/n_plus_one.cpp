#include <orm/model/n_plus_one.hpp>

#include <orm/model/row_shape.hpp>

namespace orm::model {

const relation* relation_read_per_row(const schema& s, const std::string& inner, const per_row_call& call) {
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

std::optional<std::string> n_plus_one_message(const schema& s, const std::string& inner, const per_row_call& call) {
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
  // A count per row is no batch of one filter (in(...) would count them all together):
  // the outer query counts them itself (.count), or keeps the rows that have some.
  if (call_name == "exists")
    return head + "; ask it in that query instead: filter it with some(\"" + r->name + "\", ...) (none(...): the rows without) "
           "to keep only those rows, or add {\"" + r->name + "\", {.columns = only(\"id\"), .limit = 1}} to its with (an empty "
           "list: none)";
  if (call_name == "count")
    return head + "; count them in that query instead: add .count = {\"" + r->name + "\"} to it and read each row's " +
           count_key(r->name);
  if (call_name == "aggregate")
    return head + "; aggregate them all at once instead: filter with in(\"" + column + "\", ...) and add \"" + column +
           "\" to .group_by, for one row per group";
  // Rows written one by one: insert_many writes them all (a statement per batch, in one
  // transaction).
  if (call_name == "insert")
    return head + "; write them all at once instead: collect the rows and call insert_many";
  return head + "; make one " + call_name + " for every row, filtered with in(\"" + column + "\", ...)";
}

}  // namespace orm::model
