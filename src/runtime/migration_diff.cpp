#include <orm/runtime/migration_diff.hpp>

namespace orm::runtime::migration_detail {

std::string index_definition(bool unique, const std::vector<std::string>& columns) {
  std::string out = unique ? "UNIQUE (" : "(";
  for (std::size_t i = 0; i < columns.size(); ++i) out += (i ? ", " : "") + columns[i];
  return out + ")";
}

std::string added_column(const model::table& t, const model::column& c, const sql::dialect& d) {
  std::string out = ddl::column_definition(t, c, d);
  for (const auto& f : t.foreign_keys)
    if (f.columns == std::vector<std::string>{c.name}) out += " " + ddl::references(f);
  return out;
}

void plan_table(const model::table& t, const existing_table& found_table, const sql::dialect& d,
                       migration_plan& out) {
  const std::string q = sql::identifier(t.name);
  const auto& existing = found_table.columns;
  for (const model::column& c : t.columns) {
    const auto found = existing.find(c.name);
    const std::string name = "'" + t.name + "." + c.name + "'";
    if (found == existing.end()) {
      if (c.unique && c.variants.empty() && !d.adds_unique_columns)
        out.refusals.push_back("new column " + name + " is unique, which SQLite cannot add to a table: add it without "
                               ".unique() and with a unique index, or rebuild the table by hand");
      else if (!c.nullable_in_storage() && c.default_value.kind == value_kind::none)
        out.refusals.push_back("new column " + name + " is not_null without a default, so the rows already there "
                               "would break it: give it a default, or make it nullable");
      else
        out.statements.push_back("ALTER TABLE " + q + " ADD COLUMN " + added_column(t, c, d));
      continue;
    }
    if (c.implicit) continue;
    const std::string type = d.type_name(c.kind);
    if (found->second.type != type)
      out.refusals.push_back("column " + name + " is " + found->second.type + " in the database and " + type +
                             " in the schema: migrate does not change a column's type; copy the data into a new "
                             "column, or rebuild the table by hand");
    else if (found->second.not_null != !c.nullable_in_storage())
      out.refusals.push_back("column " + name + (found->second.not_null ? " is NOT NULL in the database but nullable"
                                                                        : " is nullable in the database but not_null") +
                             " in the schema: migrate does not change constraints of existing columns; rebuild the "
                             "table by hand");
  }
  for (const auto& [column, _] : existing)
    if (!t.find_column(column))
      out.refusals.push_back("column '" + t.name + "." + column + "' is in the database but not in the schema (dropped "
                             "or renamed?): migrate never drops data; add it back to the schema, or drop or rename it "
                             "by hand (ALTER TABLE " + q + " DROP COLUMN / RENAME COLUMN)");

  const auto& indexes = found_table.indexes;
  // A .unique() added to or taken from an existing column is a constraint change.
  for (const model::column& c : t.columns) {
    if (c.implicit || !c.variants.empty() || existing.find(c.name) == existing.end()) continue;
    const bool constrained = std::any_of(indexes.begin(), indexes.end(), [&](const auto& i) {
      return i.second.origin == "u" && i.second.definition == index_definition(true, {c.name});
    });
    if (constrained != c.unique)
      out.refusals.push_back("column '" + t.name + "." + c.name + "' is " + (constrained ? "" : "not ") +
                             "unique in the database but " + (c.unique ? "" : "not ") +
                             "in the schema: migrate does not change constraints of existing columns; use a unique "
                             "index instead of .unique(), or rebuild the table by hand");
  }
  // Indexes by their names in the database (sql::index_name: PostgreSQL's are shortened).
  const std::string own_prefix = t.name + ".";
  const auto name_of = [&](const model::index& i) { return sql::index_name(t.name, i.name, d); };
  for (const model::index& i : t.indexes) {
    const auto found = indexes.find(name_of(i));
    if (found == indexes.end()) {
      out.statements.push_back(ddl::create_index(t, i, d));
    } else if (found->second.definition != index_definition(i.unique, i.columns)) {
      out.statements.push_back("DROP INDEX " + sql::identifier(found->first));  // an index holds no data
      out.statements.push_back(ddl::create_index(t, i, d));
    }
  }
  for (const auto& [name, index] : indexes)
    if (index.origin == "c" && name.starts_with(own_prefix) &&
        std::none_of(t.indexes.begin(), t.indexes.end(), [&](const model::index& i) { return name_of(i) == name; }))
      out.statements.push_back("DROP INDEX " + sql::identifier(name));
}

}  // namespace orm::runtime::migration_detail

namespace orm::runtime {

void refuse_broken_schema(const model::schema& schema) {
  const auto refusals = model::schema_refusals(schema);
  if (refusals.empty()) return;
  std::string message = "the schema cannot be migrated: " + refusals.front();
  for (std::size_t i = 1; i < refusals.size(); ++i) message += "\n  and: " + refusals[i];
  throw schema_error(message);
}

void refuse_differences(const migration_plan& plan) {
  if (plan.refusals.empty()) return;
  std::string message = "migrate refuses to change the database; it found " + std::to_string(plan.refusals.size()) +
                        (plan.refusals.size() == 1 ? " difference" : " differences") + " it does not make:";
  for (const std::string& r : plan.refusals) message += "\n  - " + r;
  throw schema_error(message);
}

migration_plan plan_migration(
    const model::schema& s, const sql::dialect& d,
    const std::function<std::optional<migration_detail::existing_table>(const std::string&)>& read_table) {
  migration_plan out;
  std::vector<const model::table*> created;
  for (const model::table& t : s.tables) {
    if (const auto existing = read_table(t.name)) migration_detail::plan_table(t, *existing, d, out);
    else created.push_back(&t);
  }
  // New tables, each after the new tables its foreign keys name, where the database needs
  // that (a schema may list a table before the one it references); keys that close a
  // cycle are added once every table exists.
  std::vector<std::string> added_keys;
  while (!created.empty()) {
    const auto waits_for = [&](const model::table& t, const model::foreign_key& f) {
      return f.target_table != t.name && std::any_of(created.begin(), created.end(), [&](const model::table* other) {
               return other->name == f.target_table;
             });
    };
    const auto ready = std::find_if(created.begin(), created.end(), [&](const model::table* t) {
      return d.references_later_tables ||
             std::none_of(t->foreign_keys.begin(), t->foreign_keys.end(), [&](const auto& f) { return waits_for(*t, f); });
    });
    const model::table& t = **(ready == created.end() ? created.begin() : ready);  // none ready: a cycle
    std::vector<const model::foreign_key*> later;
    if (!d.references_later_tables)
      for (const model::foreign_key& f : t.foreign_keys)
        if (waits_for(t, f)) {
          later.push_back(&f);
          added_keys.push_back(ddl::add_foreign_key(t, f));
        }
    out.statements.push_back(ddl::create_table(t, d, later));
    for (const model::index& i : t.indexes) out.statements.push_back(ddl::create_index(t, i, d));
    created.erase(std::find(created.begin(), created.end(), &t));
  }
  out.statements.insert(out.statements.end(), added_keys.begin(), added_keys.end());
  return out;
}

}  // namespace orm::runtime
