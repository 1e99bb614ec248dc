// One database shared by threads, two processes writing one file, transactions that roll
// back when an exception passes, nested savepoints, a movable database, read-only opening.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include <orm/sqlite.hpp>

#include "runtime/temp_dir.hpp"

namespace {
using namespace orm;
using namespace orm::sqlite;

inline constexpr auto notes = table("notes", column("body", text().not_null()), column("writer", integer()));
inline constexpr auto schema = define_schema(tables(notes), {.defaults = {.default_limit = 100000}});

std::int64_t count(database& db) { return static_cast<std::int64_t>(db.query(schema, notes).find_many().size()); }

std::string temporary_file(const char* name) {
  return orm::testing::temp_dir::file(std::string(name) + ".db");
}

TEST(Transactions, AnExceptionRollsBackAndLeavesTheConnectionUsable) {
  database db(":memory:");
  db.migrate(schema);
  try {
    auto tx = db.transaction();
    db.insert(schema, "notes", {{"body", "lost"}});
    throw std::runtime_error("the caller fails");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(count(db), 0);
  {
    auto tx = db.transaction();  // BEGIN works again
    db.insert(schema, "notes", {{"body", "kept"}});
    tx.commit();
  }
  db.migrate(schema);  // and so does migrate's own transaction
  EXPECT_EQ(count(db), 1);
}

TEST(Transactions, NestedOnesAreSavepoints) {
  database db(":memory:");
  db.migrate(schema);
  auto outer = db.transaction();
  db.insert(schema, "notes", {{"body", "outer"}});
  {
    auto inner = db.transaction();
    db.insert(schema, "notes", {{"body", "inner"}});
  }  // rolled back alone
  {
    auto inner = db.transaction();
    db.insert(schema, "notes", {{"body", "inner kept"}});
    inner.commit();
  }
  outer.commit();
  const auto rows = db.query(schema, notes).find_many({.order_by = {asc("id")}});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1]["body"].as_text(), "inner kept");
  EXPECT_THROW(outer.commit(), error);  // already ended
}

TEST(Database, IsMovable) {
  auto open = [] {
    database db(":memory:");
    db.migrate(schema);
    db.insert(schema, "notes", {{"body", "moved"}});
    return db;
  };
  database db = open();
  EXPECT_EQ(count(db), 1);
  database other(":memory:");
  other = std::move(db);
  EXPECT_EQ(count(other), 1);
}

TEST(Database, SharedByThreads) {
  database db(":memory:");
  db.migrate(schema);
  constexpr int per_thread = 300;
  std::vector<std::thread> threads;
  for (int writer = 0; writer < 4; ++writer)
    threads.emplace_back([&, writer] {
      for (int i = 0; i < per_thread; ++i) {
        db.insert(schema, "notes", {{"body", "n" + std::to_string(i)}, {"writer", writer}});
        const auto mine = db.query(schema, notes).find_many({.where = eq("writer", writer)});
        ASSERT_EQ(static_cast<int>(mine.size()), i + 1);
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(count(db), 4 * per_thread);
}

// Two processes, each with its own connection, writing one file: none loses a row.
// SQLite's lock is not fair, so a writer may wait as long as the other one's whole loop
// (seconds on a slow disk): the timeout is set above that, as docs/runtime.md advises.
void two_writers(open_options options) {
  options.busy_timeout_ms = 60000;
  const std::string path = temporary_file(options.wal ? "orm-two-writers-wal" : "orm-two-writers");
  {
    database db(path, options);
    db.migrate(schema);
  }
  constexpr int rows = 1000;
  std::vector<pid_t> children;
  for (int writer = 0; writer < 2; ++writer) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int status = 0;
      try {
        database db(path, options);
        for (int i = 0; i < rows; ++i) db.insert(schema, "notes", {{"body", "x"}, {"writer", writer}});
      } catch (const std::exception& e) {
        std::fprintf(stderr, "writer %d: %s\n", writer, e.what());
        status = 1;
      }
      std::_Exit(status);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a writer failed";
  }
  database db(path);
  EXPECT_EQ(count(db), 2 * rows);
  std::filesystem::remove(path);
}

// warn_unindexed_reads() on a database shared by threads: each statement is judged once,
// whichever thread runs it first, and the warnings are whole (run under TSan too).
TEST(Database, SharedByThreadsJudgesEachUnindexedReadOnce) {
  database db(":memory:");
  db.migrate(schema);
  for (int i = 0; i < 20; ++i) db.insert(schema, "notes", {{"body", "b" + std::to_string(i)}, {"writer", i % 4}});
  db.warn_unindexed_reads();
  const std::size_t before = db.warnings().size();
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t)
    readers.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        db.query(schema, notes).find_many({.where = eq("writer", (t + i) % 4)});  // unindexed: one statement
        db.query(schema, notes).find_many({.where = eq("id", i + 1)});            // the key: never warned
      }
    });
  for (auto& r : readers) r.join();
  ASSERT_EQ(db.warnings().size(), before + 1);
  EXPECT_NE(db.warnings().back().find("filters 'notes' by (writer)"), std::string::npos);
}

TEST(Database, TwoProcessesWritingOneFileLoseNothing) { two_writers({}); }
TEST(Database, TwoProcessesWritingOneFileInWalMode) { two_writers({.wal = true}); }

// The runtime's own lock wait (busy_wait.hpp) keeps busy_timeout_ms's meaning, tested by
// what happens, never by the clock (bench/ measures the wait's timing): with 0 a locked
// write fails at once; with a timeout and the lock never freed, it fails; with a lock
// freed while it waits, it goes through.
TEST(Database, ALockedWriteFailsWithoutTimeoutAndWaitsForAFreedLock) {
  const std::string path = temporary_file("orm-busy-timeout");
  {
    database setup(path);
    setup.migrate(schema);
  }
  {
    database holder(path);
    auto lock = holder.transaction();  // BEGIN IMMEDIATE: holds the write lock
    for (const int timeout_ms : {0, 50}) {
      database waiter(path, {.busy_timeout_ms = timeout_ms});
      try {
        waiter.insert(schema, "notes", {{"body", "late"}});
        ADD_FAILURE() << "a write went through a held lock, busy_timeout_ms " << timeout_ms;
      } catch (const sqlite_error& e) {
        EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos) << e.what();
      }
    }
  }
  // The lock is freed only once the waiter is known to be waiting: its busy handler, the
  // runtime's own, is wrapped to say so the first time it is called.
  struct waiting {
    std::promise<void> started;
    bool said = false;
    static int handler(void* self, int attempts) {
      auto* w = static_cast<waiting*>(self);
      if (!std::exchange(w->said, true)) w->started.set_value();
      return orm::sqlite::busy_detail::wait_for_lock(reinterpret_cast<void*>(std::intptr_t{600000}), attempts);
    }
  } wait;
  database holder(path);
  auto lock = holder.transaction();
  holder.insert(schema, "notes", {{"body", "held"}});
  database waiter(path, {.busy_timeout_ms = 600000});
  sqlite3_busy_handler(waiter.handle(), &waiting::handler, &wait);
  std::thread writer([&] { waiter.insert(schema, "notes", {{"body", "after the lock"}}); });
  wait.started.get_future().wait();  // the writer is waiting for the lock
  lock.commit();
  writer.join();
  EXPECT_EQ(count(holder), 2);
  std::filesystem::remove(path);
}

TEST(Database, ReadOnlyRefusesWrites) {
  const std::string path = temporary_file("orm-read-only");
  {
    database db(path);
    db.migrate(schema);
  }
  database db(path, {.read_only = true});
  EXPECT_EQ(count(db), 0);
  try {
    db.insert(schema, "notes", {{"body", "x"}});
    FAIL() << "a read-only database took a write";
  } catch (const sqlite_error& e) {
    EXPECT_NE(std::string(e.what()).find("readonly"), std::string::npos) << e.what();
  }
  std::filesystem::remove(path);
}

}  // namespace
