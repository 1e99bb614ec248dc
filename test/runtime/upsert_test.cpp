// upsert on both backends: one statement that inserts a row or changes the one it
// conflicts with on a unique key, returning its id; the planner's refusals, in the words
// ormlint's orm-conflict-target uses at the call site.
#include <gtest/gtest.h>

#include <string>

#include "runtime/blog_fixture.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;
using orm::testing::blog_database;

namespace site {
inline constexpr auto pages = table("pages", column("path", text().not_null().unique()),
                                    column("title", text()), column("visits", integer().not_null()),
                                    column("section", text()), column("slug", text()),
                                    unique_index("by_section_slug").on("section", "slug"));
inline constexpr auto schema = define_schema(tables(pages));
}  // namespace site

struct page_row {
  std::int64_t id;
  std::string path;
  std::optional<std::string> title;
  std::int64_t visits;
};

class Upsert : public ::testing::Test {
 protected:
  void SetUp() override { db.migrate(site::schema); }

  std::optional<page_row> page(const std::string& path) {
    return db.query(site::schema, site::pages).find_unique<page_row>({.where = eq("path", path)});
  }
  std::int64_t pages() { return db.query(site::schema, site::pages).count(); }
  std::string refusal(const fields& row, const upsert_options& options) {
    try {
      db.upsert(site::schema, "pages", row, options);
    } catch (const schema_error& e) {
      return e.what();
    }
    return "";
  }

  backend::database db = backend::open();
};

TEST_F(Upsert, InsertsTheRowThenChangesTheOneItConflictsWith) {
  const auto id = db.upsert(site::schema, "pages", {{"path", "/a"}, {"title", "A"}, {"visits", 1}}, {.on = {"path"}});
  EXPECT_EQ(page("/a")->id, id);
  // The same key again: the stored row takes the row's other fields, and keeps its id.
  EXPECT_EQ(db.upsert(site::schema, "pages", {{"path", "/a"}, {"title", "A, again"}, {"visits", 7}}, {.on = {"path"}}), id);
  EXPECT_EQ(page("/a")->title, "A, again");
  EXPECT_EQ(page("/a")->visits, 7);
  // Another key: another row.
  const auto other = db.upsert(site::schema, "pages", {{"path", "/b"}, {"visits", 1}}, {.on = {"path"}});
  EXPECT_NE(other, id);
  EXPECT_EQ(pages(), 2);
}

TEST_F(Upsert, AnUpdateGivenIsWhatAConflictingRowGets) {
  const upsert_options count_visit{.on = {"path"}, .update = fields{{"visits", orm::add(1)}}};
  for (int i = 0; i < 3; ++i) db.upsert(site::schema, "pages", {{"path", "/a"}, {"title", "first"}, {"visits", 1}}, count_visit);
  EXPECT_EQ(page("/a")->visits, 3);
  EXPECT_EQ(page("/a")->title, "first");  // not in .update: kept
  // An empty update leaves the stored row as it is, and still gives its id.
  const auto id = page("/a")->id;
  EXPECT_EQ(db.upsert(site::schema, "pages", {{"path", "/a"}, {"title", "ignored"}, {"visits", 9}},
                      {.on = {"path"}, .update = fields{}}),
            id);
  EXPECT_EQ(page("/a")->title, "first");
  EXPECT_EQ(page("/a")->visits, 3);
  // A row of the key's columns alone: inserted once, then left as it is.
  db.migrate(blog::schema);
  db.upsert(blog::schema, "tags", {{"name", "news"}}, {.on = {"name"}});
  const auto tag = db.upsert(blog::schema, "tags", {{"name", "news"}}, {.on = {"name"}});
  EXPECT_EQ(db.query(blog::schema, blog::tags).count({.where = eq("id", tag)}), 1);
}

TEST_F(Upsert, AUniqueIndexOfTwoColumnsInAnyOrderAndTheIdAreKeys) {
  const auto id = db.upsert(site::schema, "pages", {{"path", "/x"}, {"section", "docs"}, {"slug", "intro"}, {"visits", 1}},
                            {.on = {"section", "slug"}});
  EXPECT_EQ(db.upsert(site::schema, "pages", {{"path", "/y"}, {"section", "docs"}, {"slug", "intro"}, {"visits", 2}},
                      {.on = {"slug", "section"}}),
            id);
  EXPECT_EQ(page("/y")->visits, 2);  // the path changed with the rest
  // The id as the key: the row asked for is written with that id, then changed.
  EXPECT_EQ(db.upsert(site::schema, "pages", {{"id", 100}, {"path", "/c"}, {"visits", 1}}, {.on = {"id"}}), 100);
  EXPECT_EQ(db.upsert(site::schema, "pages", {{"id", 100}, {"path", "/d"}, {"visits", 2}}, {.on = {"id"}}), 100);
  EXPECT_EQ(page("/d")->id, 100);
  // A plain insert afterwards gets an id of its own (PostgreSQL's sequence follows the id written).
  EXPECT_GT(db.insert(site::schema, "pages", {{"path", "/e"}, {"visits", 1}}), 100);
  EXPECT_EQ(pages(), 3);
}

TEST_F(Upsert, AConflictTargetThatIsNotExactlyAUniqueKeyIsRefusedBeforeAnythingRuns) {
  const fields row = {{"path", "/a"}, {"title", "A"}, {"visits", 1}, {"section", "s"}, {"slug", "t"}};
  EXPECT_NE(refusal(row, {.on = {"title"}}).find("an upsert of 'pages' on (title) needs exactly a unique key to conflict "
                                                 "on, and (title) is not one; name one of (id), (path), (section, slug)"),
            std::string::npos);
  // Part of a unique index is no key; nor is more than one.
  EXPECT_NE(refusal(row, {.on = {"section"}}).find("(section) is not one"), std::string::npos);
  EXPECT_NE(refusal(row, {.on = {"path", "title"}}).find("(path, title) is not one"), std::string::npos);
  EXPECT_NE(refusal(row, {.on = {"path", "path"}}).find("is not one"), std::string::npos);
  EXPECT_NE(refusal(row, {}).find("an upsert of 'pages' needs .on, the columns of the unique key a row conflicts on"),
            std::string::npos);
  EXPECT_NE(refusal(row, {.on = {"pth"}}).find("'pth'"), std::string::npos);
  EXPECT_NE(refusal(row, {.on = {"pth"}}).find("'path'"), std::string::npos);  // did you mean
  EXPECT_NE(refusal({{"title", "A"}, {"visits", 1}}, {.on = {"path"}}).find("inserts no 'path'"), std::string::npos);
  // The update is planned as an update: its columns and values.
  EXPECT_NE(refusal(row, {.on = {"path"}, .update = fields{{"vists", orm::add(1)}}}).find("'vists'"), std::string::npos);
  EXPECT_NE(refusal(row, {.on = {"path"}, .update = fields{{"visits", "many"}}}).find("holds integers"), std::string::npos);
  // The row is planned as an insert: adding is for the update.
  EXPECT_NE(refusal({{"path", "/a"}, {"visits", orm::add(1)}}, {.on = {"path"}}).find("for updates only"), std::string::npos);
  EXPECT_EQ(pages(), 0);
}

TEST_F(Upsert, AnotherUniqueKeyStillRefusesItsDuplicateInTheDatabasesWords) {
  db.upsert(site::schema, "pages", {{"path", "/a"}, {"visits", 1}}, {.on = {"path"}});
  db.upsert(site::schema, "pages", {{"id", 50}, {"path", "/b"}, {"visits", 1}}, {.on = {"id"}});
  // The id conflicts on nothing; the path does, on a key the upsert did not name.
  EXPECT_THROW(db.upsert(site::schema, "pages", {{"id", 50}, {"path", "/a"}, {"visits", 1}}, {.on = {"id"}}),
               backend::driver_error);
  EXPECT_EQ(page("/b")->id, 50);
}

TEST_F(Upsert, AConflictInsideATransactionLeavesItUsable) {
  // Insert-catch-update aborts a PostgreSQL transaction at the catch; ON CONFLICT does not.
  db.upsert(site::schema, "pages", {{"path", "/a"}, {"visits", 1}}, {.on = {"path"}});
  auto tx = db.transaction();
  db.upsert(site::schema, "pages", {{"path", "/a"}, {"visits", 2}}, {.on = {"path"}});
  db.insert(site::schema, "pages", {{"path", "/b"}, {"visits", 1}});
  tx.commit();
  EXPECT_EQ(page("/a")->visits, 2);
  EXPECT_EQ(pages(), 2);
}

TEST_F(Upsert, AStructIsTheRowAndTheVariantRulesHold) {
  // A plain id of 0 is a struct read from nowhere: refused as insert refuses it.
  EXPECT_THROW(db.upsert(site::schema, "pages", page_row{0, "/s", "S", 1}, {.on = {"path"}}), schema_error);
  const auto id = db.upsert(site::schema, "pages", page_row{3, "/s", "S", 1}, {.on = {"path"}});
  EXPECT_EQ(id, 3);
  struct new_page {
    std::string path;
    std::int64_t visits;
  };
  EXPECT_EQ(db.upsert(site::schema, "pages", new_page{"/s", 5}, {.on = {"path"}}), id);
  EXPECT_EQ(page("/s")->visits, 5);
  EXPECT_EQ(page("/s")->title, "S");

  // A discriminated row upserted as another variant drops the old variant's fields.
  db.migrate(blog::schema);
  const fields role = {{"id", 7}, {"at", 1}, {"action", "role_change"}, {"oldRole", "a"}, {"newRole", "b"}};
  db.upsert(blog::schema, "audit_logs", role, {.on = {"id"}});
  db.upsert(blog::schema, "audit_logs", {{"id", 7}, {"at", 2}, {"action", "post_update"}, {"version", 3}}, {.on = {"id"}});
  EXPECT_EQ(backend::scalar(db, "SELECT \"newRole\" IS NULL FROM audit_logs WHERE id = 7"), "1");
  EXPECT_EQ(backend::scalar(db, "SELECT version FROM audit_logs WHERE id = 7"), "3");
  // An update that sets a variant's field names the variant, as db.update must.
  EXPECT_THROW(db.upsert(blog::schema, "audit_logs", role, {.on = {"id"}, .update = fields{{"newRole", "c"}}}),
               discriminator_write_error);
}

}  // namespace
