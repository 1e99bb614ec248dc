#pragma once
// How a connection waits for another connection's lock.
//
// SQLite's own busy_timeout sleeps 1, 2, 5, ... then 100 ms between attempts. Its file
// lock is not fair: a process inserting in a loop frees the lock for a few microseconds
// between commits, so a waiter that wakes every 100 ms almost never finds it free and is
// starved until the other process stops (a writer of 1,000 rows on a slow disk outlasts
// the 5 s timeout). Waking often, at first, catches those gaps; the interval then grows
// so that a long wait (another process's open transaction) does not spin.
#include <sqlite3.h>

#include <orm/sqlite/vocabulary.hpp>

namespace orm::sqlite {

namespace busy_detail {
// SQLite's busy handler: sleeps before attempt `attempts` and returns 1, or returns 0 once
// the timeout has passed. Declared for the tests; its clock and sleep stay in src/.
int wait_for_lock(void* timeout_ms, int attempts);
}  // namespace busy_detail

// Makes `db` wait up to `timeout_ms` for a lock held by another connection.
void wait_for_locks(sqlite3* db, int timeout_ms);

}  // namespace orm::sqlite
