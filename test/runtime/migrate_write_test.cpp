// Migration and writes on both backends (SQLite files too): idempotent DDL in one
// transaction, bound parameters only, discriminator write rules.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "runtime/blog_fixture.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;
using orm::testing::blog_database;

#ifndef ORM_TEST_POSTGRES
std::vector<std::string> sql_names(database& db, const std::string& type) {
  statement s(db.handle(), "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name");
  s.bind({param(type)});
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

TEST(Migrate, CreatesTablesIndexesAndConstraintsOnAFileAndIsSafeTwice) {
  const std::filesystem::path path = orm::testing::temp_dir::file("orm_migrate_test.db");
  {
    database db(path.string());
    db.migrate(blog::schema);
    db.migrate(blog::schema);  // twice: nothing changes, nothing fails
    EXPECT_EQ(sql_names(db, "table"), (std::vector<std::string>{"audit_logs", "comments", "post_tags", "posts", "tags", "users"}));
    const auto indexes = sql_names(db, "index");
    EXPECT_NE(std::find(indexes.begin(), indexes.end(), "posts.by_author"), indexes.end());
    EXPECT_NE(std::find(indexes.begin(), indexes.end(), "post_tags.by_post_tag"), indexes.end());
    db.insert(blog::schema, "users", {{"name", "ann"}, {"email", "a@x"}});
  }
  database reopened(path.string());  // the file keeps what was written
  EXPECT_EQ(reopened.query(blog::schema, blog::users).find_many().size(), 1u);
  std::filesystem::remove(path);
}
#endif

TEST(Migrate, ConstraintsHold) {
  auto db = backend::open();
  db.migrate(blog::schema);
  const auto ann = db.insert(blog::schema, "users", {{"name", "ann"}, {"email", "a@x"}});
  EXPECT_THROW(db.insert(blog::schema, "users", {{"name", "again"}, {"email", "a@x"}}), backend::driver_error);      // unique
  EXPECT_THROW(db.insert(blog::schema, "users", {{"email", "b@x"}}), backend::driver_error);                         // not null
  EXPECT_THROW(db.insert(blog::schema, "posts", {{"title", "t"}, {"authorId", ann + 100}}), backend::driver_error);  // foreign key
  const auto post = db.insert(blog::schema, "posts", {{"title", "t"}, {"authorId", ann}});
  db.insert(blog::schema, "comments", {{"body", "b"}, {"postId", post}, {"authorId", ann}});
  db.remove(blog::schema, "posts", eq("id", post));  // ON DELETE CASCADE takes the comment along
  EXPECT_TRUE(db.query(blog::schema, blog::comments).find_many().empty());
}

// A broken foreign key names its table, column and value on both backends (SQLite's own
// words name none: failure_reasons.hpp adds them).
TEST(Migrate, ForeignKeyFailuresNameTheColumnAndTheValue) {
  auto db = backend::open();
  db.migrate(blog::schema);
  const auto ann = db.insert(blog::schema, "users", {{"name", "ann"}, {"email", "a@x"}});
  const auto expect_named = [](auto&& write, std::initializer_list<const char*> parts) {
    try {
      write();
      ADD_FAILURE() << "the write went through";
    } catch (const backend::driver_error& e) {
      for (const char* part : parts) EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << part << " in " << e.what();
    }
  };
  expect_named([&] { db.insert(blog::schema, "posts", {{"title", "t"}, {"authorId", ann + 100}}); },
               {"authorId", std::to_string(ann + 100).c_str(), "users"});
  db.insert(blog::schema, "posts", {{"title", "t"}, {"authorId", ann}});
  expect_named([&] { db.remove(blog::schema, "users", eq("id", ann)); }, {"posts", "users"});
}

// check(...) constraints become CHECK constraints on both databases: a row that breaks
// one is refused by the database, and the table keeps the rows that hold.
namespace checked {
inline constexpr auto stock = table("stock", column("quantity", integer().not_null()), column("postId", integer()),
                                    column("videoId", integer()), check("not_negative", ge("quantity", 0)),
                                    check("one_target", is_null("postId") || is_null("videoId")));
inline constexpr auto schema = define_schema(tables(stock));
}  // namespace checked

TEST(Migrate, CheckConstraintsHoldOnTheDatabase) {
  auto db = backend::open();
  db.migrate(checked::schema);
  db.insert(checked::schema, "stock", {{"quantity", 0}, {"postId", 1}});
  EXPECT_THROW(db.insert(checked::schema, "stock", {{"quantity", -1}}), backend::driver_error);
  EXPECT_THROW(db.insert(checked::schema, "stock", {{"quantity", 1}, {"postId", 1}, {"videoId", 2}}), backend::driver_error);
  EXPECT_THROW(db.update(checked::schema, "stock", {{"quantity", -5}}, eq("postId", 1)), backend::driver_error);
  const auto rows = db.query(checked::schema, checked::stock).find_many();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["quantity"].as_integer(), 0);
}

TEST(Migrate, FailedMigrationLeavesNothingBehind) {
  auto db = backend::open();
  // A posts table without the schema's required columns: migrate refuses before writing.
  db.exec("CREATE TABLE \"posts\" (\"id\" INTEGER PRIMARY KEY)");
  EXPECT_THROW(db.migrate(blog::schema), schema_error);
  EXPECT_EQ(backend::tables(db), (std::vector<std::string>{"posts"}));
}

using Write = blog_database;

namespace files {
inline constexpr auto blobs = table("blobs", column("label", text()), column("data", bytes()), column("ratio", real()));
inline constexpr auto schema = define_schema(tables(blobs));
}  // namespace files

TEST(Values, QuotesSqlFragmentsAndBinaryReachTheDatabaseUnchanged) {
  auto db = backend::open();
  db.migrate(files::schema);
  const std::string tricky = "O'Brien\"; DROP TABLE blobs; -- \\ %_ ' || '";
  std::string binary;
  for (int b = 1; b < 256; ++b) binary.push_back(static_cast<char>(b));  // every byte but NUL
  const auto id = db.insert(files::schema, "blobs", {{"label", tricky}, {"data", blob{binary}}, {"ratio", 0.1}});
  auto read = [&] { return *db.query(files::schema, files::blobs).find_unique({.where = eq("id", id)}); };
  EXPECT_EQ(read()["label"].as_text(), tricky);
  EXPECT_EQ(read()["data"].type(), node::kind::bytes);
  EXPECT_EQ(read()["data"].as_text(), binary);
  EXPECT_EQ(read()["ratio"].as_real(), 0.1);
  // The same values as filters and as updates.
  const std::string unicode = "naïve 日本語 \"quoted\" \x01\x7f";
  EXPECT_EQ(db.update(files::schema, "blobs", {{"label", unicode}, {"data", blob{tricky}}}, eq("label", tricky)), 1);
  EXPECT_EQ(read()["label"].as_text(), unicode);
  EXPECT_EQ(read()["data"].as_text(), tricky);
  EXPECT_EQ(db.query(files::schema, files::blobs).find_many({.where = like("label", "%日本%")}).size(), 1u);
  // Text that is not UTF-8 is refused, with the way out, instead of making rows unreadable.
  EXPECT_THROW(db.update(files::schema, "blobs", {{"label", binary}}, eq("id", id)), schema_error);
  EXPECT_EQ(db.remove(files::schema, "blobs", eq("label", unicode)), 1);
  EXPECT_EQ(backend::tables(db), std::vector<std::string>{"blobs"});  // nothing was dropped
}

TEST_F(Write, UpdateAndRemoveCountRows) {
  EXPECT_EQ(db.update(blog::schema, "posts", {{"published", true}}, eq("authorId", ann)), 2);
  EXPECT_EQ(db.remove(blog::schema, "post_tags", eq("tagId", cpp)), 2);
  EXPECT_THROW(db.update(blog::schema, "posts", {{"nope", 1}}, eq("id", first)), schema_error);
  EXPECT_THROW(db.insert(blog::schema, "nowhere", {{"a", 1}}), schema_error);
}

TEST_F(Write, DiscriminatorRules) {
  const fields ok = {{"at", 1}, {"action", "role_change"}, {"targetUserId", bob}, {"oldRole", "a"}, {"newRole", "b"}};
  const auto id = db.insert(blog::schema, "audit_logs", ok);
  // The active variant's required fields must be there.
  EXPECT_THROW(db.insert(blog::schema, "audit_logs", {{"at", 1}, {"action", "role_change"}, {"oldRole", "a"}}),
               discriminator_write_error);
  // Another variant's fields must not.
  EXPECT_THROW(db.insert(blog::schema, "audit_logs", {{"at", 1}, {"action", "security_alert"}, {"severity", "x"},
                                                      {"resolved", true}, {"newRole", "b"}}),
               discriminator_write_error);
  // The discriminator must name a variant, and be there.
  EXPECT_THROW(db.insert(blog::schema, "audit_logs", {{"at", 1}, {"action", "nope"}}), discriminator_write_error);
  EXPECT_THROW(db.insert(blog::schema, "audit_logs", {{"at", 1}}), discriminator_write_error);
  // A variant field alone cannot be updated without naming the variant.
  EXPECT_THROW(db.update(blog::schema, "audit_logs", {{"newRole", "c"}}, eq("id", id)), discriminator_write_error);
  // Changing the variant clears the old variant's fields.
  db.update(blog::schema, "audit_logs", {{"action", "post_update"}, {"postId", first}, {"version", 2}}, eq("id", id));
  const auto row = db.query(blog::schema, blog::audit_logs).find_unique({.where = eq("id", id)});
  EXPECT_EQ((*row)["details"]["version"].as_integer(), 2);
  EXPECT_EQ(backend::scalar(db, "SELECT \"newRole\" IS NULL FROM audit_logs WHERE id = " + std::to_string(id)), "1");
}

TEST_F(Write, ExecRunsAStatementOfYourOwnWithItsParametersBound) {
  auto mark = [](int n) { return backend::is_postgres ? "$" + std::to_string(n) : std::string("?"); };
  const std::string hostile = "x'); DROP TABLE posts; --";
  EXPECT_EQ(db.exec("UPDATE posts SET title = " + mark(1) + " WHERE \"authorId\" = " + mark(2), {param(hostile), param(ann)}),
            2);
  EXPECT_EQ(db.query(blog::schema, blog::posts).count({.where = eq("title", hostile)}), 2);  // data, not SQL
  EXPECT_EQ(db.exec("DELETE FROM post_tags WHERE \"tagId\" = " + mark(1), {param(cpp)}), 2);
  EXPECT_EQ(db.exec("SELECT id FROM posts WHERE id > " + mark(1), {param(0)}), 0);  // reads change nothing
  // Too few or too many parameters, and a second statement, are refused before anything runs.
  EXPECT_THROW(db.exec("UPDATE posts SET title = " + mark(1) + " WHERE id = " + mark(2), {param("y")}), backend::driver_error);
  EXPECT_THROW(db.exec("UPDATE posts SET title = 'y' WHERE id = " + mark(1), {param(first), param(2)}), backend::driver_error);
  EXPECT_THROW(db.exec("DELETE FROM comments WHERE id = " + mark(1) + "; DELETE FROM posts", {param(1)}), backend::driver_error);
  EXPECT_EQ(db.query(blog::schema, blog::posts).count(), 3);
  EXPECT_EQ(db.query(blog::schema, blog::comments).count(), 3);
}

}  // namespace
