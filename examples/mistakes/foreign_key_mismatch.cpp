// orm-foreign-key-mismatch: comments.postId holds ids of posts, but the relation joins
// it to users; and deleting a user would set a not_null column to null.
#include <orm/orm.hpp>

namespace mistakes::foreign_key_mismatch {
using namespace orm;

inline constexpr auto users = table("users", column("name", text().not_null()));
inline constexpr auto posts = table("posts", column("title", text().not_null()));
inline constexpr auto comments = table("comments",
    column("postId", id("posts").not_null()),
    column("authorId", id("users").not_null().references("users", "id", {.on_delete = fk_action::set_null})),
    index("by_post").on("postId"));

inline constexpr auto schema = define_schema(tables(users, posts, comments))
    .relations(one(comments, "post", users, {.from = "postId", .to = "id"}));
}  // namespace mistakes::foreign_key_mismatch
