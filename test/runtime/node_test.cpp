// The result node: value semantics (copies are deep, moves leave null), rows of one
// result sharing one key list, and an object that diverges from the shared list getting
// its own without changing the others.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/blog_fixture.hpp"

namespace {
using namespace orm;
using namespace orm::sqlite;

node person(std::int64_t id, std::string name) {
  node n = node::make(node::kind::object);
  n.add("id", node::of_integer(id));
  n.add("name", node::of_text(std::move(name)));
  return n;
}

TEST(Node, IsSmall) { EXPECT_LE(sizeof(node), 16u); }

TEST(Node, CopiesAreDeepAndIndependent) {
  node list = node::make(node::kind::array);
  list.push_back(person(1, "a name longer than the small-string buffer"));
  node copy = list;
  copy.push_back(person(2, "b"));
  EXPECT_EQ(list.size(), 1u);
  ASSERT_EQ(copy.size(), 2u);
  EXPECT_EQ(copy[0]["name"].as_text(), "a name longer than the small-string buffer");
  copy = list;  // copy-assign over a larger value
  EXPECT_EQ(copy.size(), 1u);
  const node& same = copy;
  copy = same;  // self-assignment keeps the value
  EXPECT_EQ(copy[0]["id"].as_integer(), 1);
}

TEST(Node, MovedFromIsNull) {
  node text = node::of_text("moved");
  node moved = std::move(text);
  EXPECT_TRUE(text.is_null());  // NOLINT(bugprone-use-after-move): documented state
  EXPECT_EQ(moved.as_text(), "moved");
  moved = node::of_real(0.5);
  EXPECT_EQ(moved.as_real(), 0.5);
}

TEST(Node, AnObjectThatDivergesFromSharedKeysGetsItsOwn) {
  node first = person(1, "a");
  node second = node::object_with_keys(first.keys());
  second.add("id", node::of_integer(2));
  EXPECT_EQ(second.keys(), first.keys());  // same keys so far: shared
  second.add("email", node::of_text("b@example.com"));
  EXPECT_NE(second.keys(), first.keys());
  EXPECT_FALSE(first.contains("email"));
  EXPECT_EQ(first["name"].as_text(), "a");
  EXPECT_EQ(second["email"].as_text(), "b@example.com");
  EXPECT_FALSE(second.contains("name"));
  std::vector<std::string> keys;
  for (const auto& [key, value] : second.fields()) keys.push_back(key + "=" + (value.is_null() ? "" : "set"));
  EXPECT_EQ(keys, (std::vector<std::string>{"id=set", "email=set"}));
}

TEST(Node, NonObjectsHaveNoFieldsAndNonArraysNoItems) {
  const node n = node::of_integer(3);
  EXPECT_EQ(n.fields().size(), 0u);
  EXPECT_EQ(n.size(), 0u);
  EXPECT_FALSE(n.contains("id"));
  EXPECT_THROW(n["id"], orm::sqlite::schema_error);
  EXPECT_THROW(n.as_text(), orm::sqlite::schema_error);
}

using Result = orm::testing::blog_database;

TEST_F(Result, RowsOfOneResultShareTheirKeys) {
  const auto posts = db.query(blog::schema, blog::posts).find_many({.order_by = {asc("id")}, .with = {{"author", {}}}});
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[0].keys(), posts[1].keys());
  EXPECT_EQ(posts[1].keys(), posts[2].keys());
  EXPECT_EQ(posts[0]["author"].keys(), posts[2]["author"].keys());
  // Shared keys, each row its own values.
  EXPECT_EQ(posts[0]["title"].as_text(), "first");
  EXPECT_EQ(posts[2]["title"].as_text(), "third");
  EXPECT_EQ(posts[0]["author"]["name"].as_text(), "ann");
}

}  // namespace
