// orm-unbounded-many: nothing bounds users.posts; a query that loads it without a
// limit reads every post of every user.
#include <orm/orm.hpp>

namespace mistakes::unbounded_many {
using namespace orm;

inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto posts = table("posts", column("authorId", id("users")), index("by_author").on("authorId"));

inline constexpr auto schema = define_schema(tables(users, posts))
    .relations(many(users, "posts", posts),
               one(posts, "author", users, {.from = "authorId", .to = "id"}));
}  // namespace mistakes::unbounded_many
