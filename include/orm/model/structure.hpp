#pragma once
// The structural rules the peers enforce (kitcn, Drizzle, Prisma, Django's system
// checks, active_record_doctor), decided once for ormlint's checks and the runtime's
// migrate: each problem carries its severity and its message, so both say the same.
// Every rule is one pass over the schema (with hash lookups), so checks stay linear.
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>

namespace orm::model {

struct structure_problem {
  enum class kind : unsigned char {
    relation_is_column,     // relation named like a column of its table
    one_to_non_unique,      // one() whose `to` columns can match many rows
    required_over_nullable, // optional = false over a nullable foreign key
    set_null_on_not_null,   // on delete/update set null on a not_null column
    id_names_other_table,   // id("t") column joining a relation or foreign key to another table
    required_cycle,         // required foreign keys that form a cycle
    redundant_index,        // an index another index (or the key) already serves
  } what;
  bool error = false;
  source_site site;
  std::string message;
  std::vector<std::pair<source_site, std::string>> notes;
  const relation* about_relation = nullptr;
  const table* in_table = nullptr;
  const index* redundant = nullptr;        // redundant_index: the one to remove
  std::vector<std::string> unique_columns;  // one_to_non_unique: a unique index on these fixes it
};

namespace structure {

std::string quoted(const std::string& s);
std::string tuple(const std::vector<std::string>& columns);
std::string qualified(const relation& r);
bool is_primary_key(const std::vector<std::string>& columns);

// Whether `columns` identify at most one row of `t`: the key, a .unique() base column,
// or every column of a unique index, among them.
bool unique_key(const table& t, const std::vector<std::string>& columns);
// The unique keys of `t`, each as its columns: the key, each .unique() base column, each
// unique index.
std::vector<std::vector<std::string>> unique_keys(const table& t);
// Whether `columns` are exactly one of those keys, in any order: what an upsert's ON
// CONFLICT names, which both databases match against one unique index or constraint.
bool is_unique_key(const table& t, const std::vector<std::string>& columns);


}  // namespace structure

std::vector<structure_problem> structure_problems(const schema& s);

}  // namespace orm::model
