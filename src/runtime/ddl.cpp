#include <orm/runtime/ddl.hpp>

#include <algorithm>

namespace orm::runtime::ddl {

const char* action(fk_action a) {
  switch (a) {
    case fk_action::restrict: return "RESTRICT";
    case fk_action::cascade: return "CASCADE";
    case fk_action::set_null: return "SET NULL";
    case fk_action::set_default: return "SET DEFAULT";
    default: return "NO ACTION";
  }
}

std::string names(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + sql::identifier(c);
  return out;
}

std::string column_definition(const model::table& t, const model::column& c,
                                     const sql::dialect& d) {
  if (c.implicit) return sql::identifier(c.name) + " " + d.implicit_id;
  std::string out = sql::identifier(c.name) + " " + d.type_name(c.kind);
  if (!c.nullable_in_storage()) out += " NOT NULL";
  if (c.unique && c.variants.empty()) out += " UNIQUE";
  if (c.default_value.kind != value_kind::none) out += " DEFAULT " + d.value_for(c.kind, sql::literal(value_of(c.default_value), d));
  if (c.kind == column_kind::boolean && d.checks_booleans) out += " CHECK (" + sql::identifier(c.name) + " IN (0, 1))";
  for (const auto& d : t.discriminators) {
    if (d.column != c.name) continue;
    std::string values;
    for (int v : d.variants) values += (values.empty() ? "" : ", ") + sql::string_literal(t.variants[static_cast<std::size_t>(v)].name);
    out += " CHECK (" + sql::identifier(c.name) + " IN (" + values + "))";
  }
  return out;
}

std::string references(const model::foreign_key& f) {
  return "REFERENCES " + sql::identifier(f.target_table) + " (" + names(f.target_columns) + ") ON DELETE " +
         action(f.options.on_delete) + " ON UPDATE " + action(f.options.on_update);
}

std::string create_table(const model::table& t, const sql::dialect& d,
                         const std::vector<const model::foreign_key*>& left_out) {
  std::vector<std::string> parts;
  for (const auto& c : t.columns) parts.push_back(column_definition(t, c, d));
  for (const auto& f : t.foreign_keys)
    if (std::find(left_out.begin(), left_out.end(), &f) == left_out.end())
      parts.push_back("FOREIGN KEY (" + names(f.columns) + ") " + references(f));
  for (const auto& k : t.checks)
    parts.push_back("CONSTRAINT " + sql::identifier(k.name) + " CHECK (" +
                    sql::render(condition(k.predicate), t, sql::identifier(t.name), nullptr, d) + ")");
  std::string out = "CREATE TABLE IF NOT EXISTS " + sql::identifier(t.name) + " (";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out + ")";
}

std::string create_index(const model::table& t, const model::index& i, const sql::dialect& d) {
  return std::string("CREATE ") + (i.unique ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " +
         sql::identifier(sql::index_name(t.name, i.name, d)) + " ON " + sql::identifier(t.name) + " (" + names(i.columns) + ")";
}

std::string add_foreign_key(const model::table& t, const model::foreign_key& f) {
  return "ALTER TABLE " + sql::identifier(t.name) + " ADD FOREIGN KEY (" + names(f.columns) + ") " + references(f);
}

}  // namespace orm::runtime::ddl
