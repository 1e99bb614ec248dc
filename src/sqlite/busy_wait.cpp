#include <orm/sqlite/busy_wait.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <thread>

namespace orm::sqlite::busy_detail {

namespace {
// When the current wait began. A connection is used by one thread at a time, and a wait
// starts (count 0) and ends within one statement, so per thread is per wait.
thread_local std::chrono::steady_clock::time_point waiting_since;
}  // namespace

int wait_for_lock(void* timeout_ms, int attempts) {
  using namespace std::chrono;
  const auto now = steady_clock::now();
  if (attempts == 0) waiting_since = now;
  const auto timeout = milliseconds(reinterpret_cast<std::intptr_t>(timeout_ms));
  if (now - waiting_since >= timeout) return 0;  // give up: the statement fails with SQLITE_BUSY
  const auto interval = microseconds(std::min(2000, 50 * (1 + attempts)));
  std::this_thread::sleep_for(std::min<steady_clock::duration>(interval, timeout - (now - waiting_since)));
  return 1;
}

}  // namespace orm::sqlite::busy_detail

namespace orm::sqlite {

void wait_for_locks(sqlite3* db, int timeout_ms) {
  if (timeout_ms <= 0) {
    sqlite3_busy_handler(db, nullptr, nullptr);  // fail at once, as SQLite does by default
    return;
  }
  sqlite3_busy_handler(db, &busy_detail::wait_for_lock, reinterpret_cast<void*>(static_cast<std::intptr_t>(timeout_ms)));
}

}  // namespace orm::sqlite
