#pragma once
// The example blog schema, migrated into a fresh database of the backend under test
// (runtime/backend.hpp) with a few rows.
#include <gtest/gtest.h>

#include "runtime/backend.hpp"

#include "blog/schema.hpp"

namespace orm::testing {

class blog_database : public ::testing::Test {
 protected:
  void SetUp() override {
    db.migrate(blog::schema);
    ann = db.insert(blog::schema, "users", {{"name", "ann"}, {"email", "ann@example.com"}});
    bob = db.insert(blog::schema, "users", {{"name", "bob"}, {"email", "bob@example.com"}, {"managerId", ann}});
    cy = db.insert(blog::schema, "users", {{"name", "cy"}, {"email", "cy@example.com"}, {"managerId", ann}});
    first = db.insert(blog::schema, "posts", {{"title", "first"}, {"published", true}, {"authorId", ann}, {"reviewerId", bob}});
    second = db.insert(blog::schema, "posts", {{"title", "second"}, {"authorId", ann}});
    third = db.insert(blog::schema, "posts", {{"title", "third"}, {"published", true}, {"authorId", bob}});
    for (const char* body : {"nice", "agreed", "no"})
      db.insert(blog::schema, "comments", {{"body", body}, {"postId", first}, {"authorId", bob}});
    news = db.insert(blog::schema, "tags", {{"name", "news"}});
    cpp = db.insert(blog::schema, "tags", {{"name", "c++"}});
    db.insert(blog::schema, "post_tags", {{"postId", first}, {"tagId", news}});
    db.insert(blog::schema, "post_tags", {{"postId", first}, {"tagId", cpp}});
    db.insert(blog::schema, "post_tags", {{"postId", third}, {"tagId", cpp}});
  }

  backend::database db = backend::open();
  std::int64_t ann = 0, bob = 0, cy = 0, first = 0, second = 0, third = 0, news = 0, cpp = 0;
};

template <class Rows>
std::vector<std::string> texts(const Rows& array, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& item : array) out.push_back(item[key].as_text());
  return out;
}

}  // namespace orm::testing
