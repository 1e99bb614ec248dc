// Filters on related rows: some / none / every (EXISTS subqueries), on both backends,
// in reads, loads, counts and writes, and the planner's refusals in its words.
#include <functional>

#include <gtest/gtest.h>

#include "runtime/blog_fixture.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::blog_database;
using orm::testing::texts;
using names = std::vector<std::string>;

using RelationFilter = blog_database;

// The fixture: ann wrote first (reviewed by bob, tags news and c++, comments nice, agreed,
// no by bob) and second (no reviewer, no tag, no comment); bob wrote third (tag c++); bob
// and cy report to ann.
template <class Query>
names post_titles(Query& posts, const condition& where) {
  return texts(posts.find_many({.where = where, .order_by = {asc("id")}}), "title");
}
template <class Query>
names user_names(Query& users, const condition& where) {
  return texts(users.find_many({.where = where, .order_by = {asc("id")}}), "name");
}

TEST_F(RelationFilter, SomeNoneEveryOverManyThroughAndOneRelations) {
  auto posts = db.query(blog::schema, blog::posts);
  // many() through a junction
  EXPECT_EQ(post_titles(posts, some("tags", eq("name", "news"))), (names{"first"}));
  EXPECT_EQ(post_titles(posts, some("tags")), (names{"first", "third"}));
  EXPECT_EQ(post_titles(posts, none("tags")), (names{"second"}));
  EXPECT_EQ(post_titles(posts, every("tags", eq("name", "c++"))), (names{"second", "third"}));  // second: no tag at all
  // many()
  EXPECT_EQ(post_titles(posts, none("comments", like("body", "%ee%"))), (names{"second", "third"}));
  EXPECT_EQ(post_titles(posts, every("comments", eq("authorId", bob))), (names{"first", "second", "third"}));
  EXPECT_EQ(post_titles(posts, every("comments", eq("body", "nice"))), (names{"second", "third"}));
  EXPECT_EQ(post_titles(posts, every("comments", condition{})), (names{"first", "second", "third"}));
  // one(), optional: a post without a reviewer has none
  EXPECT_EQ(post_titles(posts, some("reviewer", eq("name", "bob"))), (names{"first"}));
  EXPECT_EQ(post_titles(posts, none("reviewer")), (names{"second", "third"}));
  // the other way, and a self-reference
  auto users = db.query(blog::schema, blog::users);
  EXPECT_EQ(user_names(users, some("authoredPosts", eq("published", true))), (names{"ann", "bob"}));
  EXPECT_EQ(user_names(users, some("reports")), (names{"ann"}));
  EXPECT_EQ(user_names(users, some("manager", eq("name", "ann"))), (names{"bob", "cy"}));
}

TEST_F(RelationFilter, EveryCountsANullTestAsNotMatching) {
  // ann's second post has no reviewer: eq("reviewerId", bob) is NULL there, not true.
  auto users = db.query(blog::schema, blog::users);
  EXPECT_EQ(user_names(users, every("authoredPosts", eq("reviewerId", bob))), (names{"cy"}));
  EXPECT_EQ(user_names(users, every("authoredPosts", eq("reviewerId", bob) || is_null("reviewerId"))),
            (names{"ann", "bob", "cy"}));
}

TEST_F(RelationFilter, NestedAndCombinedWithParametersOnEitherSide) {
  auto users = db.query(blog::schema, blog::users);
  EXPECT_EQ(user_names(users, some("authoredPosts", some("tags", eq("name", "c++")))), (names{"ann", "bob"}));
  EXPECT_EQ(user_names(users, some("authoredPosts", some("comments", like("body", "%ee%")))), (names{"ann"}));
  EXPECT_EQ(user_names(users, some("authoredPosts", none("tags") && eq("title", "second"))), (names{"ann"}));
  // Parameters before, inside and after the subquery keep their order (SQLite's ? are positional).
  auto posts = db.query(blog::schema, blog::posts);
  EXPECT_EQ(post_titles(posts, eq("published", true) && some("tags", eq("name", "c++")) && eq("authorId", bob)),
            (names{"third"}));
  EXPECT_EQ(post_titles(posts, eq("published", true) && !some("tags", eq("name", "news"))), (names{"third"}));
  EXPECT_EQ(post_titles(posts, some("tags", eq("name", "news")) || eq("title", "second")), (names{"first", "second"}));
  EXPECT_EQ(post_titles(posts, some("tags", in("name", {"news", "c++"})) && some("reviewer", eq("name", "bob"))),
            (names{"first"}));
}

TEST_F(RelationFilter, InALoadACountAndFindFirst) {
  const auto users = db.query(blog::schema, blog::users)
                         .find_many({.where = eq("id", ann),
                                     .with = {{"authoredPosts", {.where = some("tags", eq("name", "news")), .limit = 5}}}});
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(texts(users[0]["authoredPosts"], "title"), (names{"first"}));
  auto posts = db.query(blog::schema, blog::posts);
  EXPECT_EQ(posts.count({.where = some("comments")}), 1);
  EXPECT_TRUE(posts.exists({.where = none("comments") && none("tags")}));
  EXPECT_FALSE(posts.exists({.where = some("comments", eq("body", "absent"))}));
  const auto found = posts.find_first({.where = some("author", eq("name", "bob"))});
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ((*found)["title"].as_text(), "third");
}

TEST_F(RelationFilter, UpdatesAndRemovesFilterByRelations) {
  EXPECT_EQ(db.update(blog::schema, "posts", {{"published", false}}, none("tags") || some("tags", eq("name", "news"))), 2);
  auto posts = db.query(blog::schema, blog::posts);
  EXPECT_EQ(post_titles(posts, eq("published", true)), (names{"third"}));
  EXPECT_EQ(db.remove(blog::schema, "comments", some("post", eq("title", "first")) && ne("body", "nice")), 2);
  EXPECT_EQ(db.query(blog::schema, blog::comments).count(), 1);
}

std::string refusal(const std::function<void()>& call) {
  try {
    call();
  } catch (const unknown_relation_error& e) {
    return std::string("unknown_relation_error: ") + e.what();
  } catch (const depth_error& e) {
    return std::string("depth_error: ") + e.what();
  } catch (const schema_error& e) {
    return std::string("schema_error: ") + e.what();
  }
  return "accepted";
}

TEST_F(RelationFilter, RefusedInThePlannersWordsForReadsAndWrites) {
  auto posts = db.query(blog::schema, blog::posts);
  EXPECT_EQ(refusal([&] { posts.find_many({.where = some("tag", eq("name", "news"))}); }),
            "unknown_relation_error: table 'posts' has no relation 'tag'; its relations are: author, reviewer, comments, "
            "tags; did you mean 'tags'?");
  // The nested filter names the related table's columns, not the post's.
  EXPECT_EQ(refusal([&] { posts.find_many({.where = some("tags", eq("title", "first"))}); }),
            "schema_error: table 'tags' has no column 'title' to filter on");
  EXPECT_EQ(refusal([&] { posts.count({.where = eq("title", "x") && none("comments", eq("bdy", "x"))}); }),
            "schema_error: table 'comments' has no column 'bdy' to filter on; did you mean 'body'?");
  // Depth: each nested relation filter is a level, as a `with` is.
  auto users = db.query(blog::schema, blog::users);
  const condition four_deep = some("authoredPosts", some("comments", some("post", some("tags"))));
  EXPECT_EQ(refusal([&] { users.find_many({.where = four_deep}); }),
            "depth_error: the filter nests relation filters (some/none/every) 4 deep at users.authoredPosts.comments.post.tags, "
            "deeper than max_depth 3; raise max_depth or filter in two steps");
  EXPECT_EQ(user_names(users, some("authoredPosts", some("comments", some("post")))), (names{"ann"}));
  EXPECT_EQ(users.find_many({.where = four_deep, .max_depth = 4}).size(), 1u);
  // find_unique: a relation filter pins no key.
  EXPECT_EQ(refusal([&] { posts.find_unique({.where = some("tags", eq("name", "news"))}); }).substr(0, 63),
            "schema_error: find_unique on 'posts' must pin a unique key with");
  // Writes are planned with the same rule.
  EXPECT_EQ(refusal([&] { db.update(blog::schema, "posts", {{"published", false}}, some("tagz")); }),
            "unknown_relation_error: table 'posts' has no relation 'tagz'; its relations are: author, reviewer, comments, "
            "tags; did you mean 'tags'?");
  EXPECT_EQ(refusal([&] { db.remove(blog::schema, "posts", every("comments", eq("postid", 1))); }),
            "schema_error: table 'comments' has no column 'postid' to filter on; did you mean 'postId'?");
  EXPECT_EQ(db.query(blog::schema, blog::posts).count(), 3);  // nothing written by a refused write
}

}  // namespace
