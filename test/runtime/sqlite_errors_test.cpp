// SQLite's failures in this program's words: what failed, on which table and column, and
// the way out. SQLite's own text ("FOREIGN KEY constraint failed", "database is locked",
// "attempt to write a readonly database") names none of them.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include <orm/sqlite.hpp>

#include "runtime/temp_dir.hpp"

namespace {
using namespace orm;
using namespace orm::sqlite;

inline constexpr auto posts = table("posts", column("title", text().not_null()));
inline constexpr auto comments =
    table("comments", column("postId", id("posts").not_null().references("posts")), column("body", text()),
          index("by_post").on("postId"));
inline constexpr auto schema = define_schema(tables(posts, comments), {.defaults = {.default_limit = 1000}});

std::string message_of(auto&& call) {
  try {
    call();
  } catch (const error& e) {
    return e.what();
  }
  return "(no error)";
}

#define EXPECT_MENTIONS(text, part) EXPECT_NE((text).find(part), std::string::npos) << "missing '" << (part) << "' in: " << (text)

TEST(SqliteErrors, AForeignKeyFailureOnInsertNamesTheColumnTheValueAndTheTable) {
  database db(":memory:");
  db.migrate(schema);
  const std::string m = message_of([&] { db.insert(schema, "comments", {{"postId", 999}, {"body", "orphan"}}); });
  EXPECT_MENTIONS(m, "FOREIGN KEY");
  EXPECT_MENTIONS(m, "comments.postId");
  EXPECT_MENTIONS(m, "999");
  EXPECT_MENTIONS(m, "posts");
  EXPECT_MENTIONS(m, "insert the posts row first");
  EXPECT_TRUE(db.query(schema, comments).find_many().empty());
}

TEST(SqliteErrors, AForeignKeyFailureOnUpdateNamesTheColumn) {
  database db(":memory:");
  db.migrate(schema);
  const auto post = db.insert(schema, "posts", {{"title", "a"}});
  const auto comment = db.insert(schema, "comments", {{"postId", post}, {"body", "b"}});
  const std::string m = message_of([&] { db.update(schema, "comments", {{"postId", 41}}, eq("id", comment)); });
  EXPECT_MENTIONS(m, "comments.postId");
  EXPECT_MENTIONS(m, "41");
}

TEST(SqliteErrors, ARemoveOfARowStillReferredToNamesTheReferringColumn) {
  database db(":memory:");
  db.migrate(schema);
  const auto post = db.insert(schema, "posts", {{"title", "a"}});
  db.insert(schema, "comments", {{"postId", post}, {"body", "b"}});
  const std::string m = message_of([&] { db.remove(schema, "posts", eq("id", post)); });
  EXPECT_MENTIONS(m, "FOREIGN KEY");
  EXPECT_MENTIONS(m, "comments.postId");
  EXPECT_MENTIONS(m, "on_delete");
  EXPECT_EQ(db.query(schema, posts).find_many().size(), 1u);
}

TEST(SqliteErrors, ALockedDatabaseNamesBusyTimeoutMs) {
  const std::string path = orm::testing::temp_dir::file("errors-locked.db");
  database holder(path);
  holder.migrate(schema);
  auto lock = holder.transaction();  // BEGIN IMMEDIATE: holds the write lock
  database waiter(path, {.busy_timeout_ms = 20});
  const std::string m = message_of([&] { waiter.insert(schema, "posts", {{"title", "late"}}); });
  EXPECT_MENTIONS(m, "locked");
  EXPECT_MENTIONS(m, "busy_timeout_ms");
  EXPECT_MENTIONS(m, "20 ms");
}

// A WAL database in a directory this user cannot write: SQLite needs to create its -wal
// and -shm files there even to read. Run as an unprivileged user (root writes anywhere).
class ReadOnlyDirectory : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = orm::testing::temp_dir::file("read-only-wal");
    std::filesystem::create_directories(dir_);
    path_ = dir_ + "/app.db";
    {
      database db(path_, {.wal = true});
      db.migrate(schema);
      db.insert(schema, "posts", {{"title", "kept"}});
    }
    ASSERT_FALSE(std::filesystem::exists(path_ + "-wal")) << "the last connection to close removes the WAL";
    if (geteuid() == 0) {
      ASSERT_EQ(chown(dir_.c_str(), 65534, 65534), 0) << "cannot give the directory to nobody";
      ASSERT_EQ(chown(path_.c_str(), 65534, 65534), 0);
    }
    ASSERT_EQ(chmod(dir_.c_str(), 0555), 0);
  }
  void TearDown() override {
    chmod(dir_.c_str(), 0755);
    std::filesystem::remove_all(dir_);
  }

  // Runs `read` in a child process as nobody (when this one is root) and returns what it
  // wrote: the error's message, or what it read.
  std::string as_unprivileged(std::string (*read)(const std::string& path)) {
    int out[2];
    if (pipe(out) != 0) return "(no pipe)";
    const pid_t child = fork();
    if (child == 0) {
      close(out[0]);
      if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(3);
      const std::string text = read(path_);
      const ssize_t written = write(out[1], text.data(), text.size());
      _exit(written == static_cast<ssize_t>(text.size()) ? 0 : 4);
    }
    close(out[1]);
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
    close(out[0]);
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the child failed, status " << status;
    return text;
  }

  std::string dir_, path_;
};

std::string read_titles(const std::string& path, const open_options& options) {
  try {
    database db(path, options);
    std::string titles;
    for (const node& p : db.query(schema, posts).find_many()) titles += p["title"].as_text();
    return titles;
  } catch (const std::exception& e) {
    return e.what();
  }
}

TEST_F(ReadOnlyDirectory, AReadSaysWhySQLiteMustWriteAndTheWayOut) {
  const std::string m = as_unprivileged([](const std::string& path) { return read_titles(path, {.read_only = true}); });
  EXPECT_MENTIONS(m, "WAL");
  EXPECT_MENTIONS(m, "app.db-shm");
  EXPECT_MENTIONS(m, "directory");
  EXPECT_MENTIONS(m, "immutable");
}

TEST_F(ReadOnlyDirectory, AnImmutableOpenReadsIt) {
  EXPECT_EQ(as_unprivileged([](const std::string& path) { return read_titles(path, {.read_only = true, .immutable = true}); }),
            "kept");
}

TEST(SqliteErrors, ImmutableIsForReadOnlyDatabasesOnly) {
  const std::string m = message_of([] { database db(":memory:", {.immutable = true}); });
  EXPECT_MENTIONS(m, "immutable");
  EXPECT_MENTIONS(m, "read_only");
}

TEST(SqliteErrors, AnImmutableOpenTakesPathsWithUriCharacters) {
  const std::string path = orm::testing::temp_dir::file("odd ?name#%20.db");
  {
    database db(path);
    db.migrate(schema);
    db.insert(schema, "posts", {{"title", "odd"}});
  }
  EXPECT_EQ(read_titles(path, {.read_only = true, .immutable = true}), "odd");
  EXPECT_FALSE(std::filesystem::exists(orm::testing::temp_dir::file("odd "))) << "the path was cut at '?'";
}

}  // namespace
