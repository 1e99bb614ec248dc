#include <orm/postgres/database.hpp>

namespace orm::postgres {

compiled_read table_query::compile(const find_options& options, bool unique) const {
  const auto held = db_.hold();
  compiled_read read = read_compiler(schema_, options, [this](const std::string& m) { db_.warn(m); }, unique).compile(table_, options);
  read.locks_rows = options.lock != row_lock::none;
  read.read_your_writes = options.read_your_writes;
  return read;
}

std::vector<node> table_query::run(const compiled_read& read) const {
  std::vector<node> rows;
  each_row(read, [&](const result& r, int i) {
    node row = node::object_with_keys(read.decode.row_keys);
    for (std::size_t j = 0; j < read.columns.size(); ++j) {
      const runtime::result_column& c = read.columns[j];
      const int column = static_cast<int>(j);
      if (c.nested < 0) row.add(c.key, column_node(r, i, column, c.kind, table_.name, c.key));
      else if (r.is_null(i, column)) row.add(c.key, node());
      else row.add(c.key, db_.decoder().decode_nested(r.text(i, column), read.decode.nested[static_cast<std::size_t>(c.nested)]));
    }
    if (row.keys() != read.decode.row_keys) read.decode.row_keys = row.keys();
    rows.push_back(std::move(row));
  });
  return rows;
}

std::optional<node> table_query::find_first(find_options options) const {
  options.limit = 1;
  return runtime::first_row(find_many(options));
}

std::optional<node> table_query::find_unique(find_options options) const {
  options.limit = 2;
  return runtime::unique_row(run(compile(options, true)), table_.name);
}

transaction::transaction(database& db, const transaction_options& options) : db_(&db), lock_(db.hold()) {
  runtime::refuse_nested_isolation(db.depth_, options);
  static constexpr const char* begin[] = {"BEGIN", "BEGIN ISOLATION LEVEL READ COMMITTED",
                                          "BEGIN ISOLATION LEVEL REPEATABLE READ", "BEGIN ISOLATION LEVEL SERIALIZABLE"};
  depth_ = db.depth_++;
  try {
    db.exec(depth_ == 0 ? begin[static_cast<int>(options.isolation)] : "SAVEPOINT orm_" + std::to_string(depth_));
  } catch (...) {
    --db.depth_;
    db_ = nullptr;
    throw;
  }
}

void transaction::end(const std::string& sql) {
  if (!db_) throw error("this transaction has already ended");
  database& db = *std::exchange(db_, nullptr);
  --db.depth_;
  db.exec(sql);
}

void transaction::commit() { end(depth_ == 0 ? "COMMIT" : "RELEASE orm_" + std::to_string(depth_)); }

void transaction::rollback() {
  end(depth_ == 0 ? "ROLLBACK" : "ROLLBACK TO orm_" + std::to_string(depth_) + "; RELEASE orm_" + std::to_string(depth_));
}

}  // namespace orm::postgres
