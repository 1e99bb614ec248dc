// orm-unknown-column: posts has no column "titel" and users none named "nmae"; the
// runtime refuses both calls with schema_error.
#include "query_schema.hpp"

namespace mistakes::queries {
std::vector<orm::sqlite::node> post_titles(orm::sqlite::database& db) {
  return db.query(schema, posts).find_many({.columns = orm::sqlite::only("titel")});
}

std::int64_t add_user(orm::sqlite::database& db) { return db.insert(schema, "users", {{"nmae", "Ann"}}); }
}  // namespace mistakes::queries
