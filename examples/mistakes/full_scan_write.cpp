// orm-full-scan-write: an empty where deletes every comment; the runtime throws
// full_scan_error unless the call passes {.allow_full_scan = true}.
#include "query_schema.hpp"

namespace mistakes::queries {
void delete_comments(orm::sqlite::database& db) { db.remove(schema, "comments", {}); }
}  // namespace mistakes::queries
