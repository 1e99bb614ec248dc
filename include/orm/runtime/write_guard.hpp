#pragma once
// What both backends do before a write runs, and the schema models they keep: a write is
// planned on the schema model (model/write_plan.hpp), as ormlint plans it at the call
// site, and the first problem is thrown as its guard's error.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <orm/model/build.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/model/write_plan.hpp>
#include <orm/runtime/condition.hpp>
#include <orm/runtime/errors.hpp>
#include <orm/runtime/param.hpp>

namespace orm::runtime {

// Options of an update or remove.
struct write_options {
  bool allow_full_scan = false;  // allow an empty where, which changes every row
};

// Options of an upsert: insert the row, or, when it conflicts with a stored row on the
// unique key `on`, change that row instead (docs/runtime.md, "Upsert").
struct upsert_options {
  std::vector<std::string> on = {};  // exactly the columns of a unique key: the id, a .unique() column, a unique index
  std::optional<fields> update = std::nullopt;  // what the stored row is set to; by default the row's fields
                                               // but the key's; an empty list leaves it as it is
};

namespace guarded {

// A field as the planner reads it: every kind and text value is known at run time.
model::written_field field_of(const std::string& name, const param& value);

// Plans the write; the first problem is thrown. Returns the table.
const model::table& planned_write(const model::schema& schema, model::write::kind what, const std::string& table,
                                         const fields& row, const condition* where, write_options options);

const model::table& planned_upsert(const model::schema& schema, const std::string& table, const fields& row,
                                   const upsert_options& options);

// Whether rows `a` and `b` of `t` are planned alike, so that a batch plans one of them for
// both: the same columns in the same order, values of the same kinds, the same variants.
bool planned_alike(const model::table& t, const fields& a, const fields& b);

const model::table& table_of(const model::schema& schema, const std::string& name);

// The schema model of each constexpr schema a database is used with, built once.
class model_cache {
 public:
  template <class Schema>
  const model::schema& of(const Schema& schema) {
    return of_pools(static_cast<const void*>(&schema), model::pools_of(schema));
  }
  // Whether `s` is one of these models: built once, it cannot change while the database lives.
  bool owns(const model::schema* s) const {
    for (const auto& [from, model] : models_)
      if (model.get() == s) return true;
    return false;
  }

 private:
  // Out of line (src/runtime/write_guard.cpp): a model is built, kept and destroyed in the
  // library, so a unit that names a schema compiles none of the model's destructors.
  const model::schema& of_pools(const void* key, const model::schema_pools_view& pools);

  std::map<const void*, std::unique_ptr<model::schema>> models_;
};

}  // namespace guarded

}  // namespace orm::runtime
