#pragma once
// What every backend's connection has, whatever the database: the lock that makes one
// connection safe to share between threads, the count of open transactions, the
// warnings, the row decoder and the models of the constexpr schemas it is used with.
// And the one transaction class: BEGIN ... COMMIT, savepoints inside, on every backend;
// only the statement that begins it is the backend's.
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <orm/runtime/decode.hpp>
#include <orm/runtime/read_cache.hpp>
#include <orm/runtime/transaction_options.hpp>
#include <orm/runtime/write_guard.hpp>

namespace orm::runtime {

class transaction;

class session {
 public:
  session() = default;
  session(const session&) = delete;
  session& operator=(const session&) = delete;
  // Moving is for setup (returning a database from a function): no other thread may be
  // using either side.
  session(session&& other) noexcept;
  session& operator=(session&& other) noexcept;
  virtual ~session();

  // Holds the connection for the calling thread; calls take it themselves.
  std::unique_lock<std::recursive_mutex> hold() const;
  // Runs SQL without parameters (DDL, BEGIN, PRAGMA, SET).
  virtual void exec(const std::string& sql) = 0;
  // Warnings of non-strict schemas (a relation load that no index serves), and the
  // database's own notices.
  const std::vector<std::string>& warnings() const;
  void warn(const std::string& message);
  row_decoder& decoder() { return decoder_; }

  // Whether reads are explained and judged by orm-unindexed-query's rule before they run
  // (sqlite::database::warn_unindexed_reads), and the statements judged so far: each
  // statement is explained once per connection. Used under the lock only.
  struct unindexed_read_watch {
    bool on = false;
    std::set<std::string, std::less<>> judged;
  };
  unindexed_read_watch& unindexed_reads() { return unindexed_reads_; }

  // For tests: called on the reading thread, under the lock, before each statement of a
  // read after its first (a relation loaded by a statement of its own), to change rows
  // from another connection between them.
  void between_read_statements(std::function<void()> hook) { between_read_statements_ = std::move(hook); }
  void reading_next_statement() const {
    if (between_read_statements_) between_read_statements_();
  }

  // The reads this database rendered, one per shape (runtime/read_cache.hpp). Used under
  // the lock only.
  read_cache& reads() { return reads_; }
  // Whether reads of `schema` may be kept: a constexpr schema's model, built by model_of.
  bool keeps_reads_of(const model::schema& schema) const { return models_.owns(&schema); }

  // The model of a constexpr schema, built once per database.
  template <class Schema>
  const model::schema& model_of(const Schema& schema) {
    const auto held = hold();
    return models_.of(schema);
  }

 protected:
  // The statement that begins an outermost transaction with these options.
  virtual std::string begin_statement(const transaction_options& options) const = 0;
  // A notice the database sent since the last call ("" when none), kept as a warning.
  virtual std::string take_notice() const { return {}; }
  // Transactions open on this connection (0: none).
  int depth() const { return depth_; }

 private:
  friend class transaction;

  guarded::model_cache models_;
  read_cache reads_;
  mutable std::vector<std::string> warnings_;  // mutable: notices join them when read
  row_decoder decoder_;
  std::function<void()> between_read_statements_;                        // one parser, reused: used under the lock only
  unindexed_read_watch unindexed_reads_;
  std::unique_ptr<std::recursive_mutex> mutex_ = std::make_unique<std::recursive_mutex>();
  int depth_ = 0;
};

// A transaction: `auto tx = db.transaction(); ...; tx.commit();`. Destroyed without
// commit() (an exception passed), it rolls back. Nested ones are savepoints. It holds the
// connection for its thread while it lives: another thread's calls wait until it ends.
// After a statement inside it fails, PostgreSQL refuses its further statements until
// it rolls back.
class transaction {
 public:
  explicit transaction(session& db, const transaction_options& options = {});
  transaction(transaction&& other) noexcept;
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;
  ~transaction();
  void commit();
  void rollback();

 private:
  void end(const std::string& sql);
  session* db_;
  std::unique_lock<std::recursive_mutex> lock_;
  int depth_ = 0;
};

}  // namespace orm::runtime
