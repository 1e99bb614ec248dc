#include <orm/sqlite.hpp>

using namespace orm;

inline constexpr auto users = table("users", column("name", text()));
inline constexpr auto posts = table("posts", column("authorId", id("users")), index("by_author").on("authorId"));
inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 20}})
    .relations(many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}));

auto authors_with_posts(sqlite::database& db) { return db.query(schema, users).find_many({.with = {{"post", {}}}}); }
