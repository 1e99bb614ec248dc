#pragma once
// RAII over sqlite3 and sqlite3_stmt: prepared statements with bound parameters only.
#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <orm/sqlite/vocabulary.hpp>
#include <orm/runtime/param.hpp>
#include <orm/runtime/statement_hint.hpp>

namespace orm::sqlite {

// One column of the current row, read through its sqlite3_value: one call into SQLite's
// connection mutex for the column, where sqlite3_column_type, _int64, _text and _bytes
// take it once each. SQLite calls such a value unprotected: it is read safely only while
// the caller holds the connection's mutex (connection_lock), as every row loop of
// database.hpp does. Valid until the next step() or reset().
class column_value {
 public:
  explicit column_value(sqlite3_value* v) : v_(v) {}
  // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL.
  int type() const { return sqlite3_value_type(v_); }
  std::int64_t integer() const { return sqlite3_value_int64(v_); }
  double real() const { return sqlite3_value_double(v_); }
  std::string_view text_view() const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v_));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v_))) : std::string_view();
  }
  std::string_view blob_view() const {
    const auto* p = static_cast<const char*>(sqlite3_value_blob(v_));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v_))) : std::string_view();
  }

 private:
  sqlite3_value* v_;
};

// Holds a connection's own mutex (serialized mode; none in the others) for a loop over
// rows: SQLite's calls inside take it again without waiting, and column_value is safe.
class connection_lock {
 public:
  explicit connection_lock(sqlite3* db) : mutex_(sqlite3_db_mutex(db)) { sqlite3_mutex_enter(mutex_); }
  connection_lock(const connection_lock&) = delete;
  connection_lock& operator=(const connection_lock&) = delete;
  ~connection_lock() { sqlite3_mutex_leave(mutex_); }

 private:
  sqlite3_mutex* mutex_;
};

class statement {
 public:
  // Prepared by compiled code (src/sqlite/statement.cpp), as bind() is: neither is on a
  // path that an inline copy in each user's unit would make faster.
  statement(sqlite3* db, const std::string& sql);
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  ~statement() { sqlite3_finalize(stmt_); }

  // Whether the text holds more than this one statement (which alone runs).
  bool more_statements() const { return more_; }
  int parameter_count() const { return sqlite3_bind_parameter_count(stmt_); }
  bool read_only() const { return sqlite3_stmt_readonly(stmt_) != 0; }
  // The result's columns, as the statement names them (AS ...).
  int column_count() const { return sqlite3_column_count(stmt_); }
  std::string_view column_name(int column) const {
    const char* name = sqlite3_column_name(stmt_, column);
    return name ? std::string_view(name) : std::string_view();
  }

  // Binds the statement's first parameters; any left over are NULL, not a value of an
  // earlier use (reset() keeps bindings: clearing them on every use cost a call into
  // SQLite that a statement bound whole does not need).
  void bind(const std::vector<param>& params);
  void bind(int index, const param& v);

  // Ready to run again, with the same bindings but those bound anew (bind() binds them all).
  void reset() { sqlite3_reset(stmt_); }

  // True while there is a row to read.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw sqlite_error(std::string("statement failed: ") + sqlite3_errmsg(db_), rc & 0xff, sqlite3_extended_errcode(db_));
  }

  std::string text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
  }
  // Valid until the next step() or reset(): no copy.
  std::string_view text_view(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string_view();
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL.
  int type(int column) const { return sqlite3_column_type(stmt_, column); }
  bool is_null(int column) const { return type(column) == SQLITE_NULL; }
  // Valid until the next step() or reset(): no copy.
  std::string_view blob_view(int column) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string_view();
  }
  double real(int column) const { return sqlite3_column_double(stmt_, column); }
  // The column as one value (see column_value: under a connection_lock only).
  column_value value(int column) const { return column_value(sqlite3_column_value(stmt_, column)); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  bool more_ = false;
};

// Prepared statements kept per connection, keyed by their SQL: a query's SQL is its shape
// (every value is a bound parameter), so a call of the same shape skips sqlite3_prepare,
// which is most of a small read's cost. A statement is lent to one use at a time.
class statement_cache {
  struct entry {
    std::unique_ptr<statement> prepared;
    bool lent = false;
  };

 public:
  class lease {
   public:
    // A kept statement, given back when the lease ends; or one of its own (`own`), for a
    // text whose kept statement is lent already (a statement run inside another's rows).
    lease(entry* kept, std::unique_ptr<statement> own) : kept_(kept), own_(std::move(own)) {}
    lease(lease&& other) noexcept : kept_(std::exchange(other.kept_, nullptr)), own_(std::move(other.own_)) {}
    lease& operator=(lease&&) = delete;
    ~lease() {
      if (!kept_) return;
      kept_->prepared->reset();
      kept_->lent = false;
    }
    statement* operator->() const { return kept_ ? kept_->prepared.get() : own_.get(); }
    statement& operator*() const { return *operator->(); }

   private:
    entry* kept_;
    std::unique_ptr<statement> own_;
  };

  // One lookup by text per use; no allocation once the text is kept.
  lease take(sqlite3* db, const std::string& sql) { return lend(db, kept(db, sql), sql); }
  // The same, through the hint of where `sql`'s statement was found before: an entry
  // stays where it is until the cache drops entries, which gives it a new generation.
  lease take(sqlite3* db, const std::string& sql, runtime::statement_hint& hint) {
    if (hint.generation != generation_) {
      hint.entry = &kept(db, sql);
      hint.generation = generation_;
    }
    return lend(db, *static_cast<entry*>(hint.entry), sql);
  }
  // Finalizes every statement: before the connection closes.
  void clear() {
    kept_.clear();
    generation_ = next_generation();
  }

 private:
  // The entry of `sql`, its statement prepared when the text is new.
  entry& kept(sqlite3* db, const std::string& sql) {
    if (const auto it = kept_.find(sql); it != kept_.end()) return it->second;
    auto prepared = std::make_unique<statement>(db, sql);
    if (kept_.size() >= most) {  // the cache starts again; a lent statement stays with its lease
      std::erase_if(kept_, [](const auto& e) { return !e.second.lent; });
      generation_ = next_generation();
    }
    entry& e = kept_[sql];  // node-based: the entry stays where it is until erased
    e.prepared = std::move(prepared);
    return e;
  }
  lease lend(sqlite3* db, entry& e, const std::string& sql) {
    if (e.lent) return lease(nullptr, std::make_unique<statement>(db, sql));
    e.lent = true;
    return lease(&e, nullptr);
  }
  // Unique across caches (a hint names the cache it came from by it), never 0.
  static std::uint64_t next_generation() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
  }
  std::uint64_t generation_ = next_generation();
  static constexpr std::size_t most = 256;  // shapes kept; beyond, the cache starts again
  std::unordered_map<std::string, entry> kept_;
};

}  // namespace orm::sqlite
