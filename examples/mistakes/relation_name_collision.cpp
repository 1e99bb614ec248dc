// orm-relation-name-collision: posts.title is both a column and a relation; a loaded
// post could hold only one of them under that key.
#include <orm/orm.hpp>

namespace mistakes::relation_name_collision {
using namespace orm;

inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto posts = table("posts",
    column("title", text().not_null()),
    column("authorId", id("users").not_null()),
    index("by_author").on("authorId"));

inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 20}})
    .relations(one(posts, "title", users, {.from = "authorId", .to = "id"}));
}  // namespace mistakes::relation_name_collision
