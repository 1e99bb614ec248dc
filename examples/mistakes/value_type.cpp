// orm-value-type: users.name holds text, and 42 is an integer; SQLite would store it as
// one. The runtime refuses the insert with schema_error.
#include "query_schema.hpp"

namespace mistakes::queries {
std::int64_t add_user(orm::sqlite::database& db) { return db.insert(schema, "users", {{"name", 42}}); }
}  // namespace mistakes::queries
