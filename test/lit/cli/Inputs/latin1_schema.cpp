#include <orm/orm.hpp>
using namespace orm;
inline constexpr auto users = table("usÿers");
inline constexpr auto posts = table("posts", column("authorId", id("usÿers")));
inline constexpr auto schema = define_schema(tables(users, posts)).relations(many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}));
