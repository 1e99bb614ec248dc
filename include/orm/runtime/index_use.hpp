#pragma once
// orm-unindexed-query's rule, in one place: what SQLite's plan of a read (explain())
// says of each level of it. ormlint reads it at each call site, over an empty in-memory
// copy of the schema; sqlite::database::warn_unindexed_reads() reads it at run time, over
// the statement the read runs. Both say it in these words.
//
// Judged, by SQLite's planner (docs/checks/orm-unindexed-query.md says what it can tell):
// - the read's own table, when the read filters it and SQLite reads every row (SCAN), or
//   orders it under a limit and sorts every matching row (USE TEMP B-TREE FOR ORDER BY);
// - a many() load (not through a junction) ordered under a limit whose rows SQLite sorts
//   for each parent: an index on the relation's key and then the order serves it. A
//   load's filter is read through the relation's own index, which
//   orm-missing-relation-index sees to, so it is not judged again here.
#include <string>
#include <vector>

#include <orm/model/query_model.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/runtime/read_plan.hpp>

namespace orm::runtime {

struct unindexed_level {
  std::string path;                              // "tickets", or a load's "users.tickets"
  const model::table* table = nullptr;           // the level's table
  const model::query_options* options = nullptr;  // the level's options, as the query gives them
  const model::written_name* load = nullptr;     // the relation as written; null at the top
  bool scans = false;  // every row of the table is read although the level filters it
  bool sorts = false;  // every matching row is sorted to return the first few
  // The index SQLite's rules say would serve it (equality columns first, then one range
  // column, then the order's); empty when no one index does (an OR, a like).
  std::vector<std::string> index;
  std::string finding;  // "this read filters 'tickets' by (status), and no index serves it: ..."
};

// The levels of `top` (a read of `table`) that no index serves, as `plan` (explain() of
// that read on SQLite) shows them; empty when every level is served, or the table is
// small_table().
std::vector<unindexed_level> unindexed_levels(const model::schema& s, const std::string& table,
                                              const model::query_options& top, const explained_read& plan);

// Whether any level of `top` is of a kind the rule judges (the top filters, or a level
// orders under a limit): the others are not worth asking SQLite about.
bool may_be_unindexed(const model::query_options& top);

// The way out when `level.index` is empty.
std::string no_one_index_advice();

// An index's columns as the DSL's .on(...) takes them and the runtime's warning names
// them: "a", "b".
std::string quoted_columns(const std::vector<std::string>& columns);

}  // namespace orm::runtime
