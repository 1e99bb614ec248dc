// What only a server has: connection strings and their errors, a connection lost or a
// transaction failed midway, prepared statements kept per connection, the PostgreSQL
// types migrate creates, the index each relation subquery uses, and connections in
// parallel. The shared behaviour runs in the other test files on both backends.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <orm/postgres/read_sql.hpp>

#include "runtime/blog_fixture.hpp"

namespace {
using namespace orm;
using namespace orm::postgres;
using orm::testing::backend;
using orm::testing::blog_database;

template <class Error, class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error thrown";
  return {};
}

std::string socket_dir() {
  const std::string info = backend::conninfo();
  const std::size_t start = info.find("host=") + 5;
  return info.substr(start, info.find(' ', start) - start);
}

TEST(Connection, AnUnreachableServerIsNamedWithTheCause) {
  const std::string message =
      message_of<postgres_error>([] { database db("host=/nonexistent/orm dbname=app user=app connect_timeout=2"); });
  EXPECT_NE(message.find("cannot connect to PostgreSQL at socket /nonexistent/orm/.s.PGSQL.5432: "), std::string::npos)
      << message;
  EXPECT_NE(message.find("No such file or directory"), std::string::npos) << message;
  EXPECT_NE(message.find("check that the server runs there"), std::string::npos) << message;
  const std::string tcp =
      message_of<postgres_error>([] { database db("postgresql://app@127.0.0.1:1/app?connect_timeout=2"); });
  EXPECT_NE(tcp.find("cannot connect to PostgreSQL at host 127.0.0.1 port 1: "), std::string::npos) << tcp;
  EXPECT_NE(tcp.find("Connection refused"), std::string::npos) << tcp;
}

TEST(Connection, AMalformedConnectionStringSaysHowToWriteOne) {
  const std::string message = message_of<postgres_error>([] { database db("host=/tmp dbname"); });
  EXPECT_NE(message.find("invalid PostgreSQL connection string: "), std::string::npos) << message;
  EXPECT_NE(message.find("postgresql://user@host:port/dbname"), std::string::npos) << message;
}

TEST(Connection, TheUriFormConnectsToo) {
  std::string encoded;  // the socket directory as a URI's host: percent-encoded
  for (char c : socket_dir()) encoded += c == '/' ? std::string("%2F") : std::string(1, c);
  // Behind the pooler: its port, and the pooler option as a URI parameter.
  const std::string port = backend::pooled() ? "6432" : "5432";
  database db("postgresql://postgres@" + encoded + ":" + port + "/postgres" +
              (backend::pooled() ? "?connect_timeout=5&pgbouncer=true" : ""));
  EXPECT_EQ(backend::scalar(db, "SELECT current_user"), "postgres");
  EXPECT_EQ(db.connection().where(), "socket " + socket_dir() + "/.s.PGSQL." + port);
  EXPECT_EQ(db.connection().unnamed_statements(), backend::pooled());
}

TEST(Connection, ThePoolerOptionIsReadFromEitherFormAndRefusedWhenMalformed) {
  using orm::postgres::pooling::read_connection_options;
  const auto keywords = read_connection_options("host=/run/x  pgbouncer = true dbname='a b'");
  EXPECT_EQ(keywords.conninfo, "host=/run/x dbname='a b'");
  EXPECT_TRUE(keywords.unnamed_statements);
  const auto uri = read_connection_options("postgresql://u@h:6432/db?pgbouncer=true&sslmode=disable");
  EXPECT_EQ(uri.conninfo, "postgresql://u@h:6432/db?sslmode=disable");
  EXPECT_TRUE(uri.unnamed_statements);
  EXPECT_EQ(read_connection_options("postgres://u@h/db?pgbouncer=false").conninfo, "postgres://u@h/db");
  EXPECT_FALSE(read_connection_options("host=x").unnamed_statements);
  const std::string message = message_of<postgres_error>([] { database db("host=/tmp pgbouncer=yes"); });
  EXPECT_NE(message.find("pgbouncer=yes"), std::string::npos) << message;
  EXPECT_NE(message.find("write pgbouncer=true"), std::string::npos) << message;
  // A statement's name is its text's, the same in every process: 128 bits in hex.
  EXPECT_EQ(orm::postgres::pooling::statement_name("SELECT 1"), orm::postgres::pooling::statement_name("SELECT 1"));
  EXPECT_NE(orm::postgres::pooling::statement_name("SELECT 1"), orm::postgres::pooling::statement_name("SELECT 2"));
  EXPECT_EQ(orm::postgres::pooling::statement_name("").size(), 4u + 32u);
}

// Ends the server process of `db`'s open transaction (in `schema`, a database behind the
// pooler): its connection is lost.
void end_server_process(database& db, const std::string& schema) {
  if (backend::pooled()) {
    // The server process the pooler gave this transaction.
    database server(backend::direct() + " dbname=" + schema);
    server.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND state = 'idle in transaction'",
               {param(schema)});
  } else {
    database other(backend::conninfo());
    other.run("SELECT pg_terminate_backend($1)", {param(static_cast<long long>(PQbackendPID(db.connection().handle())))});
  }
}

// Migrates, adds ann and her post; the test's schema (its database, behind the pooler).
std::string ann_and_her_post(database& db) {
  db.migrate(blog::schema);
  const auto ann = db.insert(blog::schema, "users", {{"name", "ann"}, {"email", "a@x"}});
  db.insert(blog::schema, "posts", {{"title", "first"}, {"authorId", ann}});
  return backend::scalar(db, backend::pooled() ? "SELECT current_database()" : "SELECT current_schema()");
}

TEST(Connection, ALostConnectionFailsEveryCallWithoutRetrying) {
  auto db = backend::open();
  db.migrate(blog::schema);
  // The test's schema (its database, behind the pooler).
  const std::string schema = backend::scalar(db, backend::pooled() ? "SELECT current_database()" : "SELECT current_schema()");
  auto tx = db.transaction();
  db.insert(blog::schema, "users", {{"name", "ann"}, {"email", "a@x"}});
  end_server_process(db, schema);
  const std::string message = message_of<postgres_error>([&] { db.insert(blog::schema, "users", {{"name", "bob"}, {"email", "b@x"}}); });
  EXPECT_NE(message.find("the connection to PostgreSQL at socket " + socket_dir()), std::string::npos) << message;
  EXPECT_NE(message.find("was lost"), std::string::npos) << message;
  EXPECT_NE(message.find("nothing is retried"), std::string::npos) << message;
  EXPECT_THROW(tx.commit(), postgres_error);  // the commit cannot pretend to succeed
  // The server rolled the transaction back: ann is not there.
  auto fresh = backend::open_at(schema);
  EXPECT_EQ(backend::scalar(fresh, "SELECT count(*) FROM users"), "0");
}

TEST(Connection, ALostConnectionBetweenTheStatementsOfOneReadFailsTheRead) {
  auto db = backend::open();
  const std::string schema = ann_and_her_post(db);
  // After the read's first statement, its server process is ended.
  db.between_read_statements([&] { end_server_process(db, schema); });
  std::vector<node> rows{node()};
  const std::string message = message_of<postgres_error>([&] {
    rows = db.query(blog::schema, blog::users).find_many({.with = {{"authoredPosts", {}}}, .strategy = load_strategy::select_in});
  });
  EXPECT_NE(message.find("was lost"), std::string::npos) << message;
  EXPECT_EQ(rows.size(), 1u);  // nothing half-read was returned: the call threw
  EXPECT_TRUE(rows[0].is_null());
}

// The lines libpq's trace wrote to `file`, from its start.
std::vector<std::string> trace_lines(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::vector<std::string> lines;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, file)) lines.emplace_back(buffer);
  return lines;
}

std::size_t line_where(const std::vector<std::string>& lines, std::size_t from, const std::string& direction,
                       const std::string& text) {
  for (std::size_t i = from; i < lines.size(); ++i)
    if (lines[i].starts_with(direction + "\t") && lines[i].find(text) != std::string::npos) return i;
  return lines.size();
}

// A read of several statements in one snapshot: its BEGIN travels with its first
// statement (the client does not wait for BEGIN's answer before sending it), and the read
// returns without waiting for its COMMIT's answer, which comes with the next statement's.
TEST(Statements, AReadInOneSnapshotWaitsForNoBeginOrCommit) {
  auto db = backend::open();
  db.migrate(blog::schema);
  const auto ann = db.insert(blog::schema, "users", {{"name", "ann"}, {"email", "a@x"}});
  db.insert(blog::schema, "posts", {{"title", "first"}, {"authorId", ann}});
  const find_options read{.with = {{"authoredPosts", {}}}, .strategy = load_strategy::select_in};
  auto users = db.query(blog::schema, blog::users);
  users.find_many(read);  // its statements prepared: the traced reads need no round trip to prepare
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  PGconn* conn = db.connection().handle();
  PQtrace(conn, file);
  PQsetTraceFlags(conn, PQTRACE_SUPPRESS_TIMESTAMPS);  // after PQtrace, which clears the flags
  const auto rows = users.find_many(read);
  const auto again = users.find_many(read);  // right after: the first read's COMMIT is still unanswered
  PQuntrace(conn);
  const std::vector<std::string> lines = trace_lines(file);
  std::fclose(file);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["authoredPosts"].size(), 1u);
  EXPECT_EQ(again.size(), 1u);
  std::string trace;
  for (const std::string& l : lines) trace += l;
  const std::size_t begin_sent = line_where(lines, 0, "F", "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const std::size_t begin_answered = line_where(lines, begin_sent, "B", "CommandComplete\t \"BEGIN\"");
  ASSERT_LT(begin_answered, lines.size()) << trace;
  std::size_t executes = 0;  // statements sent before BEGIN's answer came: BEGIN's, and the read's first
  for (std::size_t i = begin_sent; i < begin_answered; ++i) executes += line_where(lines, i, "F", "Execute") == i;
  EXPECT_EQ(executes, 2u) << trace;
  const std::size_t commit_sent = line_where(lines, begin_answered, "F", "\"COMMIT\"");
  const std::size_t next_begin_sent = line_where(lines, commit_sent, "F", "BEGIN ISOLATION LEVEL");
  const std::size_t commit_answered = line_where(lines, commit_sent, "B", "CommandComplete\t \"COMMIT\"");
  ASSERT_LT(commit_answered, lines.size()) << trace;
  EXPECT_LT(next_begin_sent, commit_answered) << trace;  // the second read did not wait for it
  const std::size_t last_commit_sent = line_where(lines, next_begin_sent, "F", "\"COMMIT\"");
  EXPECT_LT(last_commit_sent, lines.size()) << trace;
  EXPECT_EQ(line_where(lines, last_commit_sent, "B", "CommandComplete\t \"COMMIT\""), lines.size()) << trace;
  EXPECT_TRUE(db.connection().commit_in_flight());
  EXPECT_FALSE(db.connection().in_transaction());
  // The next use reads the answer, and is outside the read's transaction.
  EXPECT_EQ(db.query(blog::schema, blog::posts).count(), 1);
  EXPECT_FALSE(db.connection().commit_in_flight());
  EXPECT_EQ(PQtransactionStatus(db.connection().handle()), PQTRANS_IDLE);
  // A read that fails after its BEGIN went out rolls back; the connection stays usable.
  db.between_read_statements([] { throw std::runtime_error("stopped between statements"); });
  EXPECT_THROW(db.query(blog::schema, blog::users).find_many({.with = {{"authoredPosts", {}}}, .strategy = load_strategy::select_in}),
               std::runtime_error);
  db.between_read_statements({});
  EXPECT_FALSE(db.connection().in_transaction());
  EXPECT_EQ(db.query(blog::schema, blog::users).find_many({.with = {{"authoredPosts", {}}}, .strategy = load_strategy::select_in})
                .size(),
            1u);
  // Inside the caller's transaction the read adds no BEGIN or COMMIT of its own.
  auto tx = db.transaction();
  db.insert(blog::schema, "posts", {{"title", "second"}, {"authorId", ann}});
  EXPECT_EQ(db.query(blog::schema, blog::users)
                .find_many({.with = {{"authoredPosts", {}}}, .strategy = load_strategy::select_in})[0]["authoredPosts"]
                .size(),
            2u);
  EXPECT_TRUE(db.connection().in_transaction());
  EXPECT_FALSE(db.connection().commit_in_flight());
  tx.rollback();
  EXPECT_EQ(db.query(blog::schema, blog::posts).count(), 1);
}

// The server process ends while a read's COMMIT is unanswered: the next call reads what
// the connection has (the COMMIT's answer, then the loss) and says the connection was lost.
TEST(Connection, ALostConnectionAfterAnUnansweredCommitFailsTheNextCall) {
  auto db = backend::open();
  const std::string schema = ann_and_her_post(db);
  const long long pid = PQbackendPID(db.connection().handle());
  const find_options read{.with = {{"authoredPosts", {}}}, .strategy = load_strategy::select_in};
  EXPECT_EQ(db.query(blog::schema, blog::users).find_many(read).size(), 1u);
  ASSERT_TRUE(db.connection().commit_in_flight());
  if (backend::pooled()) {
    // Behind the pooler every server process of the test's database ends; the pooler
    // gives the next call a new one, or reports the loss: either way no wrong answer.
    database server(backend::direct() + " dbname=" + schema);
    server.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
               {param(schema)});
    try {
      EXPECT_EQ(db.query(blog::schema, blog::posts).count(), 1);
    } catch (const postgres_error& e) {
      EXPECT_NE(std::string(e.what()).find("was lost"), std::string::npos) << e.what();
    }
    return;
  }
  database other(backend::conninfo());
  other.run("SELECT pg_terminate_backend($1)", {param(pid)});
  // The process is gone once no row of pg_stat_activity has its pid.
  for (int i = 0; i < 500 && backend::scalar(other, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + std::to_string(pid)) != "0"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const std::string message = message_of<postgres_error>([&] { db.query(blog::schema, blog::posts).count(); });
  EXPECT_NE(message.find("was lost"), std::string::npos) << message;
  EXPECT_FALSE(db.connection().commit_in_flight());
}

// `automatic` joins a level's loads when its parents' JSON costs less than a round trip:
// how many parents that is follows the connection's round trip, measured at connect.
TEST(Strategies, AutomaticJoinsAsManyParentsAsARoundTripPaysFor) {
  using namespace std::chrono_literals;
  EXPECT_EQ(read_compiler::joined_parents_for(0ns), 10);     // never fewer than the socket's measured 10
  EXPECT_EQ(read_compiler::joined_parents_for(34us), 10);    // a Unix socket's round trip
  EXPECT_EQ(read_compiler::joined_parents_for(340us), 100);  // a network's
  EXPECT_EQ(read_compiler::joined_parents_for(800us), 235);
  auto db = backend::open();
  const auto round_trip = db.connection().round_trip();
  EXPECT_GT(round_trip, 0ns);
  EXPECT_LT(round_trip, 1s);
  db.migrate(blog::schema);
  const auto statements = [&](std::int64_t limit) {
    return db.query(blog::schema, blog::users).explain({.limit = limit, .with = {{"authoredPosts", {}}}}).statements.size();
  };
  EXPECT_EQ(statements(5), 1u);  // joined
  // Loaded by a statement of their own, unless a round trip here took over 34 ms.
  EXPECT_EQ(statements(10000), round_trip < 34ms ? 2u : 1u);
}

TEST(Transactions, AFailedStatementAbortsTheTransactionUntilItRollsBack) {
  auto db = backend::open();
  db.migrate(blog::schema);
  db.insert(blog::schema, "users", {{"name", "ann"}, {"email", "a@x"}});
  {
    auto tx = db.transaction();
    db.insert(blog::schema, "users", {{"name", "bob"}, {"email", "b@x"}});
    try {
      db.insert(blog::schema, "users", {{"name", "again"}, {"email", "a@x"}});
      FAIL() << "a duplicate email was written";
    } catch (const postgres_error& e) {
      EXPECT_EQ(e.sqlstate, "23505") << e.what();  // unique_violation
    }
    const std::string message = message_of<postgres_error>([&] { db.insert(blog::schema, "users", {{"name", "cy"}, {"email", "c@x"}}); });
    EXPECT_NE(message.find("an earlier statement of this transaction failed: let the transaction roll back"), std::string::npos)
        << message;
  }  // rolled back here
  const auto users = db.query(blog::schema, blog::users).find_many({.order_by = {asc("id")}});
  ASSERT_EQ(users.size(), 1u);  // bob went with the transaction
  EXPECT_EQ(users[0]["name"].as_text(), "ann");
  db.insert(blog::schema, "users", {{"name", "dee"}, {"email", "d@x"}});  // and the connection works again
}

TEST(Transactions, NestedOnesAreSavepoints) {
  auto db = backend::open();
  db.migrate(blog::schema);
  auto outer = db.transaction();
  db.insert(blog::schema, "users", {{"name", "ann"}, {"email", "a@x"}});
  {
    auto inner = db.transaction();
    db.insert(blog::schema, "users", {{"name", "bob"}, {"email", "b@x"}});
  }  // the inner one rolls back alone
  outer.commit();
  EXPECT_EQ(backend::scalar(db, "SELECT string_agg(name, ',') FROM users"), "ann");
}

TEST(Statements, EachQueryShapeIsPreparedOncePerConnection) {
  auto db = backend::open();
  db.migrate(blog::schema);
  const std::size_t before = db.connection().prepared_count();
  for (int i = 0; i < 5; ++i) db.query(blog::schema, blog::users).find_many({.where = eq("name", "n" + std::to_string(i))});
  // Behind the pooler (pgbouncer=true) the client keeps no list: a shape is prepared once
  // on each server connection that ran it (the one this count runs on may not have).
  EXPECT_EQ(db.connection().prepared_count(), backend::pooled() ? 0 : before + 1);
  const std::string kept = backend::scalar(db, "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT t0.%'");
  if (backend::pooled()) {
    EXPECT_TRUE(kept == "0" || kept == "1") << kept;
  } else {
    EXPECT_EQ(kept, "1");
  }
}

// The statement cache keeps 256 shapes per connection: past them it starts again (one
// DEALLOCATE ALL), and every call still gets its own statement's rows.
TEST(Statements, TheCacheKeepsAtMost256ShapesAndStaysRight) {
  auto db = backend::open();
  db.migrate(blog::schema);
  db.insert(blog::schema, "users", {{"name", "ann"}, {"email", "a@x"}});
  for (int shape = 0; shape < 300; ++shape) {
    // Another shape each time: a limit is written into the statement's text.
    const auto rows = db.query(blog::schema, blog::users).find_many({.where = eq("name", "ann"), .limit = 1000 + shape});
    ASSERT_EQ(rows.size(), 1u) << shape;
    ASSERT_LE(db.connection().prepared_count(), backend::pooled() ? 0u : 256u);  // behind the pooler: no list
  }
  // Behind the pooler this client starts a server connection again after 256 names (the
  // insert's statement came before them).
  EXPECT_LE(std::stoi(backend::scalar(db, "SELECT count(*) FROM pg_prepared_statements")), backend::pooled() ? 257 : 256);
}

TEST(Migrate, CreatesPostgreSQLTypes) {
  auto db = backend::open();
  db.migrate(blog::schema);
  const auto type_of = [&](const std::string& table, const std::string& column) {
    return backend::scalar(db, "SELECT data_type || CASE WHEN is_identity = 'YES' THEN ' identity' ELSE '' END FROM "
                               "information_schema.columns WHERE table_schema = current_schema() AND table_name = '" +
                                   table + "' AND column_name = '" + column + "'");
  };
  EXPECT_EQ(type_of("users", "id"), "bigint identity");
  EXPECT_EQ(type_of("users", "name"), "text");
  EXPECT_EQ(type_of("posts", "published"), "boolean");
  EXPECT_EQ(type_of("posts", "authorId"), "bigint");
  EXPECT_EQ(type_of("audit_logs", "at"), "timestamp with time zone");
  EXPECT_TRUE(db.plan_migration(blog::schema).statements.empty());  // what it made, it reads back as the schema
  EXPECT_TRUE(db.plan_migration(blog::schema).refusals.empty());
}

TEST(Migrate, TwoConnectionsMigratingAtOnceTakeTurns) {
  const std::string name = "orm_concurrent_migrate";
  backend::forget(name);
  backend::open_at(name);  // the schema, before the threads race to migrate it
  std::vector<std::thread> threads;
  std::vector<std::string> failures(2);
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([&, i] {
      try {
        backend::open_at(name).migrate(blog::schema);
      } catch (const std::exception& e) {
        failures[static_cast<std::size_t>(i)] = e.what();
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, (std::vector<std::string>{"", ""}));
  backend::forget(name);
}

TEST(Values, TimestampsAreMicrosecondsSinceTheEpoch) {
  auto db = backend::open();
  db.migrate(blog::schema);
  db.exec("INSERT INTO audit_logs (at, action, severity, resolved) VALUES ('2024-01-01T00:00:00.000001Z', "
          "'security_alert', 'high', false)");
  const auto row = db.query(blog::schema, blog::audit_logs).find_first();
  EXPECT_EQ((*row)["at"].as_integer(), 1704067200000001);
  // And a typed row's time point converts from them, in any duration.
  struct log_time {
    std::chrono::sys_time<std::chrono::microseconds> at;
  };
  struct log_seconds {
    std::chrono::sys_seconds at;
  };
  EXPECT_EQ(db.query(blog::schema, blog::audit_logs).find_first<log_time>()->at.time_since_epoch().count(), 1704067200000001);
  EXPECT_EQ(db.query(blog::schema, blog::audit_logs).find_first<log_seconds>()->at.time_since_epoch().count(), 1704067200);
  // Written from a struct in seconds, stored as that instant.
  struct new_log {
    std::chrono::sys_seconds at;
    std::string action;
    std::string severity;
    bool resolved;
  };
  db.insert(blog::schema, "audit_logs", new_log{std::chrono::sys_seconds(std::chrono::seconds(1700000000)), "security_alert", "low", true});
  EXPECT_EQ(backend::scalar(db, "SELECT to_char(max(at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM audit_logs"),
            "2024-01-01 00:00:00");
  EXPECT_EQ(backend::scalar(db, "SELECT to_char(min(at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM audit_logs"),
            "2023-11-14 22:13:20");
  // Finer than PostgreSQL keeps: refused rather than rounded.
  struct nano_log {
    std::chrono::sys_time<std::chrono::nanoseconds> at;
    std::string action;
    std::string severity;
    bool resolved;
  };
  EXPECT_THROW(db.insert(blog::schema, "audit_logs", nano_log{std::chrono::sys_time<std::chrono::nanoseconds>(std::chrono::nanoseconds(1)),
                                                              "security_alert", "low", true}),
               schema_error);
}

TEST(Values, AnIdWrittenByHandMovesTheIdentityPastIt) {
  auto db = backend::open();
  db.migrate(blog::schema);
  EXPECT_EQ(db.insert(blog::schema, "users", {{"id", 100}, {"name", "ann"}, {"email", "a@x"}}), 100);
  EXPECT_EQ(db.insert(blog::schema, "users", {{"name", "bob"}, {"email", "b@x"}}), 101);
}

// Every relation subquery of the blog's three-level read is served by an index: with
// sequential scans priced out, a subquery that no index serves would still show one.
TEST_F(blog_database, EveryRelationSubqueryUsesAnIndex) {
  // The blog's tables only: a database-wide ANALYZE locks every table of every test at once.
  db.exec("ANALYZE users, posts, comments, tags, post_tags, audit_logs; SET enable_seqscan = off");
  const auto read = db.query(blog::schema, blog::users)
                        .sql({.where = eq("id", ann),
                              .with = {{"authoredPosts", {.limit = 10, .with = {{"comments", {.limit = 5, .with = {{"author", {}}}}}, {"tags", {.limit = 5}}}}},
                                       {"manager", {}}},
                              .strategy = load_strategy::join});
  std::string explain_sql = "EXPLAIN " + read.sql;
  const orm::postgres::result plan = db.run(explain_sql, read.params);
  std::string text;
  for (int i = 0; i < plan.rows(); ++i) text += std::string(plan.text(i, 0)) + "\n";
  EXPECT_EQ(text.find("Seq Scan"), std::string::npos) << text;
  for (const char* table : {"posts", "comments", "post_tags", "tags", "users"})
    EXPECT_NE(text.find(std::string(" on ") + table), std::string::npos) << table << "\n" << text;
  EXPECT_NE(text.find("Index Scan using \"comments.by_post\""), std::string::npos) << text;
  EXPECT_NE(text.find("post_tags.by_post"), std::string::npos) << text;
  // The same read by a statement per level: each of them served by an index too.
  const auto separate = db.query(blog::schema, blog::users)
                            .explain({.where = eq("id", ann),
                                      .with = {{"authoredPosts", {.limit = 10, .with = {{"comments", {.limit = 5, .with = {{"author", {}}}}}, {"tags", {.limit = 5}}}}},
                                               {"manager", {}}},
                                      .strategy = load_strategy::select_in});
  EXPECT_EQ(separate.statements.size(), 6u);
  std::string lines;
  for (const std::string& line : separate.plan) lines += line + "\n";
  EXPECT_EQ(lines.find("Seq Scan"), std::string::npos) << lines;
  EXPECT_NE(lines.find("Index Scan using \"comments.by_post\""), std::string::npos) << lines;
  EXPECT_NE(lines.find("LOAD users.authoredPosts.tags"), std::string::npos) << lines;
}

TEST_F(blog_database, OneStatementPerReadWithLateralJoins) {
  const auto read = db.query(blog::schema, blog::users)
                        .sql({.with = {{"authoredPosts", {.limit = 10, .with = {{"comments", {.limit = 5}}}}}, {"manager", {}}},
                              .strategy = load_strategy::join});
  EXPECT_EQ(read.sql.find(';'), std::string::npos);
  std::size_t laterals = 0;
  for (std::size_t at = read.sql.find("LEFT JOIN LATERAL"); at != std::string::npos; at = read.sql.find("LEFT JOIN LATERAL", at + 1))
    ++laterals;
  EXPECT_EQ(laterals, 3u) << read.sql;
  EXPECT_NE(read.sql.find("coalesce(json_agg("), std::string::npos) << read.sql;
}

// One connection shared by threads: calls take turns. One connection per thread: in
// parallel, each with its own prepared statements.
TEST(Threads, SharedAndOneConnectionPerThread) {
  const std::string name = "orm_threads";
  backend::forget(name);
  {
    auto setup = backend::open_at(name);
    setup.migrate(blog::schema);
    setup.insert(blog::schema, "users", {{"name", "ann"}, {"email", "a@x"}});
  }
  auto shared = backend::open_at(name);
  std::vector<std::thread> threads;
  std::atomic<int> reads{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      auto own = backend::open_at(name);
      for (int i = 0; i < 50; ++i) {
        auto& db = t % 2 ? shared : own;
        if (db.query(blog::schema, blog::users).find_many({.where = eq("name", "ann")}).size() == 1) ++reads;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(reads.load(), 200);
  backend::forget(name);
}

}  // namespace

namespace long_names {
// A relation name longer than PostgreSQL's identifiers (63 bytes): its rows are built
// another way, with the same result.
inline constexpr auto owners = table("owners", column("name", text()));
inline constexpr auto pets = table("pets", column("ownerId", id("owners")), index("by_owner").on("ownerId"));
inline constexpr auto schema = define_schema(tables(owners, pets), {.defaults = {.default_limit = 10}})
    .relations(many(owners, "pets_of_this_owner_with_a_name_far_longer_than_any_identifier_may_be", pets, {.to = "ownerId"}),
               one(pets, "owner", owners, {.from = "ownerId"}));
}  // namespace long_names

TEST(Reads, ARelationNameLongerThanAnIdentifierLoadsToo) {
  auto db = backend::open();
  db.migrate(long_names::schema);
  const auto ann = db.insert(long_names::schema, "owners", {{"name", "ann"}});
  db.insert(long_names::schema, "pets", {{"ownerId", ann}});
  const std::string name = "pets_of_this_owner_with_a_name_far_longer_than_any_identifier_may_be";
  const auto rows = db.query(long_names::schema, long_names::owners).find_many({.with = {{name, {.with = {{"owner", {}}}}}}});
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0][name].size(), 1u);
  EXPECT_EQ(rows[0][name][0]["owner"]["name"].as_text(), "ann");
  // As a member of a loaded row (a record's column could not be named so).
  const auto pets = db.query(long_names::schema, long_names::pets).find_many({.with = {{"owner", {.with = {{name, {}}}}}}});
  ASSERT_EQ(pets.size(), 1u);
  EXPECT_EQ(pets[0]["owner"]["name"].as_text(), "ann");
  EXPECT_EQ(pets[0]["owner"][name].size(), 1u);
  EXPECT_NE(db.query(long_names::schema, long_names::pets).sql({.with = {{"owner", {.with = {{name, {}}}}}}, .strategy = load_strategy::join}).sql.find("json_build_object"),
            std::string::npos);
}
