#pragma once
// What a transaction may ask of the database, and running one again when the database
// refused it for a conflict with another. One vocabulary for both backends.
#include <type_traits>
#include <string>
#include <utility>

#include <orm/runtime/errors.hpp>

namespace orm::runtime {

// PostgreSQL's isolation levels. SQLite's write transactions (BEGIN IMMEDIATE) are
// serializable whatever is asked: every level is at least as strong there.
enum class isolation_level : unsigned char { database_default, read_committed, repeatable_read, serializable };
inline constexpr isolation_level read_committed = isolation_level::read_committed;
inline constexpr isolation_level repeatable_read = isolation_level::repeatable_read;
inline constexpr isolation_level serializable = isolation_level::serializable;

struct transaction_options {
  // Chosen by the outermost transaction; a nested one (a savepoint) cannot change it.
  isolation_level isolation = isolation_level::database_default;
};

// A savepoint runs at its outer transaction's level: asking for another is a mistake.
void refuse_nested_isolation(int depth, const transaction_options& options);

// Runs `body` inside a transaction of `db` and commits it; when the database refuses it
// because another transaction conflicted (PostgreSQL's serialization failure or
// deadlock; Database::retryable says which errors those are), rolls back and runs it again,
// `attempts` times in all. `body` must do nothing outside the database that it cannot
// do twice. Returns what `body` returns.
template <class Database, class Body>
auto run_transaction(Database& db, transaction_options options, Body&& body, int attempts = 10) {
  for (int attempt = 1;; ++attempt) {
    try {
      auto tx = db.transaction(options);
      if constexpr (std::is_void_v<std::invoke_result_t<Body&>>) {
        body();
        tx.commit();
        return;
      } else {
        auto result = body();
        tx.commit();
        return result;
      }
    } catch (const error& e) {
      if (attempt >= attempts || !Database::retryable(e)) throw;
    }
  }
}

}  // namespace orm::runtime
