// Typed rows: find_many<T> decodes into plain structs whose fields name the columns and
// relations to read, nested to any depth; the same values as the node trees; and a struct
// that cannot hold the rows is refused before the query runs, naming the field.
#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "runtime/blog_fixture.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;
using Typed = orm::testing::blog_database;

struct user_row {
  std::int64_t id;
  std::string name;
  std::optional<std::int64_t> managerId;
};
struct comment_row {
  std::string body;
  std::optional<user_row> author;
};
struct tag_row {
  std::string name;
};
struct post_row {
  std::string title;
  bool published;
  user_row author;  // one(), optional = false: always there
  std::optional<user_row> reviewer;
  std::vector<comment_row> comments;
  std::vector<tag_row> tags;  // through post_tags
};

// Field names as declared, under both compilers, for structs in an anonymous namespace
// (GCC spells it "{anonymous}" inside the text the names are read from).
static_assert(orm::reflection::field_count<post_row> == 6);
static_assert(orm::reflection::field_names<post_row>[0] == "title");
static_assert(orm::reflection::field_names<post_row>[5] == "tags");
static_assert(orm::reflection::type_name<comment_row> == "comment_row");

TEST_F(Typed, NestedStructsHoldTheSameValuesAsNodes) {
  const auto typed = db.query(blog::schema, blog::posts)
                         .find_many<post_row>({.order_by = {asc("id")}, .with = {{"comments", {.order_by = {desc("body")}, .limit = 2}}}});
  const auto nodes = db.query(blog::schema, blog::posts)
                         .find_many({.order_by = {asc("id")},
                                     .with = {{"author", {}}, {"reviewer", {}},
                                              {"comments", {.order_by = {desc("body")}, .limit = 2, .with = {{"author", {}}}}},
                                              {"tags", {}}}});
  ASSERT_EQ(typed.size(), 3u);
  ASSERT_EQ(nodes.size(), 3u);
  for (std::size_t i = 0; i < typed.size(); ++i) {
    EXPECT_EQ(typed[i].title, nodes[i]["title"].as_text());
    EXPECT_EQ(typed[i].published, nodes[i]["published"].as_boolean());
    EXPECT_EQ(typed[i].author.name, nodes[i]["author"]["name"].as_text());
    EXPECT_EQ(typed[i].reviewer.has_value(), !nodes[i]["reviewer"].is_null());
    ASSERT_EQ(typed[i].comments.size(), nodes[i]["comments"].size());
    for (std::size_t c = 0; c < typed[i].comments.size(); ++c) {
      EXPECT_EQ(typed[i].comments[c].body, nodes[i]["comments"][c]["body"].as_text());
      ASSERT_TRUE(typed[i].comments[c].author.has_value());
      EXPECT_EQ(typed[i].comments[c].author->id, nodes[i]["comments"][c]["author"]["id"].as_integer());
    }
    EXPECT_EQ(typed[i].tags.size(), nodes[i]["tags"].size());
  }
  EXPECT_EQ(typed[0].reviewer->name, "bob");
  EXPECT_EQ(typed[0].comments[0].body, "no");  // ordered by body, descending, two of three
  EXPECT_EQ(typed[0].comments[1].body, "nice");
  EXPECT_EQ(typed[0].comments.size(), 2u);
  EXPECT_EQ(typed[1].author.managerId, std::nullopt);
  EXPECT_EQ(typed[2].author.managerId, ann);
}

TEST_F(Typed, FindFirstAndFindUnique) {
  const std::optional<user_row> bob_row =
      db.query(blog::schema, blog::users).find_unique<user_row>({.where = eq("email", "bob@example.com")});
  ASSERT_TRUE(bob_row.has_value());
  EXPECT_EQ(bob_row->id, bob);
  EXPECT_EQ(bob_row->managerId, ann);
  const auto none = db.query(blog::schema, blog::users).find_first<user_row>({.where = eq("name", "nobody")});
  EXPECT_FALSE(none.has_value());
}

struct log_details {
  std::optional<std::string> oldRole;
  std::optional<std::string> newRole;
  std::optional<std::int64_t> version;
  std::optional<bool> resolved;
};
struct log_row {
  std::int64_t at;
  std::string action;
  std::optional<log_details> details;
};

TEST_F(Typed, DiscriminatorVariantFieldsFillAStructOfOptionals) {
  db.insert(blog::schema, "audit_logs", {{"at", 1}, {"action", "post_update"}, {"postId", first}, {"version", 3}});
  db.insert(blog::schema, "audit_logs", {{"at", 2}, {"action", "security_alert"}, {"severity", "high"}, {"resolved", true}});
  const auto logs = db.query(blog::schema, blog::audit_logs).find_many<log_row>({.order_by = {asc("at")}});
  ASSERT_EQ(logs.size(), 2u);
  ASSERT_TRUE(logs[0].details.has_value());
  EXPECT_EQ(logs[0].details->version, 3);
  EXPECT_EQ(logs[0].details->resolved, std::nullopt);
  EXPECT_EQ(logs[1].details->resolved, true);
  EXPECT_EQ(logs[1].action, "security_alert");
}

struct bytes_row {
  std::optional<std::vector<std::byte>> data;
  std::optional<double> score;
};

TEST(TypedValues, RealsBytesAndNullRoundTrip) {
  static constexpr auto blobs = table("blobs", column("data", bytes()), column("score", real()));
  static constexpr auto schema = define_schema(tables(blobs));
  auto db = backend::open();
  db.migrate(schema);
  db.insert(schema, "blobs", {{"data", blob{std::string("\0\xff\x10\0", 4)}}, {"score", 0.1 + 0.2}});
  db.insert(schema, "blobs", {{"data", nullptr}, {"score", nullptr}});
  const auto rows = db.query(schema, blobs).find_many<bytes_row>({.order_by = {asc("id")}});
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_TRUE(rows[0].data.has_value());
  ASSERT_EQ(rows[0].data->size(), 4u);
  EXPECT_EQ(std::to_integer<int>((*rows[0].data)[1]), 255);
  EXPECT_EQ(rows[0].score, 0.1 + 0.2);  // bit for bit
  EXPECT_FALSE(rows[1].data.has_value());
  EXPECT_FALSE(rows[1].score.has_value());
}

// Each mismatch kind, refused before the query runs, naming the field.
struct misspelt_row { std::string titel; };
struct narrow_row { int authorId; };
struct nullable_row { std::int64_t reviewerId; };
struct wrong_kind_row { std::int64_t title; };
struct many_as_one_row { std::optional<comment_row> comments; };
struct missing_one_row { user_row reviewer; };
struct plain_row { std::string title; };

template <class T>
std::string refusal(backend::database& db, const find_options& options = {}) {
  try {
    db.query(blog::schema, blog::posts).find_many<T>(options);
  } catch (const row_mismatch_error& e) {
    return e.what();
  }
  return "accepted";
}

TEST_F(Typed, MismatchesAreRefusedNamingTheField) {
  EXPECT_EQ(refusal<misspelt_row>(db),
            "field 'titel' of 'misspelt_row' names no column, relation or variant alias of table 'posts'; did you mean 'title'?");
  EXPECT_EQ(refusal<narrow_row>(db),
            "field 'authorId' of 'narrow_row' is std::int32_t, which cannot hold every value of id column 'posts.authorId'; "
            "make it std::int64_t");
  EXPECT_EQ(refusal<nullable_row>(db),
            "field 'reviewerId' of 'nullable_row' is std::int64_t, and column 'posts.reviewerId' can be NULL; make it "
            "std::optional<std::int64_t>");
  EXPECT_EQ(refusal<wrong_kind_row>(db),
            "field 'title' of 'wrong_kind_row' is std::int64_t, which cannot hold text column 'posts.title'; make it std::string");
  EXPECT_EQ(refusal<many_as_one_row>(db),
            "field 'comments' of 'many_as_one_row' is std::optional<comment_row>, and many() relation 'posts.comments' loads "
            "any number of rows; make it std::vector<comment_row>");
  EXPECT_EQ(refusal<missing_one_row>(db),
            "field 'reviewer' of 'missing_one_row' is user_row, and one() relation 'posts.reviewer' may find no row; make it "
            "std::optional<user_row>");
  EXPECT_EQ(refusal<plain_row>(db, {.with = {{"comments", {}}}}),
            "`with` loads 'comments', and 'plain_row' has no field 'comments' to hold it; add the field or drop the load");
  EXPECT_EQ(refusal<plain_row>(db), "accepted");
}

}  // namespace

using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;

namespace {
struct reply_author {
  std::string name;
};
struct reply_row {
  std::string body;
  std::optional<reply_author> author;
};
struct authored_post {
  std::string title;
  std::vector<reply_row> comments;
};
struct author_tree {
  std::string name;
  std::vector<authored_post> authoredPosts;
};

#ifndef ORM_TEST_POSTGRES
// Three levels, from a database file written and reopened: the same values as nodes.
TEST(TypedFile, ThreeLevelsFromAFileMatchTheNodes) {
  const std::string path = orm::testing::temp_dir::file("typed_rows_three_levels.db");
  std::remove(path.c_str());
  {
    database db(path);
    db.migrate(blog::schema);
    const auto ann = db.insert(blog::schema, "users", {{"name", "ann"}, {"email", "ann@example.com"}});
    const auto bob = db.insert(blog::schema, "users", {{"name", "bob"}, {"email", "bob@example.com"}});
    for (int p = 0; p < 3; ++p) {
      const auto post = db.insert(blog::schema, "posts", {{"title", "post " + std::to_string(p)}, {"authorId", ann}});
      for (int c = 0; c < p; ++c)
        db.insert(blog::schema, "comments", {{"body", "c" + std::to_string(c)}, {"postId", post}, {"authorId", c % 2 ? ann : bob}});
    }
  }
  database db(path);
  const auto typed = db.query(blog::schema, blog::users)
                         .find_many<author_tree>({.order_by = {asc("id")},
                                                  .with = {{"authoredPosts", {.order_by = {asc("id")}, .with = {{"comments", {.order_by = {asc("id")}}}}}}}});
  const auto nodes = db.query(blog::schema, blog::users)
                         .find_many({.order_by = {asc("id")},
                                     .with = {{"authoredPosts",
                                               {.order_by = {asc("id")},
                                                .with = {{"comments", {.order_by = {asc("id")}, .with = {{"author", {}}}}}}}}}});
  ASSERT_EQ(typed.size(), nodes.size());
  std::size_t comments = 0;
  for (std::size_t u = 0; u < typed.size(); ++u) {
    EXPECT_EQ(typed[u].name, nodes[u]["name"].as_text());
    ASSERT_EQ(typed[u].authoredPosts.size(), nodes[u]["authoredPosts"].size());
    for (std::size_t p = 0; p < typed[u].authoredPosts.size(); ++p) {
      const authored_post& post = typed[u].authoredPosts[p];
      const node& expected = nodes[u]["authoredPosts"][p];
      EXPECT_EQ(post.title, expected["title"].as_text());
      ASSERT_EQ(post.comments.size(), expected["comments"].size());
      for (std::size_t c = 0; c < post.comments.size(); ++c, ++comments) {
        EXPECT_EQ(post.comments[c].body, expected["comments"][c]["body"].as_text());
        EXPECT_EQ(post.comments[c].author->name, expected["comments"][c]["author"]["name"].as_text());
      }
    }
  }
  EXPECT_EQ(comments, 3u);
  std::remove(path.c_str());
}
#endif
}  // namespace

namespace {
struct new_user {
  std::string name;
  std::string email;
  std::optional<std::int64_t> managerId;  // empty: not set
};
struct user_rename {
  std::string name;
};
struct with_relation_field {
  std::string name;
  std::vector<tag_row> posts;
};

TEST_F(Typed, WritesTakeStructs) {
  const auto dee = db.insert(blog::schema, "users", new_user{"dee", "dee@example.com", ann});
  const auto eve = db.insert(blog::schema, "users", new_user{"eve", "eve@example.com", std::nullopt});
  EXPECT_EQ(db.update(blog::schema, "users", user_rename{"evelyn"}, eq("id", eve)), 1);
  const auto rows = db.query(blog::schema, blog::users).find_many<user_row>({.where = eq("id", dee) || eq("id", eve), .order_by = {asc("id")}});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].managerId, ann);
  EXPECT_EQ(rows[1].name, "evelyn");
  EXPECT_EQ(rows[1].managerId, std::nullopt);
  // A field that is no column is refused as any unknown column is.
  try {
    db.insert(blog::schema, "users", with_relation_field{"fay", {}});
    FAIL() << "accepted";
  } catch (const schema_error& e) {
    EXPECT_STREQ(e.what(), "table 'users' has no column 'posts'");
  }
}

// A struct update leaves the column of an empty optional alone (docs/runtime.md).
TEST_F(Typed, AStructUpdateWithAnEmptyOptionalLeavesThatColumnAlone) {
  struct user_change {
    std::optional<std::string> name;
    std::optional<std::int64_t> managerId;
  };
  EXPECT_EQ(db.update(blog::schema, "users", user_change{"robert", std::nullopt}, eq("id", bob)), 1);
  auto row = db.query(blog::schema, blog::users).find_unique<user_row>({.where = eq("id", bob)});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->name, "robert");
  EXPECT_EQ(row->managerId, ann);  // kept, not cleared
  EXPECT_EQ(db.update(blog::schema, "users", user_change{std::nullopt, cy}, eq("id", bob)), 1);
  row = db.query(blog::schema, blog::users).find_unique<user_row>({.where = eq("id", bob)});
  EXPECT_EQ(row->name, "robert");
  EXPECT_EQ(row->managerId, cy);
}

// The struct used for reading, written back before the database numbered it: its plain
// `id` of 0 would store a row with id 0. An optional id leaves the numbering to the
// database, and a plain id that is set is the id asked for.
TEST_F(Typed, AStructInsertWithAPlainIdOfZeroIsRefused) {
  struct plain_id_user {
    std::int64_t id;
    std::string name;
    std::string email;
  };
  struct optional_id_user {
    std::optional<std::int64_t> id;
    std::string name;
    std::string email;
  };
  try {
    db.insert(blog::schema, "users", plain_id_user{0, "gus", "gus@example.com"});
    FAIL() << "a row with id 0 was written";
  } catch (const schema_error& e) {
    EXPECT_NE(std::string(e.what()).find("std::optional<std::int64_t>"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("'users'"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(db.query(blog::schema, blog::users).find_many({.where = eq("id", 0)}).empty());
  const auto numbered = db.insert(blog::schema, "users", optional_id_user{std::nullopt, "hal", "hal@example.com"});
  EXPECT_GT(numbered, 0);
  EXPECT_EQ(db.insert(blog::schema, "users", plain_id_user{4242, "ida", "ida@example.com"}), 4242);
  const auto ida = db.query(blog::schema, blog::users).find_unique<user_row>({.where = eq("id", 4242)});
  ASSERT_TRUE(ida.has_value());
  EXPECT_EQ(ida->name, "ida");
}
}  // namespace

namespace {
struct log_time {
  std::chrono::sys_seconds at;
  std::string action;
};

// The integer a timestamp stores counts the field's duration on SQLite, microseconds on
// PostgreSQL (docs/runtime.md); a time point reads and writes the same instant on both.
constexpr std::int64_t stored(std::int64_t seconds) { return backend::is_postgres ? seconds * 1000000 : seconds; }

TEST_F(Typed, TimestampsAreSystemClockTimePoints) {
  const auto at = std::chrono::sys_seconds(std::chrono::seconds(1700000000));
  db.insert(blog::schema, "audit_logs", {{"at", stored(1700000000)}, {"action", "post_update"}, {"version", 1}});
  const auto logs = db.query(blog::schema, blog::audit_logs).find_many<log_time>();
  ASSERT_EQ(logs.size(), 1u);
  EXPECT_EQ(logs[0].at, at);
  struct post_update_log {
    std::chrono::sys_seconds at;
    std::string action;
    std::int64_t version;
  };
  db.insert(blog::schema, "audit_logs", post_update_log{at + std::chrono::seconds(5), "post_update", 2});
  const auto later = db.query(blog::schema, blog::audit_logs).find_first({.where = eq("version", 2)});
  ASSERT_TRUE(later.has_value());
  EXPECT_EQ((*later)["at"].as_integer(), stored(1700000005));
}

struct log_seconds_row {
  std::chrono::sys_seconds at;
  std::string action;
  std::int64_t version;
};
struct log_nanoseconds {
  std::chrono::sys_time<std::chrono::nanoseconds> at;
};
struct log_narrow {
  std::chrono::time_point<std::chrono::system_clock, std::chrono::duration<std::int32_t>> at;
};

// A time point the column cannot hold is refused, naming the column and the range: on
// PostgreSQL -1e13 s is -1e19 microseconds, past int64 (it used to wrap to another
// instant at -O2, where the optimizer removed an overflow check that relied on wrapping).
TEST_F(Typed, ATimePointBeyondTheColumnIsRefusedNeverWrapped) {
  const auto far = std::chrono::sys_seconds(std::chrono::seconds(-10'000'000'000'000));
  if (backend::is_postgres) {
    try {
      db.insert(blog::schema, "audit_logs", log_seconds_row{far, "post_update", 1});
      FAIL() << "a time point beyond PostgreSQL's range was written";
    } catch (const schema_error& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("'at'"), std::string::npos) << message;
      EXPECT_NE(message.find("4714-11-24 BC to 294247 AD"), std::string::npos) << message;
      EXPECT_EQ(message.find("finer than a microsecond"), std::string::npos) << message;
    }
    EXPECT_EQ(backend::scalar(db, "SELECT count(*) FROM audit_logs"), "0");
    // Inside int64 microseconds, but before 4714 BC, where timestamptz begins.
    EXPECT_THROW(db.insert(blog::schema, "audit_logs",
                           log_seconds_row{std::chrono::sys_seconds(std::chrono::seconds(-210866803201)), "post_update", 1}),
                 schema_error);
  } else {
    db.insert(blog::schema, "audit_logs", log_seconds_row{far, "post_update", 1});  // SQLite stores the seconds
    EXPECT_EQ(db.query(blog::schema, blog::audit_logs).find_first<log_time>()->at, far);
  }
  // The earliest and latest instants each backend holds round-trip exactly.
  const auto earliest = backend::is_postgres ? std::chrono::sys_seconds(std::chrono::seconds(-210866803200))
                                             : std::chrono::sys_seconds(std::chrono::seconds(INT64_MIN / 2));
  const auto latest = std::chrono::sys_seconds(std::chrono::seconds(backend::is_postgres ? INT64_MAX / 1000000 : INT64_MAX));
  db.insert(blog::schema, "audit_logs", log_seconds_row{earliest, "post_update", 2});
  db.insert(blog::schema, "audit_logs", log_seconds_row{latest, "post_update", 3});
  EXPECT_EQ(db.query(blog::schema, blog::audit_logs).find_first<log_time>({.where = eq("version", 2)})->at, earliest);
  EXPECT_EQ(db.query(blog::schema, blog::audit_logs).find_first<log_time>({.where = eq("version", 3)})->at, latest);
}

// Read into a field whose duration cannot count that far (on PostgreSQL, year 3000 in
// nanoseconds is past int64; a 32-bit count of seconds ends in 2038): refused, not
// garbage. (On SQLite the integer counts the field's own duration: only the narrow field
// overflows.)
TEST_F(Typed, AStoredTimeAFieldCannotHoldIsRefusedOnRead) {
  const auto year_3000 = std::chrono::sys_seconds(std::chrono::seconds(32503680000));
  db.insert(blog::schema, "audit_logs", log_seconds_row{year_3000, "post_update", 1});
  if (backend::is_postgres) {
    try {
      (void)db.query(blog::schema, blog::audit_logs).find_first<log_nanoseconds>();
      FAIL() << "year 3000 was read into nanoseconds";
    } catch (const orm::runtime::error& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("'audit_logs.at' holds 32503680000000000 microseconds since 1970"), std::string::npos) << message;
      EXPECT_NE(message.find("field 'at' cannot hold"), std::string::npos) << message;
    }
  }
  try {
    (void)db.query(blog::schema, blog::audit_logs).find_first<log_narrow>();
    FAIL() << "year 3000 was read into a 32-bit count of seconds";
  } catch (const orm::runtime::error& e) {
    EXPECT_NE(std::string(e.what()).find("32-bit integer"), std::string::npos) << e.what();
  }
  // Within their range, they read exactly.
  const auto year_2000 = std::chrono::sys_seconds(std::chrono::seconds(946684800));
  db.update(blog::schema, "audit_logs", log_seconds_row{year_2000, "post_update", 1}, eq("version", 1));
  if (backend::is_postgres) {
    EXPECT_EQ(db.query(blog::schema, blog::audit_logs).find_first<log_nanoseconds>()->at, year_2000);
  }
  EXPECT_EQ(db.query(blog::schema, blog::audit_logs).find_first<log_narrow>()->at.time_since_epoch().count(), 946684800);
}
}  // namespace

namespace {
inline constexpr auto forum_users = table("users");
inline constexpr auto forum_posts = table("posts", column("authorId", id("users")), index("by_author").on("authorId"));
inline constexpr auto forum = define_schema(tables(forum_users, forum_posts))
                                  .relations(many(forum_users, "posts", forum_posts, {.to = "authorId"}),
                                             one(forum_posts, "author", forum_users, {.from = "authorId"}));
struct forum_post {
  std::int64_t id;
};
struct forum_user {
  std::vector<forum_post> posts;
};

// A many() field loads its relation as a `with` would: with no bound, it is refused as
// the same `with` is (ormlint: orm-unbounded-many at the field).
TEST(TypedGuards, AManyFieldIsBoundedLikeAWith) {
  auto db = backend::open();
  db.migrate(forum);
  EXPECT_THROW(db.query(forum, forum_users).find_many<forum_user>(), unbounded_many_error);
  EXPECT_NO_THROW(db.query(forum, forum_users).find_many<forum_user>({.with = {{"posts", {.limit = 3}}}}));
}
}  // namespace

namespace {
// The blog's rows in a database file (written in memory, then VACUUM INTO a file and
// reopened): the struct of the issue, a through relation and a discriminator table read
// back with the same values as nodes.
TEST_F(Typed, ThroughAndVariantsFromAFile) {
  db.insert(blog::schema, "audit_logs", {{"at", 1}, {"action", "post_update"}, {"postId", first}, {"version", 3}});
#ifdef ORM_TEST_POSTGRES
  auto& file = db;  // the server's tables are the "file"
#else
  const std::string path = orm::testing::temp_dir::file("typed_rows_blog.db");
  std::remove(path.c_str());
  db.exec("VACUUM INTO '" + path + "'");
  database file(path);
#endif
  const auto typed = file.query(blog::schema, blog::posts).find_many<post_row>({.order_by = {asc("id")}});
  const auto nodes = file.query(blog::schema, blog::posts)
                         .find_many({.order_by = {asc("id")}, .with = {{"tags", {}}, {"comments", {}}}});
  ASSERT_EQ(typed.size(), nodes.size());
  for (std::size_t i = 0; i < typed.size(); ++i) {
    EXPECT_EQ(typed[i].title, nodes[i]["title"].as_text());
    ASSERT_EQ(typed[i].tags.size(), nodes[i]["tags"].size());
    for (std::size_t t = 0; t < typed[i].tags.size(); ++t) EXPECT_EQ(typed[i].tags[t].name, nodes[i]["tags"][t]["name"].as_text());
    EXPECT_EQ(typed[i].comments.size(), nodes[i]["comments"].size());
  }
  const auto logs = file.query(blog::schema, blog::audit_logs).find_many<log_row>();
  ASSERT_EQ(logs.size(), 1u);
  EXPECT_EQ(logs[0].details->version, 3);
#ifndef ORM_TEST_POSTGRES
  std::remove(path.c_str());
#endif
}
}  // namespace

namespace {
inline constexpr auto events = table("events", column("created-at", integer().not_null()), column("class", text()));
inline constexpr auto event_schema = define_schema(tables(events));
struct event_row {
  orm::renamed<"created-at", std::int64_t> created;
  orm::renamed<"class", std::optional<std::string>> kind;
};
struct misnamed_event {
  orm::renamed<"created_at", std::int64_t> created;
};

// Columns whose names are no C++ identifiers, read and written through orm::named.
TEST(TypedNames, NamedFieldsReadAndWriteTheirColumn) {
  auto db = backend::open();
  db.migrate(event_schema);
  db.insert(event_schema, "events", event_row{{42}, {"login"}});
  const auto rows = db.query(event_schema, events).find_many<event_row>();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].created.value, 42);
  EXPECT_EQ(*rows[0].kind.value, "login");
  try {
    db.query(event_schema, events).find_many<misnamed_event>();
    FAIL() << "accepted";
  } catch (const row_mismatch_error& e) {
    EXPECT_STREQ(e.what(), "field 'created_at' of 'misnamed_event' names no column, relation or variant alias of table "
                           "'events'; did you mean 'created-at'?");
  }
}
}  // namespace

namespace {
struct misspelt_details {
  std::optional<std::int64_t> verison;
};
struct misspelt_log {
  std::optional<misspelt_details> details;
};

// A field of a variant alias's struct is checked against the variants' fields.
TEST_F(Typed, AVariantFieldNamesAFieldOfAVariant) {
  try {
    db.query(blog::schema, blog::audit_logs).find_many<misspelt_log>();
    FAIL() << "accepted";
  } catch (const row_mismatch_error& e) {
    EXPECT_STREQ(e.what(), "field 'verison' of 'misspelt_details' names no field of a variant of 'audit_logs.action'; "
                           "did you mean 'version'?");
  }
}
}  // namespace
