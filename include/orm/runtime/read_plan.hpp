#pragma once
// A find, planned before any SQL is written: the shape each row decodes by, the guards
// (model/query_plan.hpp) that refuse or warn, the limits a load takes, and the ORDER BY
// both backends' renderers put on a read. Each backend renders the SQL itself
// (sqlite/read_sql.hpp, postgres/read_sql.hpp).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <orm/model/query_plan.hpp>
#include <orm/model/row_shape.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/runtime/errors.hpp>
#include <orm/runtime/find_options.hpp>
#include <orm/runtime/node.hpp>
#include <orm/runtime/sql_text.hpp>
#include <orm/runtime/statement_hint.hpp>

namespace orm::runtime {

// How to decode one JSON object of the result: column kinds (booleans come back as
// 0/1, bytes as hex) and the objects nested under relation names and variant aliases.
struct shape {
  std::string table;  // whose row this is, for decoding errors
  std::vector<std::pair<std::string, column_kind>> columns;
  std::vector<std::string> nested_keys;
  std::vector<shape> nested;
  // The keys of the last row decoded with this shape: the next rows share the list.
  mutable std::shared_ptr<node::key_list> row_keys;

  const shape* child(std::string_view key) const {
    for (std::size_t i = 0; i < nested_keys.size(); ++i)
      if (nested_keys[i] == key) return &nested[i];
    return nullptr;
  }
  const column_kind* kind_of(std::string_view key) const {
    for (const auto& [k, kind] : columns)
      if (k == key) return &kind;
    return nullptr;
  }
};

// One column of the statement's result. The parent row's own columns come back as SQL
// values, read with sqlite3_column_* (nothing to build or parse); each loaded relation and
// each variant alias comes back as one JSON text column.
struct result_column {
  std::string key;
  column_kind kind = column_kind::text;  // a column of the parent row
  int nested = -1;                       // a JSON column: the index of its shape in decode.nested
  // A relation loaded by a statement of its own: the index of its load in `loads`. The
  // column itself is NULL; it keeps the relation's place among the row's keys.
  int load = -1;
  // A key a load needs that the row does not select: read, not kept in the row.
  bool hidden = false;
};

struct compiled_load;

// One level of a read: the read's table (path "users") or a relation it loads
// ("users.posts"), and the alias its table has in the statement, by which the
// database's plan names it.
struct read_level {
  std::string path;
  std::string alias;
};

struct compiled_read {
  std::string sql;
  std::vector<read_level> levels;  // the top first, then each load where the statement reads it
  std::vector<param> params;
  shape decode;  // the parent row's table; its nested shapes decode the JSON columns
  std::vector<result_column> columns;
  // Parents beyond which the fan-out guard fires (the statement fetches one more); 0: none.
  std::int64_t fan_out_limit = 0;
  // The statement returns one row (a count): a backend may stop reading after it.
  bool one_row = false;
  mutable statement_hint prepared;
  // Where the read may run, with read replicas (postgres/replicas.hpp): a read that locks
  // rows runs on the primary; one that must see its database's writes, on a replica that
  // has replayed them.
  bool locks_rows = false;
  bool read_your_writes = false;
  // Relations loaded by statements of their own (select_in, nested), run after this one
  // for the rows it returns.
  std::vector<compiled_load> loads;
  // A load's statement: the parameter its parents' keys are bound to, and the result
  // column that says whose row each is (-1: this is no load's statement). A statement per
  // key does not select it (its rows are the bound key's): the entry, last and hidden,
  // only gives the key's kind.
  std::size_t key_param = 0;
  int key_column = -1;
  bool per_key = false;  // run once per key (load_strategy::nested), else for all keys at once
  // A load bounded per key in no order (the schema's default_limit, a limit alone, a
  // one()): any `per_key_cap` rows of a key are its rows, so the statement reads every
  // key's rows by one scan, as an unbounded load does (a subquery per key cost PostgreSQL
  // a rescan each: 0.8 us per key), and each key keeps its first `per_key_cap`. Its
  // LIMIT (parameter `cap_param`, keys * cap + 1, capped_rows_bound) bounds what one key
  // with many rows can make it read; when the statement returns that many, a key may have
  // lost rows to another's, and `bounded_sql` (bounded per key) runs instead.
  std::int64_t per_key_cap = 0;
  std::size_t cap_param = 0;
  std::string bounded_sql;
  mutable statement_hint bounded_prepared;
};

// A relation loaded by a statement of its own, for every row of the statement above.
struct compiled_load {
  std::string key;  // the relation: the member of the parent row it fills
  bool many = true;  // an array of rows; else the first row or null
  int parent_column = -1;  // the parent statement's result column that holds the key
  column_kind key_kind = column_kind::integer;
  // Its parents' keys are bound into its parameters before each run (under the lock).
  mutable compiled_read read;
};

// The keys of one statement's rows for a load (each row's parent key, or whose row each
// loaded row is), flat: an integer key as its value, a text key as its characters, a
// NULL one marked (it relates to no row). Two vectors for 100,000 rows, where a string
// per key allocated and moved 4 times the memory.
class load_keys {
 public:
  template <class Result>
  void push(const Result& r, int column, column_kind kind) {
    const bool null = r.is_null(column);
    present_.push_back(!null);
    text_ = kind == column_kind::text;
    if (kind == column_kind::text) texts_.emplace_back(null ? std::string_view() : r.text_view(column));
    else integers_.push_back(null ? 0 : column_node(r, column, kind, "", "").as_integer());
  }
  std::size_t size() const { return present_.size(); }
  bool is_null(std::size_t i) const { return !present_[i]; }
  bool is_text() const { return text_; }
  std::int64_t integer(std::size_t i) const { return integers_[i]; }
  const std::string& text(std::size_t i) const { return texts_[i]; }

 private:
  std::vector<unsigned char> present_;
  std::vector<std::int64_t> integers_;
  std::vector<std::string> texts_;
  bool text_ = false;
};

// The rows one statement of a read returned (nodes, or the user's structs), and what its
// loads need of them.
template <class Row>
struct level_rows {
  std::vector<Row> rows;
  std::vector<load_keys> parent_keys;  // per load, each row's
  load_keys keys;  // a load's statement: the parent key of each row

  void clear() {
    rows.clear();
    parent_keys.clear();
    keys = {};
  }

  template <class Result>
  void note_keys(const compiled_read& read, const Result& r) {
    if (parent_keys.size() != read.loads.size()) parent_keys.resize(read.loads.size());
    for (std::size_t k = 0; k < read.loads.size(); ++k)
      parent_keys[k].push(r, read.loads[k].parent_column, read.loads[k].key_kind);
    if (read.key_column >= 0 && !read.per_key)  // a statement per key: its rows are that key's
      keys.push(r, read.key_column, read.columns[static_cast<std::size_t>(read.key_column)].kind);
  }
};

// How `w` loads under a statement (the top's or a load's own): the entry's strategy, else
// the call's, else the schema's default, else the backend's rule (`automatic`). A relation whose key is not one
// integer or text column, or a variant's relation, loads by join.
load_strategy strategy_of(const model::schema& s, const model::relation& r, const find_options& load,
                          const find_options& top, load_strategy automatic);

// The key a load by a statement of its own ties rows by: the parent's column, and the
// loaded rows' expression for it (a junction's column for a relation through one).
struct load_key {
  std::string parent_column;
  std::string child_column;  // of the target, or of the junction when `through`
  column_kind kind = column_kind::integer;
};
std::optional<load_key> separate_key_of(const model::schema& s, const model::table& parent, const model::relation& r);

// A relation loaded by a statement of its own, in its parent's statement `out` (rows at
// `alias`): a NULL column that keeps its place among the row's keys, and the parent's key
// as a hidden column, each added to the select list by add(expression). Returns the load,
// whose statement the renderer then compiles into its `read`.
compiled_load& add_separate_load(compiled_read& out, const model::schema& s, const model::table& t,
                                 const model::relation& r, const std::string& alias,
                                 const std::function<void(const std::string&)>& add);

// The statement of a separate load, from the pieces a renderer made for alias `alias`:
// `select` its result columns (the key is appended), `from` the target (and junction),
// `joins` what the renderer joins to each row (PostgreSQL's laterals), `conditions` the
// relation's and the load's filters, `order` its ORDER BY. A bounded load (a limit or an
// offset, or a one()) keeps its bounds per parent: ROW_NUMBER() over the parent's rows
// when all keys are bound at once, LIMIT when the statement reads one parent's.
// Returns the SQL; the key's parameter is added to `params` where the text binds it.
struct separate_load_parts {
  std::string alias, select, from, joins, key_expression, order;
  std::vector<std::string> conditions;
  std::optional<std::int64_t> limit, offset;
  bool per_key = false;
  column_kind key_kind = column_kind::integer;
};
// Sets `out`'s sql and key_param (and its per_key_cap, cap_param and bounded_sql when the
// load is bounded in no order).
void separate_load_sql(const separate_load_parts& parts, std::vector<param>& params, compiled_read& out,
                       const sql::dialect& d);
// The LIMIT of a capped load's statement for `keys` keys (compiled_read::per_key_cap):
// one row more than the keys can keep, so that reaching it says rows were cut.
std::int64_t capped_rows_bound(std::size_t keys, std::int64_t per_key_cap);
// Whether a capped load's statement, run for `keys` keys, returned its LIMIT of `rows`
// (false for any other statement).
bool capped_load_was_cut(const compiled_read& statement, std::size_t keys, std::size_t rows);
// A capped load's rows beyond each group's first `per_key_cap` put in no group (none
// when the statement is not capped).
void keep_first_per_group(std::vector<std::size_t>& group_of, std::size_t groups, std::int64_t per_key_cap);
// While active, a capped load's statement runs as its bounded one: the texts and their
// prepared statements' hints swapped in place (the statement is lent under the
// database's lock; a copy would cost each user's unit the copy's code), back at the end.
class bounded_instead {
 public:
  bounded_instead() = default;
  bounded_instead(const bounded_instead&) = delete;
  bounded_instead& operator=(const bounded_instead&) = delete;
  ~bounded_instead();
  void swap_in(compiled_read& statement);
  bool active() const { return statement_ != nullptr; }

 private:
  compiled_read* statement_ = nullptr;
};

// Indices in groups, flat (no list per group: a load's parents and rows are grouped per
// read, and a read of 100 parents would otherwise allocate hundreds of small lists):
// group g's indices are items[first[g] .. first[g + 1]), in their order.
struct index_groups {
  std::vector<std::size_t> items;
  std::vector<std::size_t> first{0};

  std::size_t size() const { return first.size() - 1; }
  std::span<const std::size_t> of(std::size_t g) const { return {items.data() + first[g], first[g + 1] - first[g]}; }
  // From the group of each index (`none`: in no group), of `groups` groups.
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  static index_groups from(const std::vector<std::size_t>& group_of, std::size_t groups);
};

// A load's parents grouped by key: the distinct keys, in the order of their first parent,
// and the parents of each. NULL keys relate to no row and are in no group.
struct key_groups {
  std::vector<param> keys;
  index_groups parents;
  // Key i of `rows`' group, or index_groups::none (a key no parent has, or NULL).
  std::size_t group_of(const load_keys& rows, std::size_t i) const;

  std::unordered_map<std::int64_t, std::size_t> integer_index;  // a key -> its group
  std::unordered_map<std::string_view, std::size_t> text_index;  // views of the parents' keys
};
key_groups group_parents(const load_keys& keys);
// The keys bound to a load's statement as one list (select_in), and a capped load's bound.
void bind_key_list(compiled_read& statement, const std::vector<param>& keys, const sql::dialect& d);

// Each group's rows handed to its parents, assign(parent, the group's row indices, move):
// moved to the last parent of the group, copied to the others (parents that share a one()).
template <class Assign>
void hand_out(const key_groups& groups, const index_groups& rows_of, Assign&& assign) {
  for (std::size_t g = 0; g < groups.parents.size(); ++g) {
    const std::span<const std::size_t> parents = groups.parents.of(g);
    for (std::size_t n = 0; n < parents.size(); ++n) assign(parents[n], rows_of.of(g), n + 1 == parents.size());
  }
}

// A read as the database would run it: the statements, and the lines of the database's
// plan for them (SQLite's EXPLAIN QUERY PLAN details, PostgreSQL's EXPLAIN), in order.
struct explained_read {
  std::vector<std::string> statements;
  std::vector<std::string> plan;
  std::vector<read_level> levels;  // which alias is which level of the read
};

using warning_sink = std::function<void(const std::string&)>;

// The fan-out guard's error: a read found more parents than relation_fan_out_max_keys.
fan_out_error too_many_parents(const std::string& table, std::int64_t limit);

// The one() relations of `t` whose keys are fields of a variant: with_variants loads
// them unless `with` names them already.
std::vector<const model::relation*> variant_relations(const model::schema& s, const model::table& t,
                                                             const find_options& o);

// The top level's limit: loading relations for more parents than the schema allows
// fails fast, so the statement fetches one parent more than relation_fan_out_max_keys
// (and `out` says where the guard fires).
std::optional<std::int64_t> fan_out_bounded(const model::schema& s, const find_options& o, compiled_read& out);

// A many() load's limit: its own, or the schema's default_limit unless the query allows
// full scans.
std::optional<std::int64_t> load_limit(const model::schema& s, const find_options& load,
                                              const find_options& top);

// find_first's row, and find_unique's (which ran with limit 2, to tell one from many).
template <class Row>
std::optional<Row> first_row(std::vector<Row> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}
template <class Row>
std::optional<Row> unique_row(std::vector<Row> rows, const std::string& table) {
  if (rows.size() > 1)
    throw schema_error("find_unique on '" + table + "' matched more than one row; filter on a unique column");
  return first_row(std::move(rows));
}


// (SELECT COUNT(*) FROM target AS alias [JOIN junction] WHERE <tied to the row at
// parent_alias> [AND the relation's where]): the relation's rows of one row, counted.
std::string relation_count(const model::schema& s, const model::table& parent, const std::string& relation,
                           const std::string& parent_alias, const std::string& alias, const std::string& junction,
                           std::vector<param>* params, const sql::dialect& d);

namespace planning {

model::query_options options_of(const model::schema& s, const model::table* t, const find_options& o);

// What a filter names, as the planner reads it: its columns, and the relations it tests
// with some/none/every (each with what its own filter names).
void describe_filter(const std::vector<condition_term>& terms, std::vector<model::written_name>& columns,
                     std::vector<model::query_load>& relations);

// Throws a planner's refusal as its guard's error (unknown_relation_error, depth_error, ...;
// schema_error for the rest), for reads and writes alike.
[[noreturn]] void refuse(const model::query_problem& p);

// Plans the query; warnings go to `warn`, the first refusal is thrown as its guard's error.
// `unique`: the call is a find_unique, whose where must pin a unique key.
void check(const model::schema& s, const model::table& t, const find_options& o, const warning_sink& warn,
                  bool unique);
// The same for a query already described.
void check(const model::schema& s, const model::query& q, const warning_sink& warn);

}  // namespace planning

// The order a read's top rows are read in: the order given; with none, by id when a
// limit or offset cuts them, so that which rows it returns does not depend on the
// database's plan (nor on the strategy, whose statements differ). A load's rows are cut
// per parent in the order it gives; without one, which rows a limit keeps is the plan's.
const std::vector<order>& top_order_of(const find_options& o);

// The ORDER BY of a read or a load: the user's order, then the id, ascending, unless the
// order names it already, so that rows tied on the user's columns come back in one order,
// the same on both backends, and a limit cuts the same rows. An order by a one()
// relation's column ("author.name") reads that column of the related row in a subquery;
// a row with no related row sorts first ascending and last descending, on both backends.
std::string order_clause(const model::schema& s, const model::table& t, const std::string& alias,
                         const std::vector<order>& by, const sql::dialect& d);

}  // namespace orm::runtime
