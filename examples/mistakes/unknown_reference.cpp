// orm-unknown-reference: users.posts names a column that posts does not have (a typo
// of authorId), and an index names a column that does not exist at all.
#include <orm/orm.hpp>

namespace mistakes::unknown_reference {
using namespace orm;

inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto posts = table("posts",
    column("authorId", id("users").not_null()),
    index("by_author").on("authorId"),
    index("by_date").on("publishedAt"));

inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 20}})
    .relations(one(posts, "author", users, {.from = "authorId", .to = "id"}),
               many(users, "posts", posts, {.from = "id", .to = "authorIdd"}));
}  // namespace mistakes::unknown_reference
