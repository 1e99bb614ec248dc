// Each guard fires, with its own type and a message naming the table, the relation
// and the way out, and does not fire when the way out is taken.
#include <gtest/gtest.h>

#include "runtime/blog_fixture.hpp"
#include "schemas/ambiguous_relation.hpp"
#include "schemas/discriminator_collision.hpp"
#include "schemas/missing_inverse.hpp"
#include "schemas/missing_relation_index.hpp"
#include "schemas/unbounded_many.hpp"
#include "schemas/unknown_reference.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;

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

TEST(Guards, MissingIndexUnlessAllowFullScan) {
  auto db = backend::open();
  db.migrate(broken::missing_relation_index::schema);
  auto users = db.query(broken::missing_relation_index::schema, broken::missing_relation_index::users);
  EXPECT_EQ(message_of<missing_index_error>([&] { users.find_many({.with = {{"posts", {}}}}); }),
            "loading 'users.posts' looks up 'posts' by (authorId) and no index serves it; add an index on those "
            "columns, or pass allow_full_scan");
  EXPECT_NO_THROW(users.find_many({.with = {{"posts", {}}}, .allow_full_scan = true}));
  // Filtering by the relation and counting its rows look it up the same way, and say which.
  EXPECT_EQ(message_of<missing_index_error>([&] { users.find_many({.where = some("posts")}); }),
            "filtering by 'users.posts' looks up 'posts' by (authorId) and no index serves it; add an index on those "
            "columns, or pass allow_full_scan");
  EXPECT_EQ(message_of<missing_index_error>([&] { users.find_many({.count = {"posts"}}); }),
            "counting 'users.posts' looks up 'posts' by (authorId) and no index serves it; add an index on those "
            "columns, or pass allow_full_scan");
  EXPECT_THROW(users.find_many({.with = {{"groups", {}}}}), missing_index_error);  // through, junction lookup
  EXPECT_NO_THROW(db.query(broken::missing_relation_index::schema, broken::missing_relation_index::groups)
                      .find_many({.with = {{"users", {}}}}));  // the other direction is indexed
}

namespace lenient {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts), {.strict = false, .defaults = {.default_limit = 5}})
    .relations(many(users, "posts", posts, {.to = "authorId"}));
}  // namespace lenient

TEST(Guards, NonStrictSchemasWarnInstead) {
  auto db = backend::open();
  db.migrate(lenient::schema);
  EXPECT_NO_THROW(db.query(lenient::schema, lenient::users).find_many({.with = {{"posts", {}}}}));
  ASSERT_EQ(db.warnings().size(), 1u);
  EXPECT_NE(db.warnings()[0].find("'users.posts'"), std::string::npos);
  // Read again, the statements kept (runtime/read_cache.hpp): it warns again, as a render would.
  db.query(lenient::schema, lenient::users).find_many({.with = {{"posts", {}}}});
  ASSERT_EQ(db.warnings().size(), 2u);
  EXPECT_EQ(db.warnings()[0], db.warnings()[1]);
  EXPECT_EQ(db.reads().counted().hits, 1u);
}

TEST(Guards, UnboundedManyUnlessLimitedOrAllowed) {
  auto db = backend::open();
  db.migrate(broken::unbounded_many::schema);
  auto users = db.query(broken::unbounded_many::schema, broken::unbounded_many::users);
  EXPECT_EQ(message_of<unbounded_many_error>([&] { users.find_many({.with = {{"posts", {}}}}); }),
            "loading many() relation 'users.posts' has no bound: give this `with` a limit, set defaults.default_limit, "
            "or pass allow_full_scan");
  EXPECT_NO_THROW(users.find_many({.with = {{"posts", {.limit = 10}}}}));
  EXPECT_NO_THROW(users.find_many({.with = {{"posts", {}}}, .allow_full_scan = true}));
  EXPECT_NO_THROW(db.query(broken::unbounded_many::schema, broken::unbounded_many::posts).find_many({.with = {{"author", {}}}}));
}

namespace small_fan_out {
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")), index("by_author").on("authorId"));
inline constexpr auto schema =
    define_schema(tables(users, posts), {.defaults = {.default_limit = 5, .relation_fan_out_max_keys = 3}})
        .relations(many(users, "posts", posts, {.to = "authorId"}));
}  // namespace small_fan_out

TEST(Guards, FanOutOverTheMaximumKeys) {
  auto db = backend::open();
  db.migrate(small_fan_out::schema);
  for (int i = 0; i < 4; ++i) db.insert(small_fan_out::schema, "users", {});
  auto users = db.query(small_fan_out::schema, small_fan_out::users);
  EXPECT_EQ(message_of<fan_out_error>([&] { users.find_many({.with = {{"posts", {}}}}); }),
            "the query on 'users' loads relations for more than 3 parent rows (relation_fan_out_max_keys); add a limit "
            "or a narrower where, raise defaults.relation_fan_out_max_keys, or pass allow_full_scan");
  EXPECT_EQ(users.find_many({.limit = 3, .with = {{"posts", {}}}}).size(), 3u);
  EXPECT_EQ(users.find_many({.with = {{"posts", {}}}, .allow_full_scan = true}).size(), 4u);
  EXPECT_EQ(users.find_many().size(), 4u);  // loading no relation fans out to nothing
}

using BlogGuards = orm::testing::blog_database;

TEST_F(BlogGuards, DepthOverMaxDepth) {
  auto users = db.query(blog::schema, blog::users);
  const find_options four_deep{.with = {{"reports", {.with = {{"reports", {.with = {{"reports", {.with = {{"reports", {}}}}}}}}}}}}};
  EXPECT_EQ(message_of<depth_error>([&] { users.find_many(four_deep); }),
            "the query nests `with` 4 deep at users.reports.reports.reports.reports, deeper than max_depth 3; raise "
            "max_depth or load the rest in another query");
  find_options raised = four_deep;
  raised.max_depth = 4;
  EXPECT_NO_THROW(users.find_many(raised));
}

TEST_F(BlogGuards, UnknownRelationListsTheAvailableOnes) {
  EXPECT_EQ(message_of<unknown_relation_error>([&] { db.query(blog::schema, blog::posts).find_many({.with = {{"autor", {}}}}); }),
            "table 'posts' has no relation 'autor'; its relations are: author, reviewer, comments, tags; did you mean "
            "'author'?");
}

TEST(Guards, AmbiguousRelations) {
  auto db = backend::open();
  db.migrate(broken::ambiguous_relation::schema);
  auto posts = db.query(broken::ambiguous_relation::schema, broken::ambiguous_relation::posts);
  EXPECT_NO_THROW(posts.find_many({.with = {{"reviewer", {}}}}));  // writes its columns: never ambiguous by itself
  EXPECT_EQ(message_of<ambiguous_relation_error>([&] { posts.find_many({.with = {{"author", {}}}}); }),
            "table 'posts' declares relation 'author' twice; rename all but one of them");
  auto users = db.query(broken::ambiguous_relation::schema, broken::ambiguous_relation::users);
  EXPECT_NO_THROW(users.find_many({.with = {{"manager", {}}, {"reports", {}}}}));  // self-reference with columns
  EXPECT_EQ(message_of<ambiguous_relation_error>([&] { users.find_many({.with = {{"drafts", {}}}}); }),
            "relations 'users.posts' and 'users.drafts' have no from/to and each could take them from 'posts.author' "
            "or 'posts.reviewer'; give each edge its own alias on both of its ends, or write from/to");
}

TEST(Guards, MissingInverse) {
  auto db = backend::open();
  db.migrate(broken::missing_inverse::schema);
  auto users = db.query(broken::missing_inverse::schema, broken::missing_inverse::users);
  EXPECT_EQ(message_of<missing_inverse_error>([&] { users.find_many({.with = {{"posts", {}}}}); }),
            "relation 'users.posts' has no from/to and no inverse on 'posts' to infer them from; write from/to or "
            "declare the inverse");
  EXPECT_THROW(users.find_many({.with = {{"groups", {}}}}), missing_inverse_error);  // through pair not mirrored
}

TEST(Guards, UnknownNamesAreRefusedAtMigrateBeforeAnythingIsWritten) {
  auto db = backend::open();
  const std::string message = message_of<schema_error>([&] { db.migrate(broken::unknown_reference::schema); });
  EXPECT_NE(message.find("relation 'users.posts' in 'to' names column 'authorIdd', which table 'posts' does not have "
                         "(it has id, authorId); did you mean 'authorId'?"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("the schema cannot be migrated: index 'by_x' of table 'posts' names column 'nope'"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("\n  and: relation 'posts.author' in 'where'"), std::string::npos) << message;
  EXPECT_EQ(backend::tables(db), std::vector<std::string>{});  // nothing was created
}

namespace renamed {
// A database migrated before a column name in a relation was mistyped.
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")), index("by_author").on("authorId"));
inline constexpr auto good = define_schema(tables(users, posts), {.defaults = {.default_limit = 5}})
    .relations(many(users, "posts", posts, {.to = "authorId"}), many(users, "drafts", posts));
inline constexpr auto typo = define_schema(tables(users, posts), {.defaults = {.default_limit = 5}})
    .relations(one(posts, "author", users, {.from = "authorID"}), many(users, "posts", posts));
}  // namespace renamed

TEST(Guards, UnknownNamesAreRefusedAtFirstLoadOnAnOldDatabase) {
  auto db = backend::open();
  db.migrate(renamed::good);
  auto users = db.query(renamed::typo, renamed::users);
  // users.posts infers from posts.author, whose column is the one mistake: both say so.
  EXPECT_EQ(message_of<schema_error>([&] { users.find_many({.with = {{"posts", {}}}}); }),
            "relation 'posts.author' in 'from' names column 'authorID', which table 'posts' does not have (it has id, "
            "authorId); did you mean 'authorId'?");
}

TEST(Guards, DiscriminatorRefusalsNameWhatCollides) {
  auto db = backend::open();
  const std::string message = message_of<schema_error>([&] { db.migrate(broken::discriminator_collision::schema); });
  const auto findings = orm::model::schema_refusals(db.model_of(broken::discriminator_collision::schema));
  ASSERT_FALSE(findings.empty());
  for (const std::string& f : findings) EXPECT_NE(message.find(f), std::string::npos) << f;
  EXPECT_NE(message.find("nests its variant fields under '"), std::string::npos) << message;  // the alias, by name
}

TEST(WriteGuards, AnEmptyWhereNeedsAllowFullScan) {
  auto db = backend::open();
  db.migrate(blog::schema);
  db.insert(blog::schema, "users", {{"name", "Ann"}, {"email", "a@x"}});
  db.insert(blog::schema, "users", {{"name", "Bob"}, {"email", "b@x"}});
  EXPECT_EQ(message_of<full_scan_error>([&] { db.update(blog::schema, "users", {{"name", "X"}}, {}); }),
            "an update of 'users' with an empty where would change every row; filter it, or pass "
            "{.allow_full_scan = true}");
  EXPECT_THROW(db.remove(blog::schema, "users", {}), full_scan_error);
  EXPECT_EQ(db.query(blog::schema, blog::users).find_many({.where = eq("name", "X")}).size(), 0u);  // nothing changed
  EXPECT_EQ(db.update(blog::schema, "users", {{"name", "X"}}, {}, {.allow_full_scan = true}), 2);
  EXPECT_EQ(db.remove(blog::schema, "users", {}, {.allow_full_scan = true}), 2);
}

TEST(WriteGuards, WritesNameOnlyWhatExists) {
  auto db = backend::open();
  db.migrate(blog::schema);
  EXPECT_EQ(message_of<schema_error>([&] { db.insert(blog::schema, "users", {{"nmae", "Ann"}}); }),
            "table 'users' has no column 'nmae'; did you mean 'name'?");
  EXPECT_EQ(message_of<schema_error>([&] { db.insert(blog::schema, "user", {{"name", "Ann"}}); }),
            "the schema has no table 'user'; did you mean 'users'?");
  EXPECT_EQ(message_of<schema_error>([&] { db.remove(blog::schema, "users", eq("emial", "a")); }),
            "table 'users' has no column 'emial' to filter on; did you mean 'email'?");
}

TEST(WriteGuards, NegativeBoundsAreRefused) {
  auto db = backend::open();
  db.migrate(blog::schema);
  EXPECT_EQ(message_of<schema_error>([&] { db.query(blog::schema, blog::users).find_many({.limit = -1}); }),
            "limit -1 at users is negative; limits count rows, so give 0 or more");
  EXPECT_THROW(db.query(blog::schema, blog::users).find_many({.with = {{"authoredPosts", {.offset = -2}}}}), schema_error);
}

}  // namespace
