// Compiled twice, as fmt compiles some of its files: with -DWITH_POSTS and without. Each
// command reads another schema, each with a missing index.
#include <orm/orm.hpp>

namespace two {
using namespace orm;
#ifdef WITH_POSTS
inline constexpr auto users = table("users");
inline constexpr auto posts = table("posts", column("authorId", id("users")));
inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 10}})
    .relations(many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}));
#else
inline constexpr auto teams = table("teams");
inline constexpr auto members = table("members", column("teamId", id("teams")));
inline constexpr auto schema = define_schema(tables(teams, members), {.defaults = {.default_limit = 10}})
    .relations(many(teams, "members", members), one(members, "team", teams, {.from = "teamId"}));
#endif
}  // namespace two
