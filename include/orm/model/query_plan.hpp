#pragma once
// The query planner: decides, on the schema model alone (no SQL, no Clang), whether a
// query can run, and says why not in the words the runtime throws and ormlint reports.
// The runtime plans every find_* before it renders SQL; ormlint plans every find_* it
// reads at a call site. Both read this, so they refuse the same queries.
#include <optional>
#include <string>
#include <vector>

#include <orm/model/query_model.hpp>

namespace orm::model {

struct query_problem {
  enum class kind : unsigned char {
    unknown_relation,    // `with` names a relation the table does not have
    duplicate_relation,  // ...or one it declares twice
    unknown_column,      // a table, or columns / where / order_by / fields, that the schema does not have
    full_scan_write,     // update or remove with an empty where, without allow_full_scan
    depth,               // `with` nested deeper than max_depth
    negative_bound,      // a negative limit or offset
    unpinned_unique,     // find_unique whose where does not pin a unique key
    value_type,          // a value written to a column of another type
    discriminator_write, // a write that breaks its discriminator's rules
    conflict_target,     // an upsert whose .on is not exactly a unique key, or is not in the row
    cursor_order,        // a cursor (.after/.before) on an order it cannot seek by, or on a load
    aggregate_type,      // aggregate() over a column its function cannot take, or computing nothing
    unknown_strategy,    // a load strategy that is none of automatic, join, select_in and nested
    // Problems of the relation itself, found by the schema checks at the relation; the
    // runtime refuses the load for them, and ormlint reports them there, not here.
    unknown_name,
    ambiguous,
    missing_inverse,
    unmirrored,
    missing_index,  // a warning when the schema is not strict
    unbounded,      // a many() loaded with no limit and no default_limit
  } what;
  bool warning = false;
  source_site site;        // the name or value as written (call sites only)
  std::string written;     // the name as written
  std::string suggestion;  // the one close name, for "did you mean"
  std::string message;
};

namespace detail {

// A problem about a name as written, with the one close name when there is one.
query_problem named_problem(query_problem::kind k, const written_name& name, std::string message,
                                   const std::vector<std::string_view>& candidates = {}, bool warning = false);

query_problem unknown_table(const schema& s, const written_name& name);

// `purpose`: what the column was named for ("to select"); empty for a written field.
query_problem unknown_column(const table& t, const written_name& name, const std::string& purpose);


}  // namespace detail

// An order by "author.name": column `name` of the row that one() relation `author` of
// `t` finds. nullopt when `name` has no dot, or names no such column (the planner says
// why, as an unknown relation or column).
struct related_column {
  const relation* via = nullptr;
  const table* target = nullptr;
  std::string column;
};
std::optional<related_column> related_order_column(const schema& s, const table& t, std::string_view name);

// Every problem of `q`, in the order the runtime meets them; empty when it can run.
std::vector<query_problem> plan_query(const schema& s, const query& q);

// A write's where: its relation filters (some/none/every) planned as a read's are.
std::vector<query_problem> plan_relation_filters(const schema& s, const std::string& table,
                                                 const std::vector<query_load>& filters, bool allow_full_scan);

}  // namespace orm::model
