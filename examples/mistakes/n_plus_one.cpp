// orm-n-plus-one: one query for the posts, then one more per post for its comments;
// {"comments", {...}} in the first query's with reads the same rows in one statement.
#include <cstdio>

#include "query_schema.hpp"

namespace mistakes::queries {
void print_comment_counts(orm::sqlite::database& db) {
  for (const orm::sqlite::node& post : db.query(schema, posts).find_many({.limit = 20})) {
    const auto comments = db.query(schema, mistakes::queries::comments)
                              .find_many({.where = orm::eq("postId", post["id"].as_integer())});
    std::printf("%s: %zu\n", post["title"].as_text().c_str(), comments.size());
  }
}
}  // namespace mistakes::queries
