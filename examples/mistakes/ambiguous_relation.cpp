// orm-ambiguous-relation: posts has two edges to users, author and reviewer, which
// write their columns (fine), but users.posts writes none and could take them from
// either.
#include <orm/orm.hpp>

namespace mistakes::ambiguous_relation {
using namespace orm;

inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto posts = table("posts",
    column("authorId", id("users").not_null()),
    column("reviewerId", id("users")),
    index("by_author").on("authorId"),
    index("by_reviewer").on("reviewerId"));

inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 20}})
    .relations(one(posts, "author", users, {.from = "authorId", .to = "id"}),
               one(posts, "reviewer", users, {.from = "reviewerId", .to = "id"}),
               many(users, "posts", posts));
}  // namespace mistakes::ambiguous_relation
