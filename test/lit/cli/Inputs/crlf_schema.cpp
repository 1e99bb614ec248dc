#include <orm/orm.hpp>

using namespace orm;

inline constexpr auto users = table("users", column("name", text()));
inline constexpr auto posts = table("posts",
    column("authorId", id("users").not_null()));
inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 10}})
    .relations(many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}));
