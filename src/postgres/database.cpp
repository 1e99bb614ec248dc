#include <orm/postgres/database.hpp>

#include <orm/postgres/read_sql.hpp>
#include <orm/runtime/database_impl.hpp>

namespace orm::postgres {

database::database(const std::string& conninfo)
    : connection_(std::make_unique<postgres::connection>(conninfo)),
      replicas_(std::make_unique<replica_set>(replica_options{})) {}

database::database(const std::string& conninfo, replica_options replicas)
    : connection_(std::make_unique<postgres::connection>(conninfo)),
      replicas_(std::make_unique<replica_set>(std::move(replicas))) {}

database::database(database&&) noexcept = default;
database& database::operator=(database&&) noexcept = default;
database::~database() = default;

bool database::retryable(const error& e) {
  const auto* failure = dynamic_cast<const postgres_error*>(&e);
  return failure && (failure->sqlstate == "40001" || failure->sqlstate == "40P01");
}

bool database::statement_lost(const error& e) {
  const auto* failure = dynamic_cast<const postgres_error*>(&e);
  return failure && failure->sqlstate == "26000";
}

std::string database::begin_statement(const transaction_options& options) const {
  static constexpr const char* begin[] = {"BEGIN", "BEGIN ISOLATION LEVEL READ COMMITTED",
                                          "BEGIN ISOLATION LEVEL REPEATABLE READ", "BEGIN ISOLATION LEVEL SERIALIZABLE"};
  return begin[static_cast<int>(options.isolation)];
}

void database::exec(const std::string& sql) {
  const auto held = hold();
  replicas_->primary_wrote();
  connection_->exec(sql);
}

result database::run(const std::string& sql, const std::vector<param>& params) {
  const auto held = hold();
  replicas_->primary_wrote();
  return connection_->run(sql, params);
}

compiled_read database::compile_read(const model::schema& schema, const model::table& table, const find_options& options,
                                     warning_sink warn, bool unique) const {
  return read_compiler(schema, options, std::move(warn), unique, read_compiler::joined_parents_for(connection_->round_trip()))
      .compile(table, options);
}

std::int64_t database::write(const model::schema&, const model::table& t, const runtime::writes::statement_text& text,
                             runtime::writes::answer wanted, std::span<const fields> rows, const condition*) {
  using runtime::writes::answer;
  replicas_->primary_wrote();
  const bool new_id = wanted == answer::new_id;
  const result r = connection_->run(new_id ? text.sql + " RETURNING " + sql::identifier("id") : text.sql, text.params);
  // Rows written with their ids (an update may set one too): the sequence follows.
  wrote_ids(t, rows);
  if (wanted == answer::rows_changed) return r.changed();
  return static_cast<std::int64_t>(std::stoll(std::string(r.text(0, 0))));
}

migration_plan database::introspect(const model::schema& schema) const { return postgres::plan_migration(*connection_, schema); }

void database::wrote_ids(const model::table& t, std::span<const fields> rows) {
  if (std::any_of(rows.begin(), rows.end(), [](const fields& row) { return runtime::writes::field_value(row, "id"); }))
    follow_written_id(t);
}

void database::follow_written_id(const model::table& t) {
  const std::string table = sql::identifier(t.name);
  connection_->run("SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST((SELECT max(\"id\") FROM " + table +
                       "), 1))",
                   {param(table)});
}

void database::read_on(const compiled_read& r, detail::function_ref<void(postgres::connection&)> read) {
  const auto held = hold();
  if (pinned_) {  // a statement of a read in one snapshot (in_read_snapshot)
    read(*pinned_);
    return;
  }
  const bool own_writes = r.read_your_writes || replicas_->options().read_your_writes;
  if (depth() == 0 && !r.locks_rows && !replicas_->empty() &&
      replicas_->run(own_writes, *connection_, read, [this](const std::string& m) { warn(m); }))
    return;
  read(*connection_);
}

}  // namespace orm::postgres

template class orm::runtime::basic_database<orm::postgres::database>;
template class orm::runtime::basic_table_query<orm::postgres::database>;
template void orm::runtime::load_keys::push<orm::postgres::result_row>(const orm::postgres::result_row&, int,
                                                                       orm::column_kind);
