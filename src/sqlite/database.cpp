#include <orm/sqlite/database.hpp>

namespace orm::sqlite {

compiled_read table_query::sql(const find_options& options) const { return compile(options, false); }

compiled_read table_query::compile(const find_options& options, bool unique) const {
  const auto held = db_.hold();
  return read_compiler(schema_, options, [this](const std::string& m) { db_.warn(m); }, unique).compile(table_, options);
}

std::vector<node> table_query::find_many(const find_options& options) const { return run(compile(options, false)); }

transaction::transaction(database& db, const transaction_options& options) : db_(&db), lock_(db.hold()) {
  refuse_nested_isolation(db.depth_, options);
  depth_ = db.depth_++;
  try {
    db.exec(depth_ == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT orm_" + std::to_string(depth_));
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

std::vector<node> table_query::run(const compiled_read& read) const {
  std::vector<node> rows;
  each_row(read, [&](const statement& s) {
    node row = node::object_with_keys(read.decode.row_keys);
    for (std::size_t j = 0; j < read.columns.size(); ++j) {
      const result_column& c = read.columns[j];
      const int i = static_cast<int>(j);
      if (c.nested < 0) row.add(c.key, column_node(s, i, c.kind, table_.name, c.key));
      else if (s.type(i) == SQLITE_NULL) row.add(c.key, node());
      else row.add(c.key, db_.decoder().decode_nested(s.text_view(i), read.decode.nested[static_cast<std::size_t>(c.nested)]));
    }
    if (row.keys() != read.decode.row_keys) read.decode.row_keys = row.keys();
    rows.push_back(std::move(row));
  });
  return rows;
}

std::optional<node> table_query::find_first(find_options options) const {
  options.limit = 1;
  return first_row(find_many(options));
}

std::optional<node> table_query::find_unique(find_options options) const {
  options.limit = 2;
  return unique_row(run(compile(options, true)), table_.name);
}

}  // namespace orm::sqlite
