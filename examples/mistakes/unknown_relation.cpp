// orm-unknown-relation: users has a relation "posts", not "post"; the runtime throws
// unknown_relation_error when this query runs.
#include "query_schema.hpp"

namespace mistakes::queries {
std::vector<orm::sqlite::node> users_with_posts(orm::sqlite::database& db) {
  return db.query(schema, users).find_many({.with = {{"post", {.limit = 10}}}});
}
}  // namespace mistakes::queries
