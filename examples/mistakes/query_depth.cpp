// orm-query-depth: the with nests four deep, one more than the default max_depth of 3;
// the runtime throws depth_error.
#include "query_schema.hpp"

namespace mistakes::queries {
std::vector<orm::sqlite::node> everything(orm::sqlite::database& db) {
  return db.query(schema, users).find_many(
      {.with = {{"posts", {.limit = 5, .with = {{"author", {.with = {{"posts", {.limit = 5, .with = {{"comments", {.limit = 5}}}}}}}}}}}}});
}
}  // namespace mistakes::queries
