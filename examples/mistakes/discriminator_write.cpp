// orm-discriminator-write: a login event needs its ip, and amount belongs to refunds;
// the runtime refuses the insert with discriminator_write_error.
#include <orm/sqlite.hpp>

namespace mistakes::discriminator_write {
using namespace orm;

inline constexpr auto events = table("events",
    column("at", timestamp().not_null()),
    column("kind", discriminator({.as = "details"},
        variant("login", column("ip", text().not_null())),
        variant("refund", column("amount", real().not_null())))));
inline constexpr auto schema = define_schema(tables(events));

void record_login(sqlite::database& db) { db.insert(schema, "events", {{"at", 1}, {"kind", "login"}, {"amount", 5.0}}); }
}  // namespace mistakes::discriminator_write
