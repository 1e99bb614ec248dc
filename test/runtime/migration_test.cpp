// migrate looks at the database (a SQLite file, a PostgreSQL schema): it adds what the
// schema gained, refuses every other difference before writing anything, and a killed
// migration leaves the old schema whole.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "runtime/backend.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;

namespace v1 {
inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto schema = define_schema(tables(users));
}  // namespace v1
namespace v2 {  // gains a nullable column, a column with a default, and an index on the new column
inline constexpr auto users = table("users", column("name", text().not_null()), column("email", text()),
                                    column("active", boolean().not_null().default_value(true)), index("by_email").on("email"));
inline constexpr auto schema = define_schema(tables(users));
}  // namespace v2
namespace renamed {  // name became fullName
inline constexpr auto users = table("users", column("fullName", text().not_null()));
inline constexpr auto schema = define_schema(tables(users));
}  // namespace renamed
namespace unique_name {  // name became unique, and a required column without a default came
inline constexpr auto users = table("users", column("name", text().not_null().unique()), column("age", integer().not_null()));
inline constexpr auto schema = define_schema(tables(users));
}  // namespace unique_name

class Migration : public ::testing::Test {
 protected:
  void SetUp() override {
    path = "orm_migration_" + std::to_string(::getpid());
    backend::forget(path);
    auto db = backend::open_at(path);
    db.migrate(v1::schema);
    db.insert(v1::schema, "users", {{"name", "Ann"}});
  }
  void TearDown() override { backend::forget(path); }
  std::string path;  // where the database is kept between connections
};

TEST_F(Migration, AddsColumnsAndIndexesTheSchemaGained) {
  auto db = backend::open_at(path);
  db.migrate(v2::schema);
  db.insert(v2::schema, "users", {{"name", "Bob"}, {"email", "bob@example.com"}});
  const auto rows = db.query(v2::schema, v2::users).find_many({.order_by = {asc("id")}});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0]["email"].is_null());
  EXPECT_TRUE(rows[0]["active"].as_boolean());  // the default filled the old row
  EXPECT_EQ(rows[1]["email"].as_text(), "bob@example.com");
  EXPECT_TRUE(db.plan_migration(v2::schema).statements.empty());  // nothing left to do
}

TEST_F(Migration, PlanShowsTheStatementsWithoutRunningThem) {
  auto db = backend::open_at(path);
  const migration_plan plan = db.plan_migration(v2::schema);
  EXPECT_TRUE(plan.refusals.empty());
  ASSERT_EQ(plan.statements.size(), 3u);
  EXPECT_EQ(plan.statements[0], std::string("ALTER TABLE \"users\" ADD COLUMN \"email\" ") + (backend::is_postgres ? "text" : "TEXT"));
  EXPECT_EQ(plan.statements[2], "CREATE INDEX IF NOT EXISTS \"users.by_email\" ON \"users\" (\"email\")");
  EXPECT_THROW(db.insert(v2::schema, "users", {{"name", "x"}, {"email", "y"}}), backend::driver_error);  // not applied
}

TEST_F(Migration, RefusesARenamedColumnBeforeWritingAnything) {
  auto db = backend::open_at(path);
  try {
    db.migrate(renamed::schema);
    FAIL() << "a renamed column was migrated";
  } catch (const schema_error& e) {
    EXPECT_NE(std::string(e.what()).find("migrate refuses to change the database; it found 2 differences"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("column 'users.name' is in the database but not in the schema (dropped or "
                                         "renamed?)"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(db.plan_migration(v1::schema).statements.size(), 0u);  // fullName was not added
  EXPECT_EQ(db.query(v1::schema, v1::users).find_many().size(), 1u);
}

TEST_F(Migration, RefusesConstraintChangesAndRequiredColumnsWithoutDefault) {
  auto db = backend::open_at(path);
  const migration_plan plan = db.plan_migration(unique_name::schema);
  ASSERT_EQ(plan.refusals.size(), 2u);
  EXPECT_NE(plan.refusals[0].find("'users.age' is not_null without a default"), std::string::npos) << plan.refusals[0];
  EXPECT_NE(plan.refusals[1].find("column 'users.name' is not unique in the database but in the schema"), std::string::npos)
      << plan.refusals[1];
  EXPECT_THROW(db.migrate(unique_name::schema), schema_error);
}

// An index whose columns changed is made again on its new columns; one the schema no
// longer has is dropped (indexes hold no data: docs/runtime.md, "Migrations").
namespace indexed {
inline constexpr auto users = table("users", column("name", text().not_null()), column("email", text()),
                                    index("by_name").on("name"), index("by_email").on("email"));
inline constexpr auto schema = define_schema(tables(users));
}  // namespace indexed
namespace reindexed {  // by_name now covers (name, email); by_email is gone
inline constexpr auto users = table("users", column("name", text().not_null()), column("email", text()),
                                    index("by_name").on("name", "email"));
inline constexpr auto schema = define_schema(tables(users));
}  // namespace reindexed

std::string index_columns(backend::database& db, const std::string& index) {
  if (backend::is_postgres)
    return backend::scalar(db, "SELECT coalesce(string_agg(a.attname, ',' ORDER BY k.n), '') FROM pg_index i JOIN pg_class c "
                               "ON c.oid = i.indexrelid CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) "
                               "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE c.relname = '" +
                                   index + "' AND c.relnamespace = current_schema()::regnamespace");
  return backend::scalar(db, "SELECT coalesce(group_concat(name, ','), '') FROM (SELECT name FROM pragma_index_info('" +
                                 index + "') ORDER BY seqno)");
}

TEST_F(Migration, RebuildsAnIndexWhoseColumnsChangedAndDropsARemovedOne) {
  auto db = backend::open_at(path);
  db.migrate(indexed::schema);
  EXPECT_EQ(index_columns(db, "users.by_name"), "name");
  EXPECT_EQ(index_columns(db, "users.by_email"), "email");
  db.migrate(reindexed::schema);
  EXPECT_EQ(index_columns(db, "users.by_name"), "name,email");
  EXPECT_EQ(index_columns(db, "users.by_email"), "");
  EXPECT_TRUE(db.plan_migration(reindexed::schema).statements.empty());
  EXPECT_EQ(db.query(reindexed::schema, reindexed::users).find_many().size(), 1u);  // the data stayed
}

// A changed type and a column that became NOT NULL are refused, each named, before
// anything is written; so is a new column declared unique on SQLite, which cannot add one.
namespace retyped {
inline constexpr auto users = table("users", column("name", integer().not_null()));
inline constexpr auto schema = define_schema(tables(users));
}  // namespace retyped
namespace tightened {  // v2 with email NOT NULL
inline constexpr auto users = table("users", column("name", text().not_null()), column("email", text().not_null()),
                                    column("active", boolean().not_null().default_value(true)), index("by_email").on("email"));
inline constexpr auto schema = define_schema(tables(users));
}  // namespace tightened
namespace new_unique {  // v2 with a new unique column
inline constexpr auto users = table("users", column("name", text().not_null()), column("email", text()),
                                    column("active", boolean().not_null().default_value(true)), column("code", text().unique()),
                                    index("by_email").on("email"));
inline constexpr auto schema = define_schema(tables(users));
}  // namespace new_unique

TEST_F(Migration, RefusesATypeChangeANotNullChangeAndANewUniqueColumn) {
  auto db = backend::open_at(path);
  const auto refused = [&](const auto& schema, const std::string& words) {
    const migration_plan plan = db.plan_migration(schema);
    std::string all;
    for (const auto& r : plan.refusals) all += r + "\n";
    EXPECT_NE(all.find(words), std::string::npos) << all;
    EXPECT_THROW(db.migrate(schema), schema_error);
  };
  refused(retyped::schema, "users.name");
  db.migrate(v2::schema);  // email, nullable
  refused(tightened::schema, "users.email");
  if (!backend::is_postgres) refused(new_unique::schema, "users.code");  // SQLite cannot add a UNIQUE column
  EXPECT_TRUE(db.plan_migration(v2::schema).statements.empty());  // the refused ones wrote nothing
  EXPECT_EQ(db.query(v2::schema, v2::users).find_many().size(), 1u);
  if (backend::is_postgres) {  // PostgreSQL adds it, unique
    db.migrate(new_unique::schema);
    db.insert(new_unique::schema, "users", {{"name", "a"}, {"code", "same"}});
    EXPECT_THROW(db.insert(new_unique::schema, "users", {{"name", "b"}, {"code", "same"}}), backend::driver_error);
  }
}

// migrate inside the caller's transaction is a savepoint of it: rolled back with it.
TEST_F(Migration, InsideTheCallersTransactionItRollsBackWithIt) {
  auto db = backend::open_at(path);
  {
    auto tx = db.transaction();
    db.migrate(v2::schema);
    db.insert(v2::schema, "users", {{"name", "Bob"}, {"email", "b@x"}});
    tx.rollback();
  }
  EXPECT_EQ(db.plan_migration(v2::schema).statements.size(), 3u);  // the columns and the index are gone again
  {
    auto tx = db.transaction();
    db.migrate(v2::schema);
    tx.commit();
  }
  EXPECT_TRUE(db.plan_migration(v2::schema).statements.empty());
}

// Index names longer than PostgreSQL keeps (63 bytes, with the table's name before them):
// the server cut them, migrate no longer found them, dropped the cut one and made it
// again on every second run. Two that differ only past the cut stay two.
namespace long_names {
inline constexpr auto users = table(
    "users", column("name", text().not_null()), column("email", text()),
    index("by_name_and_then_a_very_long_description_of_why_this_index_exists_one").on("name"),
    index("by_name_and_then_a_very_long_description_of_why_this_index_exists_two").on("name", "email"));
inline constexpr auto schema = define_schema(tables(users));
}  // namespace long_names

TEST_F(Migration, IndexNamesLongerThanTheDatabaseKeepsAreStable) {
  auto db = backend::open_at(path);
  db.migrate(long_names::schema);
  for (int run = 0; run < 3; ++run) {
    EXPECT_TRUE(db.plan_migration(long_names::schema).statements.empty()) << "run " << run;
    db.migrate(long_names::schema);
  }
  const std::string count = backend::is_postgres
      ? "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'users' AND indexname LIKE 'users.by_name%'"
      : "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'users.by_name%'";
  EXPECT_EQ(backend::scalar(db, count), "2");
  if constexpr (backend::is_postgres) {
    // Each within 63 bytes: its readable start, then a hash of the whole name.
    EXPECT_EQ(backend::scalar(db, "SELECT max(octet_length(indexname)) FROM pg_indexes WHERE schemaname = current_schema()"),
              "63");
  }
}

// A migration killed halfway, right after its first DDL statement: the next open rolls it
// back (SQLite's journal; PostgreSQL rolls back a transaction whose client is gone),
// leaving the old schema whole.
namespace big {
inline constexpr auto users = table("users", column("name", text().not_null()), column("email", text()),
                                    index("by_name").on("name"), index("by_email").on("email"),
                                    index("by_both").on("name", "email"));
inline constexpr auto schema = define_schema(tables(users));
}  // namespace big

// Kills this process the moment a DDL statement of `db` has finished. SQLite traces each
// statement as it starts, and the second DDL statement starts when the first has
// finished; PostgreSQL sends the notice of an event trigger at the end of each DDL command.
void die_after_first_ddl(backend::database& db) {
#ifdef ORM_TEST_POSTGRES
  PQsetNoticeProcessor(
      db.connection().handle(),
      [](void*, const char* message) {
        if (std::strstr(message, "orm-test: ddl done")) ::raise(SIGKILL);
      },
      nullptr);
#else
  static int ddl_started = 0;
  sqlite3_trace_v2(
      db.handle(), SQLITE_TRACE_STMT,
      [](unsigned, void*, void*, void* sql) {
        const std::string_view text(static_cast<const char*>(sql));
        if ((text.starts_with("ALTER") || text.starts_with("CREATE")) && ++ddl_started == 2) ::raise(SIGKILL);
        return 0;
      },
      nullptr);
#endif
}

TEST_F(Migration, AKilledMigrationLeavesTheOldSchemaWhole) {
  constexpr int rows = 100;
  {
    auto db = backend::open_at(path);
    auto tx = db.transaction();
    for (int i = 0; i < rows; ++i) db.insert(v1::schema, "users", {{"name", "user" + std::to_string(i)}});
    tx.commit();
    if constexpr (backend::is_postgres)
      db.exec("CREATE OR REPLACE FUNCTION orm_test_ddl_done() RETURNS event_trigger LANGUAGE plpgsql AS "
              "$$ BEGIN RAISE NOTICE 'orm-test: ddl done'; END $$; "
              "DROP EVENT TRIGGER IF EXISTS orm_test_ddl_done; "
              "CREATE EVENT TRIGGER orm_test_ddl_done ON ddl_command_end EXECUTE FUNCTION orm_test_ddl_done()");
  }
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto db = backend::open_at(path);
    die_after_first_ddl(db);
    db.migrate(big::schema);
    std::_Exit(3);  // the migration finished: it was never stopped
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the child was not killed inside the migration";

  auto db = backend::open_at(path);
  if constexpr (backend::is_postgres) db.exec("DROP EVENT TRIGGER orm_test_ddl_done");
  const migration_plan left = db.plan_migration(big::schema);
  EXPECT_EQ(left.statements.size(), 4u) << "not the old schema: the column and the three indexes should be missing";
  EXPECT_EQ(db.query(v1::schema, v1::users).find_many({.allow_full_scan = true}).size(), static_cast<std::size_t>(rows) + 1);
  if constexpr (!backend::is_postgres) {
    EXPECT_EQ(backend::scalar(db, "PRAGMA integrity_check"), "ok");
  }
  db.migrate(big::schema);  // and it can be migrated now
  EXPECT_TRUE(db.plan_migration(big::schema).statements.empty());
}

// Tables listed before the tables their keys name, and two tables that name each other:
// PostgreSQL needs each table created after the tables its keys reference, and a cycle's
// last key added once both exist.
namespace forward {
inline constexpr auto comments = table("comments", column("postId", id("posts").not_null().references("posts")));
inline constexpr auto posts = table("posts", column("authorId", id("users").references("users")));
inline constexpr auto users = table("users", column("name", text()), column("pinnedId", id("posts").references("posts")));
inline constexpr auto schema = define_schema(tables(comments, posts, users), {.strict = false});
}  // namespace forward

TEST(MigrateOrder, TablesMayNameTablesListedAfterThemAndEachOther) {
  auto db = backend::open();
  ASSERT_NO_THROW(db.migrate(forward::schema));
  EXPECT_TRUE(db.plan_migration(forward::schema).statements.empty());  // nothing left to do
  const auto user = db.insert(forward::schema, "users", {{"name", "ann"}});
  const auto post = db.insert(forward::schema, "posts", {{"authorId", user}});
  db.insert(forward::schema, "comments", {{"postId", post}});
  db.update(forward::schema, "users", {{"pinnedId", post}}, eq("id", static_cast<long long>(user)));
  // Every key holds, the cycle's included.
  EXPECT_ANY_THROW(db.insert(forward::schema, "comments", {{"postId", post + 100}}));
  EXPECT_ANY_THROW(db.update(forward::schema, "users", {{"pinnedId", post + 100}}, eq("id", static_cast<long long>(user))));
  EXPECT_ANY_THROW(db.insert(forward::schema, "posts", {{"authorId", user + 100}}));
}

}  // namespace
