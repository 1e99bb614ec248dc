// orm-missing-inverse: users.posts names no columns and expects to infer them from an
// inverse one() on posts, but that inverse lives in another relations part.
#include <orm/orm.hpp>

namespace mistakes::missing_inverse {
using namespace orm;

inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto posts = table("posts", column("authorId", id("users")), index("by_author").on("authorId"));

inline constexpr auto user_relations = define_relations_part("user_relations", many(users, "posts", posts));
inline constexpr auto post_relations =
    define_relations_part("post_relations", one(posts, "author", users, {.from = "authorId", .to = "id"}));

inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 20}})
    .relations(user_relations, post_relations);
}  // namespace mistakes::missing_inverse
