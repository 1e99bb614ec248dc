#include <orm/postgres/migration.hpp>

namespace orm::postgres::migration_detail {

std::optional<existing_table> read_table(connection& c, const std::string& table) {
  const std::vector<runtime::param> name{runtime::param(table)};
  if (c.run("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1", name)
          .rows() == 0)
    return std::nullopt;
  existing_table out;
  const result columns = c.run(
      "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
      "WHERE table_schema = current_schema() AND table_name = $1",
      name);
  for (int i = 0; i < columns.rows(); ++i)
    out.columns[std::string(columns.text(i, 0))] = {std::string(columns.text(i, 1)), columns.text(i, 2) == "NO"};
  // Each index: its name, whether unique, how it was made, its columns in order.
  const result indexes = c.run(
      "SELECT i.relname, ix.indisunique, "
      "CASE WHEN ix.indisprimary THEN 'pk' WHEN k.contype = 'u' THEN 'u' ELSE 'c' END, "
      "array_to_string(ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS n(attnum, position) "
      "JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = n.attnum ORDER BY n.position), chr(31)) "
      "FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid "
      "LEFT JOIN pg_constraint k ON k.conindid = ix.indexrelid AND k.contype IN ('u', 'p') "
      "WHERE ix.indrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident($1))",
      name);
  for (int i = 0; i < indexes.rows(); ++i) {
    std::vector<std::string> names;  // separated by the unit separator, which no column name holds
    for (std::string_view rest = indexes.text(i, 3); !rest.empty();) {
      const std::size_t end = rest.find('\x1f');
      names.emplace_back(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    out.indexes[std::string(indexes.text(i, 0))] = {runtime::migration_detail::index_definition(indexes.text(i, 1) == "t", names),
                                                     std::string(indexes.text(i, 2))};
  }
  return out;
}

}  // namespace orm::postgres::migration_detail

namespace orm::postgres {

migration_plan plan_migration(connection& c, const model::schema& s) {
  return runtime::plan_migration(s, dialect,
                                [&c](const std::string& table) { return migration_detail::read_table(c, table); });
}

}  // namespace orm::postgres
