#pragma once
// Names that point at nothing: a misspelt relation column, an index key, a where column.
#include <orm/orm.hpp>

namespace broken::unknown_reference {
using namespace orm;

inline constexpr auto users = table("users", column("name", text()));
inline constexpr auto posts = table("posts", column("authorId", id("users")), index("by_author").on("authorId"),
                                    index("by_x").on("nope"));

inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 10}})
    .relations(many(users, "posts", posts, {.from = "id", .to = "authorIdd"}),  // typo
               one(posts, "author", users, {.from = "authorId", .where = eq("nonexistent", true)}));
}  // namespace broken::unknown_reference
