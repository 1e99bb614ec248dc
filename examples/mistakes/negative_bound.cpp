// orm-negative-bound: SQLite reads LIMIT -1 as "no limit", past default_limit and the
// fan-out guard; the runtime refuses a negative limit.
#include "query_schema.hpp"

namespace mistakes::queries {
std::vector<orm::sqlite::node> all_posts(orm::sqlite::database& db) { return db.query(schema, posts).find_many({.limit = -1}); }
}  // namespace mistakes::queries
