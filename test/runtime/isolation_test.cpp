// Lost updates: 8 connections each adding 1 to one counter 200 times, as
// {transaction; read; write value + 1; commit}. Plainly written, PostgreSQL's READ
// COMMITTED kept 303 of 1,600 and SQLite 1,600: the same code, two results. With a row
// lock (for_update), or a serializable transaction run again on a conflict
// (run_transaction), both keep all 1,600.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "runtime/backend.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;

namespace counter {
inline constexpr auto counters = table("counters", column("value", integer().not_null()));
inline constexpr auto schema = define_schema(tables(counters));
}  // namespace counter

struct counter_row {
  std::int64_t id;
  std::int64_t value;
};

constexpr int threads = 8, increments = 200;

std::string database_name() {
  static std::atomic<int> made{0};
  return "counter_" + std::to_string(::getpid()) + "_" + std::to_string(made++);
}

backend::database connect(const std::string& name) {
#ifdef ORM_TEST_POSTGRES
  return backend::open_at(name);
#else
  // SQLite's file lock is not fair: 8 writers in a loop can keep one waiting past the
  // default 5 s on a loaded machine, so the wait is set above that (docs/runtime.md).
  return backend::database(backend::path_of(name), {.busy_timeout_ms = 600000});
#endif
}

// Runs `increment(db)` increments times on each of 8 connections; returns the count.
// `seeded`: the counter's row is there, at 0, before they start.
template <class Increment>
std::int64_t count_after(Increment increment, bool seeded = true) {
  const std::string name = database_name();
  {
    auto db = backend::open_at(name);
    db.migrate(counter::schema);
    if (seeded) db.insert(counter::schema, "counters", {{"value", 0}});
  }
  std::vector<std::string> failures(threads);
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      try {
        auto db = connect(name);
        for (int i = 0; i < increments; ++i) increment(db);
      } catch (const std::exception& e) {
        failures[static_cast<std::size_t>(t)] = e.what();
      }
    });
  for (auto& w : workers) w.join();
  for (const std::string& f : failures) EXPECT_EQ(f, "");
  auto db = backend::open_at(name);
  const auto row = db.query(counter::schema, counter::counters).find_unique<counter_row>({.where = eq("id", 1)});
  const std::int64_t count = row ? row->value : -1;
  backend::forget(name);
  return count;
}

TEST(Isolation, ARowLockedForUpdateKeepsEveryIncrement) {
  const auto count = count_after([](backend::database& db) {
    auto tx = db.transaction();
    const auto row = db.query(counter::schema, counter::counters).find_unique<counter_row>({.where = eq("id", 1), .lock = for_update});
    db.update(counter::schema, "counters", {{"value", row->value + 1}}, eq("id", 1));
    tx.commit();
  });
  EXPECT_EQ(count, threads * increments);
}

TEST(Isolation, AnAtomicUpdateKeepsEveryIncrementInsideATransactionOrNot) {
  const auto count = count_after([](backend::database& db) {
    auto tx = db.transaction();
    db.query(counter::schema, counter::counters).find_unique<counter_row>({.where = eq("id", 1)});  // a read the add ignores
    EXPECT_EQ(db.update(counter::schema, "counters", {{"value", orm::add(2)}}, eq("id", 1)), 1);
    tx.commit();
    db.update(counter::schema, "counters", {{"value", orm::sub(1)}}, eq("id", 1));
  });
  EXPECT_EQ(count, threads * increments);
}

TEST(Isolation, UpsertsRacingToInsertOneKeyKeepEveryIncrement) {
  // Insert-catch-update loses the race between the catch and the update (or aborts a
  // PostgreSQL transaction at the catch); ON CONFLICT decides it in the database.
  const auto count = count_after(
      [](backend::database& db) {
        db.upsert(counter::schema, "counters", {{"id", 1}, {"value", 1}},
                  {.on = {"id"}, .update = fields{{"value", orm::add(1)}}});
      },
      false);
  EXPECT_EQ(count, threads * increments);
}

namespace atomic {
inline constexpr auto items = table("items", column("stock", integer()), column("price", real().not_null()),
                                    column("name", text()), column("seen", timestamp()));
inline constexpr auto schema = define_schema(tables(items));
}  // namespace atomic

struct item_row {
  std::optional<std::int64_t> stock;
  double price;
};

TEST(AtomicUpdates, AddAndSubOnIntegersAndReals) {
  auto db = backend::open();
  db.migrate(atomic::schema);
  const auto id = db.insert(atomic::schema, "items", {{"stock", 10}, {"price", 2.5}});
  db.update(atomic::schema, "items", {{"stock", orm::sub(3)}, {"price", orm::add(0.25)}}, eq("id", id));
  db.update(atomic::schema, "items", {{"price", orm::add(1)}}, eq("id", id));  // an integer added to a real
  auto row = db.query(atomic::schema, atomic::items).find_unique<item_row>({.where = eq("id", id)});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->stock, 7);
  EXPECT_EQ(row->price, 3.75);
  // NULL stays NULL, as in SQL.
  const auto empty = db.insert(atomic::schema, "items", {{"price", 1.0}});
  db.update(atomic::schema, "items", {{"stock", orm::add(1)}}, eq("id", empty));
  EXPECT_EQ(db.query(atomic::schema, atomic::items).find_unique<item_row>({.where = eq("id", empty)})->stock, std::nullopt);
}

TEST(AtomicUpdates, AnIntegerPastTheInt64RangeIsAnErrorAndTheValueStays) {
  auto db = backend::open();
  db.migrate(atomic::schema);
  const std::int64_t top = std::numeric_limits<std::int64_t>::max() - 1;
  const auto id = db.insert(atomic::schema, "items", {{"stock", top}, {"price", 1.0}});
  EXPECT_THROW(db.update(atomic::schema, "items", {{"stock", orm::add(2)}}, eq("id", id)), backend::driver_error);
  db.update(atomic::schema, "items", {{"stock", orm::add(1)}}, eq("id", id));
  EXPECT_EQ(db.query(atomic::schema, atomic::items).find_unique<item_row>({.where = eq("id", id)})->stock,
            std::numeric_limits<std::int64_t>::max());
  const auto low = db.insert(atomic::schema, "items", {{"stock", std::numeric_limits<std::int64_t>::min()}, {"price", 1.0}});
  EXPECT_THROW(db.update(atomic::schema, "items", {{"stock", orm::sub(1)}}, eq("id", low)), backend::driver_error);
  EXPECT_THROW(orm::sub(std::numeric_limits<std::int64_t>::min()), schema_error);
  EXPECT_THROW(orm::add(std::numeric_limits<std::uint64_t>::max()), schema_error);
}

TEST(AtomicUpdates, TheRefusalsNameTheColumnAndTheWayOut) {
  auto db = backend::open();
  db.migrate(atomic::schema);
  const auto id = db.insert(atomic::schema, "items", {{"price", 1.0}});
  const auto refusal = [&](auto&& write) -> std::string {
    try {
      write();
    } catch (const schema_error& e) {
      return e.what();
    }
    return "(accepted)";
  };
  EXPECT_EQ(refusal([&] { db.update(atomic::schema, "items", {{"name", orm::add(1)}}, eq("id", id)); }),
            "'items.name' holds text, and this value is orm::add of an integer");
  EXPECT_EQ(refusal([&] { db.update(atomic::schema, "items", {{"stock", orm::add(0.5)}}, eq("id", id)); }),
            "'items.stock' holds integers, and this value is orm::add of a real");
  EXPECT_EQ(refusal([&] { db.update(atomic::schema, "items", {{"price", orm::now<std::chrono::seconds>()}}, eq("id", id)); }),
            "'items.price' holds reals, and this value is orm::now()");
  EXPECT_EQ(refusal([&] { db.insert(atomic::schema, "items", {{"stock", orm::add(1)}, {"price", 1.0}}); }),
            "'items.stock' is inserted with orm::add of an integer, which adds to the row's current value and so is for "
            "updates only; insert the value itself");
  EXPECT_NE(refusal([&] { db.query(atomic::schema, atomic::items).find_many({.where = in("stock", {orm::add(1), 2})}); })
                .find("values of an update's columns only"),
            std::string::npos);
  EXPECT_NE(refusal([&] { db.update(atomic::schema, "items", {{"price", orm::add(std::nan(""))}}, eq("id", id)); })
                .find("not be a finite number"),
            std::string::npos);
}

struct seen_row {
  std::optional<std::chrono::sys_seconds> seen;
};
struct seen_ms_row {
  std::optional<std::chrono::sys_time<std::chrono::milliseconds>> seen;
};

TEST(AtomicUpdates, NowIsTheDatabasesClockInTheUnitAsked) {
  auto db = backend::open();
  db.migrate(atomic::schema);
  using namespace std::chrono;
  const auto before = floor<milliseconds>(system_clock::now());
  const auto id = db.insert(atomic::schema, "items", {{"price", 1.0}, {"seen", orm::now<seconds>()}});
  const auto in_seconds = db.query(atomic::schema, atomic::items).find_unique<seen_row>({.where = eq("id", id)});
  ASSERT_TRUE(in_seconds && in_seconds->seen);
  // The database's clock is this machine's: within a minute of ours, whole seconds.
  EXPECT_LE(abs(*in_seconds->seen - floor<seconds>(before)), minutes(1));
  db.update(atomic::schema, "items", {{"seen", orm::now<milliseconds>()}}, eq("id", id));
  const auto in_ms = db.query(atomic::schema, atomic::items).find_unique<seen_ms_row>({.where = eq("id", id)});
  ASSERT_TRUE(in_ms && in_ms->seen);
  EXPECT_LE(abs(*in_ms->seen - before), minutes(1));
  EXPECT_GE(*in_ms->seen, floor<seconds>(*in_seconds->seen));
}

TEST(Isolation, ASerializableTransactionRunAgainOnConflictKeepsEveryIncrement) {
  std::atomic<int> runs{0};
  const auto count = count_after([&](backend::database& db) {
    run_transaction(db, {.isolation = serializable}, [&] {
      ++runs;
      const auto row = db.query(counter::schema, counter::counters).find_unique<counter_row>({.where = eq("id", 1)});
      db.update(counter::schema, "counters", {{"value", row->value + 1}}, eq("id", 1));
    }, 1000);
  });
  EXPECT_EQ(count, threads * increments);
  // PostgreSQL refused conflicting ones, which ran again; SQLite's writers take turns.
  if (backend::is_postgres) {
    EXPECT_GT(runs.load(), threads * increments);
  } else {
    EXPECT_EQ(runs.load(), threads * increments);
  }
}

TEST(Isolation, RunTransactionReturnsTheBodysValueAndRethrowsOtherErrors) {
  auto db = backend::open();
  db.migrate(counter::schema);
  const std::int64_t id = run_transaction(db, {}, [&] { return db.insert(counter::schema, "counters", {{"value", 5}}); });
  EXPECT_EQ(id, 1);
  int runs = 0;
  EXPECT_THROW(run_transaction(db, {.isolation = repeatable_read}, [&] {
    ++runs;
    db.insert(counter::schema, "counters", {{"value", 6}});
    db.insert(counter::schema, "counters", {{"id", 1}, {"value", 7}});  // a duplicate id: no conflict to retry
  }), backend::driver_error);
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(db.query(counter::schema, counter::counters).find_many().size(), 1u);  // rolled back
}

TEST(Isolation, ANestedTransactionCannotChooseItsLevel) {
  auto db = backend::open();
  db.migrate(counter::schema);
  auto outer = db.transaction({.isolation = read_committed});
  try {
    auto inner = db.transaction({.isolation = serializable});
    FAIL() << "a savepoint took an isolation level";
  } catch (const orm::runtime::error& e) {
    EXPECT_NE(std::string(e.what()).find("give .isolation to the outermost transaction"), std::string::npos) << e.what();
  }
  auto inner = db.transaction();  // without one, it is a savepoint as before
  db.insert(counter::schema, "counters", {{"value", 1}});
  inner.commit();
  outer.commit();
  EXPECT_EQ(db.query(counter::schema, counter::counters).find_many().size(), 1u);
}

}  // namespace
