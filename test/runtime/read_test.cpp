// Relational reads: every option, nested loads, through, self-reference, variants.
#include <gtest/gtest.h>

#include "runtime/blog_fixture.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;
using orm::testing::blog_database;
using orm::testing::texts;
using names = std::vector<std::string>;

using Read = blog_database;

TEST_F(Read, FindManyReturnsRowsWithTypedColumns) {
  const auto posts = db.query(blog::schema, blog::posts).find_many({.order_by = {asc("id")}});
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[0]["title"].as_text(), "first");
  EXPECT_EQ(posts[0]["published"].type(), node::kind::boolean);
  EXPECT_TRUE(posts[0]["published"].as_boolean());
  EXPECT_FALSE(posts[1]["published"].as_boolean());  // the column's default
  EXPECT_TRUE(posts[1]["reviewerId"].is_null());
  EXPECT_EQ(posts[2]["authorId"].as_integer(), bob);
}

TEST_F(Read, ColumnsIncludeExcludeOrNoneKeepRelations) {
  auto users = db.query(blog::schema, blog::users);
  const auto included = users.find_many({.columns = only("name"), .order_by = {asc("id")}, .limit = 1});
  ASSERT_EQ(included[0].fields().size(), 1u);
  EXPECT_EQ(included[0]["name"].as_text(), "ann");
  const auto excluded = users.find_many({.columns = except("email", "managerId"), .limit = 1});
  EXPECT_FALSE(excluded[0].contains("email"));
  EXPECT_TRUE(excluded[0].contains("name"));
  const auto none = users.find_many({.columns = no_columns(), .where = eq("id", ann),
                                     .with = {{"authoredPosts", {.columns = only("title")}}}});
  ASSERT_EQ(none[0].fields().size(), 1u);
  EXPECT_EQ(none[0]["authoredPosts"].size(), 2u);
}

TEST_F(Read, WhereComparisonsInLikeNullsAndConnectives) {
  auto posts = db.query(blog::schema, blog::posts);
  auto titles = [&](const condition& where) {
    return texts(posts.find_many({.where = where, .order_by = {asc("id")}}), "title");
  };
  EXPECT_EQ(titles(eq("title", "second")), (names{"second"}));
  EXPECT_EQ(titles(ne("title", "second")), (names{"first", "third"}));
  EXPECT_EQ(titles(gt("id", first)), (names{"second", "third"}));
  EXPECT_EQ(titles(le("id", second)), (names{"first", "second"}));
  EXPECT_EQ(titles(in("id", {first, third})), (names{"first", "third"}));
  EXPECT_EQ(titles(in("id", {})), names{});
  EXPECT_EQ(titles(like("title", "%ir%")), (names{"first", "third"}));
  EXPECT_EQ(titles(is_null("reviewerId")), (names{"second", "third"}));
  EXPECT_EQ(titles(is_not_null("reviewerId")), (names{"first"}));
  EXPECT_EQ(titles(eq("published", true) && eq("authorId", ann)), (names{"first"}));
  EXPECT_EQ(titles(eq("title", "first") || eq("title", "third")), (names{"first", "third"}));
  EXPECT_EQ(titles(!eq("authorId", ann)), (names{"third"}));
  EXPECT_EQ(titles(in("id", {first, second}) && !eq("published", true)), (names{"second"}));
  // The other comparisons and the n-ary connectives the DSL documents.
  EXPECT_EQ(titles(lt("id", second)), (names{"first"}));
  EXPECT_EQ(titles(ge("id", second)), (names{"second", "third"}));
  EXPECT_EQ(titles(all_of(eq("published", true), ge("id", second), eq("authorId", bob))), (names{"third"}));
  EXPECT_EQ(titles(any_of(eq("title", "first"), eq("title", "second"), lt("id", first))), (names{"first", "second"}));
  // like ignores case on both (PostgreSQL's ILIKE, SQLite's LIKE for ASCII).
  EXPECT_EQ(titles(like("title", "%IR%")), (names{"first", "third"}));
  EXPECT_EQ(titles(like("title", "SEC%")), (names{"second"}));
}

TEST_F(Read, OrderLimitOffset) {
  const auto posts = db.query(blog::schema, blog::posts).find_many({.order_by = {desc("id")}, .limit = 2, .offset = 1});
  EXPECT_EQ(texts(posts, "title"), (names{"second", "first"}));
}

TEST_F(Read, NestedWithThreeLevels) {
  const auto users = db.query(blog::schema, blog::users).find_many({
      .where = eq("id", ann),
      .with = {{"authoredPosts", {.order_by = {asc("id")},
                                  .with = {{"comments", {.order_by = {asc("id")}, .limit = 2,
                                                         .with = {{"author", {.columns = only("name")}}}}}}}}},
  });
  ASSERT_EQ(users.size(), 1u);
  const node& posts = users[0]["authoredPosts"];
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0]["comments"].size(), 2u);  // limit 2 of 3
  EXPECT_EQ(posts[0]["comments"][0]["body"].as_text(), "nice");
  EXPECT_EQ(posts[0]["comments"][0]["author"]["name"].as_text(), "bob");
  EXPECT_TRUE(posts[1]["comments"].is_array());
  EXPECT_EQ(posts[1]["comments"].size(), 0u);  // empty many is []
}

TEST_F(Read, MissingOneIsNullAndPerRelationWhere) {
  const auto posts = db.query(blog::schema, blog::posts).find_many({
      .order_by = {asc("id")},
      .with = {{"reviewer", {}}, {"comments", {.where = like("body", "%ee%")}}},
  });
  EXPECT_EQ(posts[0]["reviewer"]["name"].as_text(), "bob");
  EXPECT_TRUE(posts[1]["reviewer"].is_null());
  EXPECT_EQ(texts(posts[0]["comments"], "body"), (names{"agreed"}));
}

TEST_F(Read, ThroughAndSelfReference) {
  const auto posts = db.query(blog::schema, blog::posts).find_many({
      .where = eq("id", first), .with = {{"tags", {.order_by = {asc("name")}}}}});
  EXPECT_EQ(texts(posts[0]["tags"], "name"), (names{"c++", "news"}));
  const auto tags = db.query(blog::schema, blog::tags).find_many({.where = eq("id", cpp), .with = {{"posts", {.order_by = {asc("id")}}}}});
  EXPECT_EQ(texts(tags[0]["posts"], "title"), (names{"first", "third"}));

  const auto users = db.query(blog::schema, blog::users).find_many({
      .order_by = {asc("id")}, .with = {{"manager", {}}, {"reports", {.order_by = {asc("id")}}}}});
  EXPECT_TRUE(users[0]["manager"].is_null());
  EXPECT_EQ(texts(users[0]["reports"], "name"), (names{"bob", "cy"}));
  EXPECT_EQ(users[1]["manager"]["name"].as_text(), "ann");
}

TEST_F(Read, VariantFieldsNestUnderTheAlias) {
  db.insert(blog::schema, "audit_logs", {{"at", 1}, {"action", "role_change"}, {"targetUserId", bob},
                                         {"oldRole", "member"}, {"newRole", "admin"}});
  db.insert(blog::schema, "audit_logs", {{"at", 2}, {"action", "security_alert"}, {"severity", "high"}, {"resolved", false}});
  const auto logs = db.query(blog::schema, blog::audit_logs).find_many({.order_by = {asc("at")}, .with_variants = true});
  ASSERT_EQ(logs.size(), 2u);
  EXPECT_EQ(logs[0]["action"].as_text(), "role_change");
  EXPECT_FALSE(logs[0].contains("oldRole"));  // variant fields are not top-level
  EXPECT_EQ(logs[0]["details"]["newRole"].as_text(), "admin");
  EXPECT_EQ(logs[0]["details"].fields().size(), 3u);
  EXPECT_FALSE(logs[1]["details"]["resolved"].as_boolean());
  EXPECT_EQ(logs[1]["details"].fields().size(), 2u);
  // with_variants loads the one() relations keyed by variant fields: null where inactive.
  EXPECT_EQ(logs[0]["targetUser"]["name"].as_text(), "bob");
  EXPECT_TRUE(logs[1]["targetUser"].is_null());
  const auto plain = db.query(blog::schema, blog::audit_logs).find_many({.order_by = {asc("at")}});
  EXPECT_FALSE(plain[0].contains("targetUser"));
}

TEST_F(Read, FindFirstAndFindUnique) {
  auto users = db.query(blog::schema, blog::users);
  EXPECT_EQ(users.find_first({.order_by = {desc("id")}})->operator[]("name").as_text(), "cy");
  EXPECT_EQ(users.find_unique({.where = eq("email", "bob@example.com")})->operator[]("name").as_text(), "bob");
  EXPECT_FALSE(users.find_unique({.where = eq("email", "nobody")}).has_value());
  EXPECT_THROW(users.find_unique({.where = eq("managerId", ann)}), schema_error);
}

}  // namespace

namespace {
inline constexpr auto ranked = table("ranked", column("title", text().not_null()), index("by_title").on("title"));
inline constexpr auto ranked_schema = define_schema(tables(ranked));

// Rows tied on the user's order come back by id, ascending, on both backends, at the top
// and in a load, so that a limit cuts the same rows (SQLite returned the ties of a
// descending order in descending id, PostgreSQL in ascending).
TEST(ReadTies, TiesAreBrokenByIdAscendingOnBothBackends) {
  auto db = backend::open();
  db.migrate(blog::schema);
  const auto ann = db.insert(blog::schema, "users", {{"name", "ann"}, {"email", "a@x"}});
  std::vector<std::int64_t> posts;
  for (int i = 0; i < 6; ++i)
    posts.push_back(db.insert(blog::schema, "posts", {{"title", i == 5 ? "other" : "same"}, {"authorId", ann}}));
  const auto ids = [](const std::vector<node>& rows) {
    std::vector<std::int64_t> out;
    for (const node& r : rows) out.push_back(r["id"].as_integer());
    return out;
  };
  const auto top = db.query(blog::schema, blog::posts).find_many({.order_by = {desc("title")}, .limit = 4, .allow_full_scan = true});
  EXPECT_EQ(ids(top), (std::vector<std::int64_t>{posts[0], posts[1], posts[2], posts[3]}));
  const auto loaded = db.query(blog::schema, blog::users).find_many(
      {.with = {{"authoredPosts", {.order_by = {desc("title")}, .limit = 3}}}});
  ASSERT_EQ(loaded.size(), 1u);
  std::vector<std::int64_t> load_ids;
  for (const node& p : loaded[0]["authoredPosts"]) load_ids.push_back(p["id"].as_integer());
  EXPECT_EQ(load_ids, (std::vector<std::int64_t>{posts[0], posts[1], posts[2]}));
  // Through an index on the ordered column, SQLite walks a descending order backwards:
  // the ties came in descending id.
  db.migrate(ranked_schema);
  std::vector<std::int64_t> ranked_ids;
  for (int i = 0; i < 5; ++i) ranked_ids.push_back(db.insert(ranked_schema, "ranked", {{"title", "same"}}));
  const auto ranked_rows =
      db.query(ranked_schema, ranked).find_many({.order_by = {desc("title")}, .limit = 3, .allow_full_scan = true});
  EXPECT_EQ(ids(ranked_rows), (std::vector<std::int64_t>{ranked_ids[0], ranked_ids[1], ranked_ids[2]}));
  // An order that names the id already is total: nothing is added, the user's direction holds.
  const auto by_id = db.query(blog::schema, blog::posts).find_many({.order_by = {desc("id")}, .limit = 2});
  EXPECT_EQ(ids(by_id), (std::vector<std::int64_t>{posts[5], posts[4]}));
}
}  // namespace

namespace {
// in() binds its list as one parameter (a JSON array on SQLite, an array on PostgreSQL):
// 70,000 values (past SQLite's 32,766 and PostgreSQL's 65,535 parameters, where it
// failed with a 549 KB message) select exactly their rows; texts keep quotes,
// backslashes, commas, braces and any character; NULL in the list matches nothing.
TEST(ReadIn, ALongListIsOneParameterAndSelectsExactlyItsRows) {
  auto db = backend::open();
  db.migrate(blog::schema);
  const char* names[] = {"plain", "with \"quotes\"", "back\\slash", "a,b", "{braced}", "NULL", "é ü 漢字", "tab\there"};
  std::vector<std::int64_t> ids;
  {
    auto tx = db.transaction();
    for (int i = 0; i < 8; ++i)
      ids.push_back(db.insert(blog::schema, "users", {{"name", names[i]}, {"email", "u" + std::to_string(i) + "@x"}}));
    tx.commit();
  }
  std::vector<param> many;
  for (long long i = 0; i < 70000; ++i) many.emplace_back(i * 1000 + 3);  // none of them an id here
  many.emplace_back(static_cast<long long>(ids[2]));
  many.emplace_back(static_cast<long long>(ids[5]));
  const auto by_id = db.query(blog::schema, blog::users).find_many({.where = in("id", many), .order_by = {asc("id")}});
  ASSERT_EQ(by_id.size(), 2u);
  EXPECT_EQ(by_id[0]["name"].as_text(), names[2]);
  EXPECT_EQ(by_id[1]["name"].as_text(), names[5]);
  for (int i = 0; i < 8; ++i) {
    const auto found = db.query(blog::schema, blog::users).find_many(
        {.where = in("name", {param(names[i]), param(), param("nobody")}), .allow_full_scan = true});
    ASSERT_EQ(found.size(), 1u) << names[i];
    EXPECT_EQ(found[0]["id"].as_integer(), ids[static_cast<std::size_t>(i)]) << names[i];
  }
  // Booleans and reals in lists too.
  db.insert(blog::schema, "posts", {{"title", "p"}, {"authorId", ids[0]}, {"published", true}});
  EXPECT_EQ(db.query(blog::schema, blog::posts).find_many({.where = in("published", {param(true)}), .allow_full_scan = true}).size(), 1u);
  EXPECT_EQ(db.query(blog::schema, blog::posts).find_many({.where = in("published", {param(false)}), .allow_full_scan = true}).size(), 0u);
}
}  // namespace

namespace {

bool any_line(const std::vector<std::string>& plan, const std::string& needle) {
  return std::any_of(plan.begin(), plan.end(), [&](const std::string& l) { return l.find(needle) != std::string::npos; });
}

// explain: the statement find_many would run, and the database's own plan for it.
TEST_F(Read, ExplainShowsTheStatementAndTheDatabasesPlan) {
  auto posts = db.query(blog::schema, blog::posts);
  const find_options by_author{.where = eq("authorId", ann), .order_by = {desc("id")}, .limit = 2};
  const auto explained = posts.explain(by_author);
  ASSERT_EQ(explained.statements.size(), 1u);
  EXPECT_EQ(explained.statements[0], posts.sql(by_author).sql);
  ASSERT_FALSE(explained.plan.empty());
  const auto by_title = posts.explain({.where = eq("title", "first")});
  if (!backend::is_postgres) {
    // SQLite plans the same way whatever the rows: the author's index, and a scan for a
    // column no index has.
    EXPECT_TRUE(any_line(explained.plan, "USING INDEX")) << explained.plan[0];
    EXPECT_EQ(by_title.plan, std::vector<std::string>{"SCAN t0"});
    // A joined load's lines are indented under the subquery that holds them.
    const auto nested = db.query(blog::schema, blog::users)
                            .explain({.limit = 2, .with = {{"authoredPosts", {.limit = 2}}}, .strategy = load_strategy::join});
    EXPECT_TRUE(any_line(nested.plan, "    SEARCH t1 USING COVERING INDEX posts.by_author (authorId=?)")) << ::testing::PrintToString(nested.plan);
    EXPECT_EQ(nested.plan.front(), "SCAN t0");
    EXPECT_EQ(nested.statements.size(), 1u);
    // A load by a statement of its own: its statement, and its lines under its name.
    const auto separate = db.query(blog::schema, blog::users)
                              .explain({.limit = 2, .with = {{"authoredPosts", {.limit = 2}}}, .strategy = load_strategy::nested});
    ASSERT_EQ(separate.statements.size(), 2u);
    EXPECT_EQ(separate.plan, (std::vector<std::string>{"SCAN t0", "LOAD users.authoredPosts",
                                                       "  SEARCH t1 USING INDEX posts.by_author (authorId=?)"}));
    const auto listed = db.query(blog::schema, blog::users)
                            .explain({.limit = 2, .with = {{"authoredPosts", {}}}, .strategy = load_strategy::select_in});
    EXPECT_TRUE(any_line(listed.plan, "  SEARCH t1 USING INDEX posts.by_author (authorId=?)")) << ::testing::PrintToString(listed.plan);

  } else {
    // PostgreSQL's plan depends on the rows; it names the table read either way.
    EXPECT_TRUE(any_line(by_title.plan, "on posts")) << by_title.plan[0];
  }
  // Explaining runs nothing: the rows are as they were.
  EXPECT_EQ(posts.find_many({.where = eq("authorId", ann), .limit = 5}).size(), 2u);
}

}  // namespace

namespace {

// count and exists: the database counts (COUNT(*)), the filter planned as find_many's.
TEST_F(Read, CountAndExistsCountTheFilteredRows) {
  auto posts = db.query(blog::schema, blog::posts);
  EXPECT_EQ(posts.count(), 3);
  EXPECT_EQ(posts.count({.where = eq("authorId", ann)}), 2);
  EXPECT_EQ(posts.count({.where = eq("published", true) && eq("authorId", bob)}), 1);
  EXPECT_EQ(posts.count({.where = eq("title", "none")}), 0);
  // Bounds apply to the rows counted: "at most 2", "those after the first".
  EXPECT_EQ(posts.count({.limit = 2}), 2);
  EXPECT_EQ(posts.count({.offset = 1}), 2);
  EXPECT_EQ(posts.count({.limit = 0}), 0);
  EXPECT_TRUE(posts.exists({.where = eq("authorId", bob)}));
  EXPECT_FALSE(posts.exists({.where = eq("authorId", cy)}));
  EXPECT_FALSE(posts.exists({.limit = 0}));
  EXPECT_TRUE(db.query(blog::schema, blog::users).exists({.where = is_null("managerId")}));
}

TEST_F(Read, CountRefusesWhatFindManyRefuses) {
  auto posts = db.query(blog::schema, blog::posts);
  EXPECT_THROW(
      {
        try {
          posts.count({.where = eq("titel", "x")});
        } catch (const schema_error& e) {
          EXPECT_STREQ(e.what(), "table 'posts' has no column 'titel' to filter on; did you mean 'title'?");
          throw;
        }
      },
      schema_error);
  EXPECT_THROW(posts.exists({.limit = -1}), schema_error);
  EXPECT_THROW(posts.count({.offset = -3}), schema_error);
}

TEST_F(Read, CountSeesTheTransactionsOwnWrites) {
  auto tx = db.transaction();
  db.insert(blog::schema, "posts", {{"title", "fourth"}, {"authorId", cy}});
  EXPECT_EQ(db.query(blog::schema, blog::posts).count({.where = eq("authorId", cy)}), 1);
  tx.rollback();
  EXPECT_EQ(db.query(blog::schema, blog::posts).count({.where = eq("authorId", cy)}), 0);
}

}  // namespace

namespace {

// Order by a one() relation's column: the related row's value, NULL (no related row)
// first ascending and last descending on both backends, ties broken by the id.
TEST_F(Read, OrderByAOneRelationsColumn) {
  auto posts = db.query(blog::schema, blog::posts);
  EXPECT_EQ(texts(posts.find_many({.order_by = {desc("author.name")}}), "title"), (names{"third", "first", "second"}));
  EXPECT_EQ(texts(posts.find_many({.order_by = {asc("author.name")}, .limit = 1}), "title"), (names{"first"}));
  EXPECT_EQ(texts(posts.find_many({.order_by = {asc("reviewer.name")}}), "title"), (names{"second", "third", "first"}));
  EXPECT_EQ(texts(posts.find_many({.order_by = {desc("reviewer.name")}}), "title"), (names{"first", "second", "third"}));
  EXPECT_EQ(texts(posts.find_many({.order_by = {asc("author.name"), desc("title")}}), "title"),
            (names{"second", "first", "third"}));
  // In a load, by the loaded rows' relation.
  const auto users = db.query(blog::schema, blog::users)
                         .find_many({.where = eq("id", ann),
                                     .with = {{"authoredPosts", {.order_by = {desc("reviewer.name")}, .limit = 5}}}});
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(texts(users[0]["authoredPosts"], "title"), (names{"first", "second"}));
}

TEST_F(Read, OrderByARelationRefusesWhatIsNotOneColumnOfOneRow) {
  auto posts = db.query(blog::schema, blog::posts);
  auto refusal = [&](const char* by) {
    try {
      posts.find_many({.order_by = {asc(by)}});
    } catch (const std::exception& e) {  // unknown_relation_error or schema_error, as a `with` gets
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refusal("autor.name"), "table 'posts' has no relation 'autor' to order by 'autor.name'; did you mean 'author.name'?");
  EXPECT_EQ(refusal("author.nme"),
            "table 'users' has no column 'nme' to order 'posts' by (through 'posts.author'); did you mean 'author.name'?");
  EXPECT_EQ(refusal("comments.body"),
            "'posts.comments' is a many() relation: a row of 'posts' has no one 'body' through it to order by; order by a "
            "column of a one() relation");
  EXPECT_EQ(refusal("tags.name").substr(0, 35), "'posts.tags' is a many() relation: ");
}

}  // namespace
