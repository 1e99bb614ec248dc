#pragma once
// The small program, written with the ORM, for either backend: migrate, three inserts, one
// typed read of users with their posts and the posts' comments.
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "schema.hpp"

namespace small {
struct comment_row { std::string body; };
struct post_row { std::string title; std::vector<comment_row> comments; };
struct user_row { std::string name; std::vector<post_row> posts; };

template <class Database>
int run(Database& db) {
  db.migrate(schema);
  const auto ann = db.insert(schema, "users", {{"name", "Ann"}});
  const auto post = db.insert(schema, "posts", {{"title", "Hello"}, {"authorId", ann}});
  db.insert(schema, "comments", {{"body", "First"}, {"postId", post}});
  const auto rows = db.query(schema, users).template find_many<user_row>(
      {.limit = 10, .with = {{"posts", {.limit = 10, .with = {{"comments", {.limit = 10}}}}}}});
  for (const user_row& u : rows)
    for (const post_row& p : u.posts)
      for (const comment_row& c : p.comments) std::printf("%s %s %s\n", u.name.c_str(), p.title.c_str(), c.body.c_str());
  return 0;
}
}  // namespace small
