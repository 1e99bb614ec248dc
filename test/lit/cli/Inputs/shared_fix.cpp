// Two relations load posts by authorId: one index serves both, so one edit fixes both
// findings.
#include <orm/orm.hpp>

namespace shared_fix {
using namespace orm;
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 10}})
    .relations(many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}),
               many(users, "drafts", posts, {.from = "id", .to = "authorId"}));
}  // namespace shared_fix
