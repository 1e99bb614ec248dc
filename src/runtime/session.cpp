#include <orm/runtime/session.hpp>

#include <utility>

namespace orm::runtime {

session::session(session&& other) noexcept
    : models_(std::move(other.models_)), reads_(std::move(other.reads_)), warnings_(std::move(other.warnings_)), decoder_(std::move(other.decoder_)),
      unindexed_reads_(std::move(other.unindexed_reads_)),
      mutex_(std::move(other.mutex_)), depth_(std::exchange(other.depth_, 0)) {}

session& session::operator=(session&& other) noexcept {
  models_ = std::move(other.models_);
  reads_ = std::move(other.reads_);
  warnings_ = std::move(other.warnings_);
  decoder_ = std::move(other.decoder_);
  unindexed_reads_ = std::move(other.unindexed_reads_);
  mutex_ = std::move(other.mutex_);
  depth_ = std::exchange(other.depth_, 0);
  return *this;
}

session::~session() = default;

std::unique_lock<std::recursive_mutex> session::hold() const {
  if (!mutex_) throw error("this database was moved from");
  return std::unique_lock<std::recursive_mutex>(*mutex_);
}

const std::vector<std::string>& session::warnings() const {
  const auto held = hold();
  if (std::string notice = take_notice(); !notice.empty()) warnings_.push_back(std::move(notice));
  return warnings_;
}

void session::warn(const std::string& message) {
  const auto held = hold();
  warnings_.push_back(message);
}

transaction::transaction(session& db, const transaction_options& options) : db_(&db), lock_(db.hold()) {
  refuse_nested_isolation(db.depth_, options);
  depth_ = db.depth_++;
  try {
    db.exec(depth_ == 0 ? db.begin_statement(options) : "SAVEPOINT orm_" + std::to_string(depth_));
  } catch (...) {
    --db.depth_;
    db_ = nullptr;
    throw;
  }
}

transaction::transaction(transaction&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), lock_(std::move(other.lock_)), depth_(other.depth_) {}

transaction::~transaction() {
  if (!db_) return;
  try {
    rollback();
  } catch (...) {
    // A rollback that fails (the connection lost) is done by the database when the
    // connection closes.
  }
}

void transaction::end(const std::string& sql) {
  if (!db_) throw error("this transaction has already ended");
  session& db = *std::exchange(db_, nullptr);
  --db.depth_;
  db.exec(sql);
}

void transaction::commit() { end(depth_ == 0 ? "COMMIT" : "RELEASE orm_" + std::to_string(depth_)); }

void transaction::rollback() {
  end(depth_ == 0 ? "ROLLBACK" : "ROLLBACK TO orm_" + std::to_string(depth_) + "; RELEASE orm_" + std::to_string(depth_));
}

}  // namespace orm::runtime
