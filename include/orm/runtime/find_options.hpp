#pragma once
// What find_many / find_first / find_unique take: columns, where, order_by, limit,
// offset, and nested `with` loads that take the same options.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <orm/load_strategy.hpp>
#include <orm/runtime/condition.hpp>

namespace orm::runtime {

struct order {
  std::string column;
  bool descending = false;
};
order asc(std::string column);
order desc(std::string column);

// Which table columns a row carries; relations loaded with `with` are kept either way.
struct selection {
  enum class mode : unsigned char { all, include, exclude };
  mode how = mode::all;
  std::vector<std::string> names{};

  bool selects(const std::string& column) const {
    const bool listed = std::find(names.begin(), names.end(), column) != names.end();
    return how == mode::all || (how == mode::include ? listed : !listed);
  }
};
template <class... Names>
selection only(const Names&... names) { return {selection::mode::include, {std::string(names)...}}; }
template <class... Names>
selection except(const Names&... names) { return {selection::mode::exclude, {std::string(names)...}}; }
selection no_columns();

struct with_relation;

// The relations a row loads: {{"posts", {.limit = 5}}, {"author", {}}}. A vector whose
// members are defined after with_relation is complete, because with_relation holds
// find_options, which holds this.
class with_list {
 public:
  with_list();
  with_list(std::initializer_list<with_relation> items);
  explicit with_list(std::vector<with_relation> items);
  with_list(const with_list&);
  with_list& operator=(const with_list&);
  ~with_list();

  const with_relation* begin() const;
  const with_relation* end() const;
  bool empty() const { return begin() == end(); }

 private:
  std::vector<with_relation> items_;
};

// Parent rows a read locks until its transaction ends, so that a row read and then
// written back is not changed by another transaction in between: PostgreSQL's FOR UPDATE
// and FOR SHARE (the parent rows only, not the loaded ones). SQLite's write transaction
// (BEGIN IMMEDIATE) already keeps every other writer out: there it adds nothing.
enum class row_lock : unsigned char { none, for_update, for_share };
inline constexpr row_lock for_update = row_lock::for_update;
inline constexpr row_lock for_share = row_lock::for_share;

// A place in a read's order, by value: the order's columns of one row, then its id (which
// breaks ties), as find_page returns it in page::next and page::previous. A row changed or
// deleted since does not move the place.
struct cursor {
  std::vector<std::pair<std::string, param>> values;
};

using orm::load_strategy;

struct find_options {
  selection columns{};
  condition where{};
  std::vector<order> order_by{};
  std::optional<std::int64_t> limit{};
  std::optional<std::int64_t> offset{};
  // Keyset pages (top level only): the rows after, or before, a cursor in this order; rows
  // before it still come back in the order. The order's columns must be NOT NULL ones of
  // the table (orm-cursor-order): a NULL has no place to seek past.
  std::optional<cursor> after{};
  std::optional<cursor> before{};
  with_list with{};
  // Relations whose rows each row counts: {"comments"} reads the row's number of comments
  // as "comments_count" (in a typed row, a field of that name), counted by the database.
  std::vector<std::string> count{};
  // Also load the one() relations whose keys are fields of the row's active variant.
  bool with_variants = false;
  // Query-wide, read from the top level only: loads that no index serves, or that no
  // limit bounds, are allowed (and fan-out is not limited).
  bool allow_full_scan = false;
  int max_depth = 3;
  // Read from the top level only.
  row_lock lock = row_lock::none;
  // On PostgreSQL with read replicas: read from a replica only once it has replayed this
  // database's own writes, else from the primary (replica_options). SQLite has no replicas.
  bool read_your_writes = false;
  // How relations load (orm/load_strategy.hpp): a `with` entry's own strategy, else the
  // call's, else the schema's default, else the backend's rule.
  load_strategy strategy = load_strategy::automatic;
};

// What count() and exists() take: a filter, and bounds on the rows counted ("at most
// 1000": .limit = 1000). No columns, order or loads: a count reads none of them.
struct count_options {
  condition where{};
  std::optional<std::int64_t> limit{};
  std::optional<std::int64_t> offset{};
  // On PostgreSQL with read replicas, as find_options::read_your_writes.
  bool read_your_writes = false;
};

// Column names, one or several: .sum = "total", or .sum = {"total", "tax"}.
struct column_names {
  std::vector<std::string> names;
  column_names() = default;
  column_names(const char* name) : names{name} {}
  column_names(std::string name) : names{std::move(name)} {}
  column_names(std::initializer_list<std::string> list) : names(list) {}
};

// What aggregate() computes (docs/runtime.md, "Aggregates"): over the rows the filter
// selects, per group of rows sharing the group_by columns' values (one row for all of them
// without group_by), the number of rows (.count, read as "count") and the sum, avg, min
// and max of columns (read as "<column>_sum", ...). Groups come back in the order of their
// columns, NULL first, the same on both backends.
struct aggregate_options {
  condition where{};
  column_names group_by{};
  bool count = false;
  column_names sum{};  // integer and real columns; the sum of no rows is 0
  column_names avg{};  // the same, read as a real; NULL (an empty std::optional) of no rows
  column_names min{};  // any column but booleans and bytes, read as its own kind; NULL of no rows
  column_names max{};
  // On PostgreSQL with read replicas, as find_options::read_your_writes.
  bool read_your_writes = false;
};

struct with_relation {
  std::string relation;
  find_options options{};
};

inline with_list::with_list() = default;
inline with_list::with_list(const with_list&) = default;
inline with_list& with_list::operator=(const with_list&) = default;
inline with_list::~with_list() = default;

}  // namespace orm::runtime
