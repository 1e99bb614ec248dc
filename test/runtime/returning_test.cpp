// db.returning<T>(): insert, insert_many, update, remove and upsert that return the rows
// they wrote as T (RETURNING), planned and guarded as the plain writes, on both backends.
#include <chrono>
#include <functional>

#include <gtest/gtest.h>

#include "runtime/backend.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;
using micros = std::chrono::sys_time<std::chrono::microseconds>;

namespace tasks {
inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto items = table("items", column("title", text().not_null()), column("done", boolean().not_null()),
                                    column("due", timestamp()), column("ownerId", id("users").references("users")), column("code", text().unique()),
                                    index("by_owner").on("ownerId"));
inline constexpr auto schema = define_schema(tables(users, items))
    .relations(many(users, "items", items, {.to = "ownerId"}), one(items, "owner", users, {.from = "ownerId"}));
}  // namespace tasks

struct item_row {
  std::int64_t id;
  std::string title;
  bool done;
  std::optional<micros> due;
};
struct title_only {
  std::string title;
};
struct with_owner {
  std::string title;
  std::optional<title_only> owner;
};
struct title_as_integer {
  std::int64_t title;
};
struct coded {
  std::int64_t id;
  std::string title;
  std::optional<std::string> code;
};

class Returning : public ::testing::Test {
 protected:
  void SetUp() override {
    db.migrate(tasks::schema);
    owner = db.insert(tasks::schema, "users", {{"name", "ann"}});
  }
  backend::database db = backend::open();
  std::int64_t owner = 0;
};

TEST_F(Returning, InsertUpdateAndRemoveReturnTheRowsTheyWrote) {
  const micros due{std::chrono::microseconds(1'700'000'000'123'456)};
  const auto inserted = db.returning<item_row>().insert(
      tasks::schema, "items", {{"title", "write"}, {"done", false}, {"due", due.time_since_epoch().count()}, {"ownerId", owner}});
  ASSERT_EQ(inserted.size(), 1u);
  EXPECT_GT(inserted[0].id, 0);
  EXPECT_EQ(inserted[0].title, "write");
  EXPECT_EQ(inserted[0].due, due);
  db.insert(tasks::schema, "items", {{"title", "read"}, {"done", false}, {"ownerId", owner}});
  const auto updated = db.returning<item_row>().update(tasks::schema, "items", {{"done", true}}, eq("ownerId", owner));
  ASSERT_EQ(updated.size(), 2u);
  EXPECT_TRUE(updated[0].done && updated[1].done);
  EXPECT_TRUE(db.returning<item_row>().update(tasks::schema, "items", {{"done", true}}, eq("title", "none")).empty());
  const auto removed = db.returning<title_only>().remove(tasks::schema, "items", eq("title", "read"));
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].title, "read");
  EXPECT_EQ(db.query(tasks::schema, tasks::items).count(), 1);
}

TEST_F(Returning, AnIdWrittenMovesTheIdentityPastIt) {
  db.returning<item_row>().insert(tasks::schema, "items", {{"id", 50}, {"title", "a"}, {"done", false}});
  EXPECT_EQ(db.insert(tasks::schema, "items", {{"title", "b"}, {"done", false}}), 51);
}

TEST_F(Returning, TheWriteIsGuardedAndTheStructCheckedBeforeAnythingRuns) {
  EXPECT_THROW(db.returning<item_row>().remove(tasks::schema, "items", {}), full_scan_error);
  EXPECT_THROW(db.returning<item_row>().insert(tasks::schema, "items", {{"titel", "x"}, {"done", false}}), schema_error);
  try {
    db.returning<with_owner>().insert(tasks::schema, "items", {{"title", "x"}, {"done", false}});
    ADD_FAILURE() << "no error";
  } catch (const row_mismatch_error& e) {
    EXPECT_STREQ(e.what(),
                 "field 'owner' of 'with_owner' is no column of 'items', and a write returns the columns of the rows it "
                 "wrote; read what they relate to with a find after the write");
  }
  EXPECT_THROW(db.returning<title_as_integer>().insert(tasks::schema, "items", {{"title", "x"}, {"done", false}}),
               row_mismatch_error);
  EXPECT_EQ(db.query(tasks::schema, tasks::items).count(), 0);
}

TEST_F(Returning, UpsertReturnsTheRowInsertedOrTheStoredRowItChanged) {
  const auto first = db.returning<coded>().upsert(tasks::schema, "items", {{"title", "a"}, {"done", false}, {"code", "A"}},
                                                  {.on = {"code"}});
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].title, "a");
  const auto again = db.returning<coded>().upsert(tasks::schema, "items", {{"title", "b"}, {"done", true}, {"code", "A"}},
                                                  {.on = {"code"}});
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].id, first[0].id);  // the stored row, changed
  EXPECT_EQ(again[0].title, "b");
  // Nothing to change but the key: the stored row still comes back, as it is.
  const auto kept = db.returning<coded>().upsert(tasks::schema, "items", {{"title", "c"}, {"done", true}, {"code", "A"}},
                                                 {.on = {"code"}, .update = fields{}});
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].title, "b");
  EXPECT_THROW(db.returning<coded>().upsert(tasks::schema, "items", {{"title", "d"}, {"done", true}, {"code", "A"}},
                                            {.on = {"title"}}),
               schema_error);  // not a unique key
  EXPECT_EQ(db.query(tasks::schema, tasks::items).count(), 1);
}

TEST_F(Returning, InsertManyReturnsEveryRowInTheOrderGivenAcrossStatements) {
  // More rows than one statement carries, and a change of columns midway: several INSERTs.
  std::vector<fields> rows;
  for (int i = 0; i < 1203; ++i) {
    fields row{{"title", "t" + std::to_string(i)}, {"done", i % 2 == 0}};
    if (i >= 700) row.emplace_back("ownerId", owner);
    rows.push_back(std::move(row));
  }
  const auto written = db.returning<item_row>().insert_many(tasks::schema, "items", rows);
  ASSERT_EQ(written.size(), rows.size());
  for (std::size_t i = 0; i < written.size(); ++i) {
    ASSERT_EQ(written[i].title, "t" + std::to_string(i));
    ASSERT_EQ(written[i].done, i % 2 == 0);
    if (i > 0) {
      ASSERT_GT(written[i].id, written[i - 1].id);
    }
  }
  EXPECT_TRUE(db.returning<item_row>().insert_many(tasks::schema, "items", {}).empty());
  EXPECT_EQ(db.query(tasks::schema, tasks::items).count(), 1203);
}

TEST_F(Returning, AFailingRowOfABatchWritesNoneAndNamesItsPlace) {
  std::vector<fields> rows{{{"title", "a"}, {"done", false}, {"ownerId", owner}},
                           {{"title", "b"}, {"done", false}, {"ownerId", owner + 100}}};
  try {
    db.returning<item_row>().insert_many(tasks::schema, "items", rows);
    ADD_FAILURE() << "no error";
  } catch (const backend::driver_error& e) {  // the column and the value, as the plain write names them
    for (const std::string& part : {std::string("ownerId"), std::to_string(owner + 100), std::string("users")})
      EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << part << " in " << e.what();
  }
  EXPECT_EQ(db.query(tasks::schema, tasks::items).count(), 0);  // the transaction rolled back
}

}  // namespace
