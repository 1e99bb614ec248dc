#include <orm/sqlite/functions.hpp>

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace orm::sqlite::functions {
namespace {

// orm_add(value, amount, 'table.column'): orm::add's sum. SQLite's own + turns an integer
// sum past the int64 range into a rounded real, which an integer column then stores: a
// changed value with no error. This one fails instead, naming the column. NULL stays NULL.
void checked_add(sqlite3_context* context, int, sqlite3_value** args) {
  const int value_type = sqlite3_value_type(args[0]), amount_type = sqlite3_value_type(args[1]);
  if (value_type == SQLITE_NULL || amount_type == SQLITE_NULL) return sqlite3_result_null(context);
  if (value_type == SQLITE_INTEGER && amount_type == SQLITE_INTEGER) {
    std::int64_t sum = 0;
    if (!__builtin_add_overflow(sqlite3_value_int64(args[0]), sqlite3_value_int64(args[1]), &sum))
      return sqlite3_result_int64(context, sum);
    const auto* label = reinterpret_cast<const char*>(sqlite3_value_text(args[2]));
    const std::string message = "orm::add would take '" + std::string(label ? label : "?") + "' (" +
                                std::to_string(sqlite3_value_int64(args[0])) + ") past the int64 range";
    return sqlite3_result_error(context, message.c_str(), static_cast<int>(message.size()));
  }
  sqlite3_result_double(context, sqlite3_value_double(args[0]) + sqlite3_value_double(args[1]));
}

}  // namespace

void register_all(sqlite3* db) {
  sqlite3_create_function_v2(db, "orm_add", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                             &checked_add, nullptr, nullptr, nullptr);
}

}  // namespace orm::sqlite::functions
