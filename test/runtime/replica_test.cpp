// Read replicas against a real streaming replica of the test server (pg_basebackup -R,
// scripts/postgres-replica-test-server.sh): reads outside a transaction go to the
// replica, writes and transactions to the primary; read_your_writes per call and per
// database; a replica that lags (its replay paused), and one that goes away or never
// was. Which server answered a read is told by its rows: while the replica's replay is
// paused, it answers with the rows it had, and the primary with the new ones.
#include <gtest/gtest.h>

#include <chrono>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

#include <orm/postgres.hpp>

namespace {
using namespace orm;
using namespace orm::postgres;

inline constexpr auto notes = table("notes", column("body", text().not_null()));
inline constexpr auto schema = define_schema(tables(notes), {.defaults = {.default_limit = 1000}});

struct note_row {
  std::string body;
};

std::string required(const char* variable) {
  const char* value = std::getenv(variable);
  if (!value || !*value)
    throw std::runtime_error(std::string(variable) + " is not set: run these tests through ctest, which starts the "
                             "primary and its replica (fixtures postgres_server and postgres_replica)");
  return value;
}
std::string with_database(std::string conninfo, const std::string& name) {
  return conninfo.replace(conninfo.find("dbname=postgres"), 15, "dbname=" + name);
}

// A database of its own on the primary, made before the replica is asked for it.
class Replicas : public ::testing::Test {
 protected:
  void SetUp() override {
    primary_admin = std::make_unique<database>(required("ORM_TEST_POSTGRES"));
    // The test server commits asynchronously; caught_up's own commit must reach the disk,
    // and with it every WAL record before it (see caught_up).
    primary_admin->exec("SET synchronous_commit = on");
    replica_admin = std::make_unique<database>(required("ORM_TEST_POSTGRES_REPLICA"));
    name = "replica_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    primary_admin->exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    primary_admin->exec("CREATE DATABASE " + name);
    primary = with_database(required("ORM_TEST_POSTGRES"), name);
    replica = with_database(required("ORM_TEST_POSTGRES_REPLICA"), name);
    database setup(primary);
    setup.migrate(schema);
    setup.insert(schema, "notes", {{"body", "before"}});
    caught_up();
  }
  void TearDown() override {
    replica_admin->exec("SELECT pg_wal_replay_resume()");
    primary_admin->exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  // Waits until the replica has replayed everything the primary has written (a state the
  // replica reports, not a sleep of a guessed length).
  // The position is where the primary inserts WAL now. Records there that no commit
  // follows (a page pruned by a read, say) would sit in the primary's WAL buffers while it
  // is idle, never sent: so the same statement takes a transaction id, and its synchronous
  // commit flushes everything up to and past the position.
  void caught_up() {
    const std::string position =
        std::string(primary_admin->run("SELECT pg_current_wal_insert_lsn()::text, txid_current()").text(0, 0));
    for (int i = 0; i < 12000; ++i) {
      if (replica_admin->run("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", {param(position)}).text(0, 0) == "t") return;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL() << "the replica did not replay " << position << " in 120 s; " << receiver_state();
  }
  // What the replica says of its stream, for a failure message: whether it is connected,
  // what it has received and replayed, and whether its replay is paused.
  std::string receiver_state() {
    const auto state = replica_admin->run(
        "SELECT coalesce((SELECT status FROM pg_stat_wal_receiver), 'no WAL receiver'),"
        " coalesce(pg_last_wal_receive_lsn()::text, 'none'), coalesce(pg_last_wal_replay_lsn()::text, 'none'),"
        " pg_get_wal_replay_pause_state()");
    return "its WAL receiver: " + std::string(state.text(0, 0)) + ", received " + std::string(state.text(0, 1)) +
           ", replayed " + std::string(state.text(0, 2)) + ", replay " + std::string(state.text(0, 3));
  }
  void pause_replay() {
    replica_admin->exec("SELECT pg_wal_replay_pause()");
    for (int i = 0; i < 12000; ++i) {
      if (replica_admin->run("SELECT pg_get_wal_replay_pause_state()").text(0, 0) == "paused") return;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL() << "the replica's replay did not pause";
  }
  // Writes a row through another connection to the primary.
  void written_elsewhere(const std::string& body) { database(primary).insert(schema, "notes", {{"body", body}}); }

  static std::size_t rows(database& db, find_options options = {}) {
    return db.query(schema, notes).find_many<note_row>(options).size();
  }

  std::unique_ptr<database> primary_admin, replica_admin;
  std::string name, primary, replica;
};

TEST_F(Replicas, ReadsGoToTheReplicaAndWritesAndTransactionsToThePrimary) {
  database db(primary, {.replicas = {replica}});
  EXPECT_EQ(rows(db), 1u);
  pause_replay();
  db.insert(schema, "notes", {{"body", "after"}});  // the primary has it, the replica not yet
  for (int i = 0; i < 10; ++i) EXPECT_EQ(rows(db), 1u) << "read " << i << " went to the primary";
  EXPECT_EQ(rows(db, {.read_your_writes = true}), 2u);
  {
    auto tx = db.transaction();
    EXPECT_EQ(rows(db), 2u);  // inside a transaction: the primary
    tx.commit();
  }
  {
    auto tx = db.transaction();
    EXPECT_EQ(rows(db, {.lock = for_update}), 2u);
    tx.commit();
  }
  replica_admin->exec("SELECT pg_wal_replay_resume()");
  caught_up();
  EXPECT_EQ(rows(db), 2u);  // the replica, caught up: the same rows as the primary
  EXPECT_TRUE(db.warnings().empty());
}

TEST_F(Replicas, ReadYourWritesPerDatabaseGoesToTheReplicaOnceItHasReplayedThem) {
  database db(primary, {.replicas = {replica}, .read_your_writes = true});
  pause_replay();
  db.insert(schema, "notes", {{"body", "mine"}});
  EXPECT_EQ(rows(db), 2u);  // the replica lags behind this database's write: the primary
  replica_admin->exec("SELECT pg_wal_replay_resume()");
  caught_up();
  EXPECT_EQ(rows(db), 2u);
  // Caught up with this database's writes, reads are the replica's again: another
  // client's write, not yet replayed, is not seen.
  pause_replay();
  written_elsewhere("theirs");
  EXPECT_EQ(rows(db), 2u);
  database direct(primary);
  EXPECT_EQ(rows(direct), 3u);
}

TEST_F(Replicas, AReplicaThatCannotBeReachedFallsBackToThePrimaryOrFailsAsConfigured) {
  const std::string nowhere = "host=/nonexistent-orm-replica dbname=" + name + " user=postgres";
  database falls_back(primary, {.replicas = {nowhere}});
  EXPECT_EQ(rows(falls_back), 1u);
  ASSERT_EQ(falls_back.warnings().size(), 1u);
  EXPECT_NE(falls_back.warnings()[0].find("/nonexistent-orm-replica"), std::string::npos) << falls_back.warnings()[0];
  EXPECT_EQ(rows(falls_back), 1u);
  EXPECT_EQ(falls_back.warnings().size(), 1u) << "said once while it stays unreachable";

  database fails(primary, {.replicas = {nowhere}, .fall_back_to_primary = false});
  try {
    rows(fails);
    FAIL() << "read from the primary although told not to";
  } catch (const postgres_error& e) {
    EXPECT_NE(std::string(e.what()).find("fall_back_to_primary"), std::string::npos) << e.what();
    EXPECT_EQ(e.sqlstate, "08006");
  }
}

TEST_F(Replicas, AReplicaThatGoesAwayMidwayFallsBackAndIsUsedAgainWhenBack) {
  database db(primary, {.replicas = {replica}, .retry_after = std::chrono::milliseconds(0)});
  EXPECT_EQ(rows(db), 1u);
  // The replica ends this client's session, as a restart or a network failure would.
  replica_admin->run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", {param(name)});
  pause_replay();
  written_elsewhere("new");
  EXPECT_EQ(rows(db), 2u);  // the lost replica: the primary answered
  ASSERT_EQ(db.warnings().size(), 1u);
  EXPECT_NE(db.warnings()[0].find("cannot be reached"), std::string::npos) << db.warnings()[0];
  EXPECT_EQ(rows(db), 1u);  // reconnected: the paused replica answers again
}

}  // namespace
