// Behind pgbouncer in transaction mode (two server connections a database), where a
// client's consecutive transactions may run on different server connections that other
// clients use too. ctest runs these only through its pgbouncer fixture; run anywhere else,
// they fail saying so.
//
// pgbouncer hands out the idle server connection used last. The sequences below use that
// to put a client's statement on a server connection that another client prepared on.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "runtime/backend.hpp"
#include "runtime/blog_fixture.hpp"

namespace {
using namespace orm;
using namespace orm::postgres;
using orm::testing::backend;

#define REQUIRE_POOLER()                                                                                   \
  ASSERT_TRUE(backend::pooled()) << "these tests need ctest's pgbouncer fixture (ORM_TEST_POSTGRES_DIRECT and " \
                                    "ORM_TEST_POSTGRES through pgbouncer); run them through ctest"

std::string database_name() {
  static std::atomic<int> made{0};
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = "pool_" + std::to_string(::getpid()) + "_" + std::to_string(made++) + "_" + test->name();
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  return name.substr(0, 63);
}

// Named statements, as a connection string without pgbouncer=true has them.
database named(const std::string& name) { return backend::open_at(name, "pgbouncer=false"); }
database unnamed(const std::string& name) { return backend::open_at(name, "pgbouncer=true"); }

void three_users(database& db) {
  db.migrate(blog::schema);
  for (const char* name : {"ann", "bob", "cy"})
    db.insert(blog::schema, "users", {{"name", name}, {"email", std::string(name) + "@x"}});
}

std::size_t user_count(const std::string& name) {
  database server(backend::direct() + " dbname=" + name);
  return std::stoul(backend::scalar(server, "SELECT count(*) FROM users"));
}

bool warned_of_pooler(const database& db) {
  for (const std::string& w : db.warnings())
    if (w.find("pooler in transaction mode") != std::string::npos && w.find("pgbouncer=true") != std::string::npos) return true;
  return false;
}

// A deletes ann in a transaction, holding one server connection; meanwhile B reads (and,
// with named statements, prepares) on the other one, before A has committed.
void a_deletes_while_b_reads(database& a, database& b) {
  auto tx = a.transaction();
  EXPECT_EQ(a.remove(blog::schema, "users", eq("name", "ann")), 1);
  EXPECT_EQ(b.query(blog::schema, blog::users).find_many().size(), 3u);
  tx.commit();
}

// The data loss of numbered statement names: A's DELETE, prepared inside a transaction on
// one server connection, was run by B's next read under the same name.
TEST(Pooler, AStatementNameNeverRunsAnotherClientsStatement) {
  REQUIRE_POOLER();
  const std::string name = database_name();
  auto a = named(name);
  auto b = named(name);
  three_users(a);
  a_deletes_while_b_reads(a, b);
  // B's next read runs on A's server connection, which has A's DELETE but not B's SELECT.
  const auto users = b.query(blog::schema, blog::users).find_many({.order_by = {postgres::asc("name")}});
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0]["name"].as_text(), "bob");
  EXPECT_EQ(users[1]["name"].as_text(), "cy");
  EXPECT_EQ(user_count(name), 2u);  // nothing else was deleted
  EXPECT_EQ(b.remove(blog::schema, "users", eq("name", "nobody")), 0);
  EXPECT_EQ(user_count(name), 2u);
  EXPECT_TRUE(warned_of_pooler(b));  // B found out, and says how to start that way
  EXPECT_TRUE(b.connection().unnamed_statements());
}

// Three clients with named statements, on a database of the test's own with three users.
struct three_clients {
  database a, b, c;
};
three_clients three_named_clients() {
  const std::string name = database_name();
  three_clients out{named(name), named(name), named(name)};
  three_users(out.a);
  return out;
}

// B's names only on server connection Y, and X the one B gets next: A holds X while B
// reads (and prepares) by `b_reads` on Y, then C holds Y and A lets X go. Returns C's
// transaction, which holds Y until it ends.
template <class Read>
auto b_names_only_on_y(database& a, database& b, database& c, Read&& b_reads) {
  auto holds_x = a.transaction();
  EXPECT_EQ(a.query(blog::schema, blog::users).find_many().size(), 3u);  // A holds server connection X
  b_reads(b);                                                             // B prepares on Y
  auto holds_y = c.transaction();
  EXPECT_EQ(c.query(blog::schema, blog::users).find_many().size(), 3u);  // C holds Y
  holds_x.commit();  // X is free again, and it has never seen B's statements
  return holds_y;
}

// A name missing inside a transaction cannot be prepared again there (the error has
// aborted it): the error says so and what to do, and running the transaction again works.
TEST(Pooler, AMissingNameInsideATransactionSaysToRunItAgain) {
  REQUIRE_POOLER();
  auto [a, b, c] = three_named_clients();
  auto holds_y = b_names_only_on_y(a, b, c, [](database& on) {
    EXPECT_EQ(on.query(blog::schema, blog::users).find_many({.where = eq("name", "bob")}).size(), 1u);
  });
  {
    auto tx = b.transaction();
    try {
      b.query(blog::schema, blog::users).find_many({.where = eq("name", "bob")});
      FAIL() << "B's statement ran on a server connection that had never prepared it";
    } catch (const postgres_error& e) {
      const std::string message = e.what();
      EXPECT_EQ(e.sqlstate, "26000");
      EXPECT_NE(message.find("let it roll back and run it again"), std::string::npos) << message;
      EXPECT_NE(message.find("add pgbouncer=true to the connection string"), std::string::npos) << message;
    }
  }
  holds_y.commit();
  {
    auto tx = b.transaction();
    EXPECT_EQ(b.query(blog::schema, blog::users).find_many({.where = eq("name", "bob")}).size(), 1u);
    EXPECT_EQ(b.update(blog::schema, "users", {{"name", "bo"}}, eq("name", "bob")), 1);
    tx.commit();
  }
  EXPECT_EQ(a.query(blog::schema, blog::users).find_many({.where = eq("name", "bo")}).size(), 1u);
}

// A read of several statements begins its transaction with its first statement. When the
// pooler puts that transaction on a server connection without the statement's name,
// nothing of it has reached the caller yet: it is rolled back and run again unnamed, and
// the read returns its rows (before, it failed as a transaction of the caller's does).
TEST(Pooler, AReadInOneSnapshotOnAServerConnectionWithoutItsNameRunsAgain) {
  REQUIRE_POOLER();
  auto [a, b, c] = three_named_clients();
  const auto ann = a.query(blog::schema, blog::users).find_many({.where = eq("name", "ann")})[0]["id"].as_integer();
  a.insert(blog::schema, "posts", {{"title", "first"}, {"authorId", ann}});
  const find_options read{.order_by = {postgres::asc("name")}, .with = {{"authoredPosts", {}}}, .strategy = load_strategy::select_in};
  auto holds_y = b_names_only_on_y(a, b, c, [&](database& on) {
    EXPECT_EQ(on.query(blog::schema, blog::users).find_many(read).size(), 3u);  // the read's names
  });
  const auto rows = b.query(blog::schema, blog::users).find_many(read);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["name"].as_text(), "ann");
  EXPECT_EQ(rows[0]["authoredPosts"].size(), 1u);
  EXPECT_EQ(rows[1]["authoredPosts"].size(), 0u);
  EXPECT_TRUE(b.connection().unnamed_statements());
  EXPECT_TRUE(warned_of_pooler(b));
  EXPECT_FALSE(b.connection().in_transaction());
  holds_y.commit();
  EXPECT_EQ(b.query(blog::schema, blog::users).find_many(read).size(), 3u);
}

// A read's first statement prepared on a server connection where another client prepared
// the same text (under the same name) already: its BEGIN has not been sent, so the read is
// outside a transaction and goes on unnamed (it once failed as if inside one).
TEST(Pooler, AReadInOneSnapshotMeetingAnotherClientsNameGoesOn) {
  REQUIRE_POOLER();
  auto [a, b, c] = three_named_clients();
  const find_options read{.order_by = {postgres::asc("name")}, .with = {{"authoredPosts", {}}}, .strategy = load_strategy::select_in};
  EXPECT_EQ(a.query(blog::schema, blog::users).find_many(read).size(), 3u);  // A prepares the read's names
  // B's first read gets the server connection used last, which has A's names.
  const auto rows = b.query(blog::schema, blog::users).find_many(read);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["name"].as_text(), "ann");
  EXPECT_TRUE(b.connection().unnamed_statements());
  EXPECT_TRUE(warned_of_pooler(b));
  EXPECT_EQ(b.query(blog::schema, blog::users).find_many(read).size(), 3u);
  (void)c;
}

// With pgbouncer=true the same sequences run without an error. Outside a transaction,
// statements run under their hashed names (prepared on whichever server connection lacks
// them), so the pool's server connections keep them; inside one, they run unnamed.
TEST(Pooler, PgbouncerTrueNamesStatementsOnlyOutsideTransactions) {
  REQUIRE_POOLER();
  const std::string name = database_name();
  auto a = unnamed(name);
  auto b = unnamed(name);
  three_users(a);
  EXPECT_TRUE(a.connection().unnamed_statements());
  a_deletes_while_b_reads(a, b);
  const orm::postgres::find_options only_in_transactions{.where = eq("name", "only inside") && eq("email", "x@y")};
  {
    auto tx = b.transaction();
    EXPECT_EQ(b.query(blog::schema, blog::users).find_many().size(), 2u);
    EXPECT_TRUE(b.query(blog::schema, blog::users).find_many(only_in_transactions).empty());
    // The transaction keeps its server connection: the statement is not prepared there.
    const std::string hashed = orm::postgres::pooling::statement_name(b.query(blog::schema, blog::users).sql(only_in_transactions).sql);
    EXPECT_EQ(backend::scalar(b, "SELECT count(*) FROM pg_prepared_statements WHERE name = '" + hashed + "'"), "0");
    tx.commit();
  }
  const std::string read = a.query(blog::schema, blog::users).sql({}).sql;
  for (int i = 0; i < 20; ++i) a.query(blog::schema, blog::users).find_many();
  bool seen = false;  // on one of the pool's two server connections, at least
  for (int i = 0; i < 10 && !seen; ++i)
    seen = backend::scalar(a, "SELECT count(*) FROM pg_prepared_statements WHERE name = '" +
                                  orm::postgres::pooling::statement_name(read) + "' AND statement = " +
                                  orm::runtime::sql::string_literal(read)) == "1";
  EXPECT_TRUE(seen) << "no server connection kept the read's statement under its name";
  EXPECT_EQ(a.connection().prepared_count(), 0u);
  EXPECT_TRUE(b.warnings().empty());
}

// Many clients in several processes (ctest runs this test in three at once, on one
// database): each thread writes, reads, changes and removes rows of its own, in and out
// of transactions, and checks every answer. Any statement run under another's name shows
// as a wrong count, a row of someone else's, or a lost row.
void stress(bool unnamed_statements) {
  REQUIRE_POOLER();
  const char* process = std::getenv("ORM_TEST_STRESS_PROCESS");
  const char* run = std::getenv("ORM_TEST_STRESS_RUN");  // the processes of one run share a database
  const std::string name = std::string(unnamed_statements ? "pool_stress_unnamed_" : "pool_stress_named_") +
                           (run ? run : std::to_string(::getpid()));
  const std::string options = unnamed_statements ? "pgbouncer=true" : "pgbouncer=false";
  backend::open_at(name, options).migrate(blog::schema);
  constexpr int threads = 8, rounds = 60;  // 8 threads x 60 rounds x 7 statements, a process
  std::atomic<int> wrong{0}, errors{0};
  std::vector<std::string> problems(threads);
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      const std::string owner = std::string(process ? process : "p") + "-" + std::to_string(t);
      auto db = backend::open_at(name, options);
      int failures = 0;
      for (int round = 0; round < rounds; ++round) {
        const std::string email = owner + "-" + std::to_string(round) + "@x";
        try {
          std::optional<decltype(db.transaction())> tx;
          if (round % 2) tx.emplace(db.transaction());
          db.insert(blog::schema, "users", {{"name", owner}, {"email", email}});
          const auto mine = db.query(blog::schema, blog::users).find_many({.where = eq("name", owner)});
          if (mine.size() != 1 || mine[0]["email"].as_text() != email) {
            ++wrong;
            problems[static_cast<std::size_t>(t)] = owner + " round " + std::to_string(round) + " read " +
                                                   std::to_string(mine.size()) + " rows of its own";
          }
          if (db.update(blog::schema, "users", {{"email", "changed-" + email}}, eq("name", owner)) != 1) ++wrong;
          if (db.query(blog::schema, blog::users).find_many({.where = eq("email", "changed-" + email)}).size() != 1)
            ++wrong;
          if (db.remove(blog::schema, "users", eq("name", owner)) != 1) ++wrong;
          if (!db.query(blog::schema, blog::users).find_many({.where = eq("name", owner)}).empty()) ++wrong;
          if (tx) tx->commit();
        } catch (const postgres_error& e) {
          // Named statements meet the pooler once a client, inside a transaction at worst.
          if (unnamed_statements || e.sqlstate != "26000" || ++failures > 1) {
            ++errors;
            problems[static_cast<std::size_t>(t)] = e.what();
          } else {
            // The transaction was rolled back: its row is gone, and the round runs again.
            --round;
          }
        }
      }
      try {
        db.insert(blog::schema, "users", {{"name", owner + "-kept"}, {"email", owner + "-kept@x"}});
      } catch (const postgres_error& e) {
        ++errors;
        problems[static_cast<std::size_t>(t)] = e.what();
      }
    });
  for (auto& w : workers) w.join();
  // Every row kept is where it should be, once.
  auto check = backend::open_at(name, options);
  for (int t = 0; t < threads; ++t) {
    const std::string owner = std::string(process ? process : "p") + "-" + std::to_string(t);
    EXPECT_EQ(check.query(blog::schema, blog::users).find_many({.where = eq("name", owner + "-kept")}).size(), 1u) << owner;
    EXPECT_EQ(check.query(blog::schema, blog::users).find_many({.where = eq("name", owner)}).size(), 0u) << owner;
  }
  for (const std::string& p : problems) EXPECT_EQ(p, "");
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(errors.load(), 0);
}

TEST(PoolerStress, ManyClientsUnnamed) { stress(true); }
TEST(PoolerStress, ManyClientsNamed) { stress(false); }

}  // namespace
