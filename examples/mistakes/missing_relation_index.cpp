// orm-missing-relation-index: loading users.posts looks posts up by authorId, and no
// index of posts starts with authorId, so every load scans the whole table.
#include <orm/orm.hpp>

namespace mistakes::missing_relation_index {
using namespace orm;

inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto posts = table("posts",
    column("title", text().not_null()),
    column("authorId", id("users").not_null()));

inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 20}})
    .relations(many(users, "posts", posts),
               one(posts, "author", users, {.from = "authorId", .to = "id"}));
}  // namespace mistakes::missing_relation_index
