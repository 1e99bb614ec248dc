#include <orm/sqlite/statement.hpp>

#include <cctype>

namespace orm::sqlite {

statement::statement(sqlite3* db, const std::string& sql) : db_(db) {
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt_, &tail) != SQLITE_OK)
    throw sqlite_error(std::string("cannot prepare statement: ") + sqlite3_errmsg(db) + "\n  " + sql,
                       sqlite3_errcode(db), sqlite3_extended_errcode(db));
  for (; tail && *tail; ++tail)
    if (!std::isspace(static_cast<unsigned char>(*tail)) && *tail != ';') more_ = true;
}

void statement::bind(const std::vector<param>& params) {
  if (static_cast<int>(params.size()) < parameter_count()) sqlite3_clear_bindings(stmt_);
  for (std::size_t i = 0; i < params.size(); ++i) bind(static_cast<int>(i + 1), params[i]);
}
void statement::bind(int index, const param& v) {
  int rc = SQLITE_OK;
  switch (v.type()) {
    case param::kind::null: rc = sqlite3_bind_null(stmt_, index); break;
    case param::kind::boolean:
    case param::kind::integer: rc = sqlite3_bind_int64(stmt_, index, v.integer()); break;
    case param::kind::real: rc = sqlite3_bind_double(stmt_, index, v.real()); break;
    case param::kind::text:
      rc = sqlite3_bind_text64(stmt_, index, v.text().data(), v.text().size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case param::kind::bytes: rc = sqlite3_bind_blob64(stmt_, index, v.text().data(), v.text().size(), SQLITE_TRANSIENT); break;
    case param::kind::add:
    case param::kind::now: throw schema_error("orm::add, orm::sub and orm::now are values of a written column only");
  }
  if (rc != SQLITE_OK) throw sqlite_error(std::string("cannot bind parameter: ") + sqlite3_errmsg(db_), rc);
}

}  // namespace orm::sqlite
