// orm-redundant-index: by_author is a leading prefix of by_author_date, which serves
// every lookup it serves; each index slows every write.
#include <orm/orm.hpp>

namespace mistakes::redundant_index {
using namespace orm;

inline constexpr auto posts = table("posts",
    column("authorId", integer().not_null()),
    column("createdAt", timestamp().not_null()),
    index("by_author").on("authorId"),
    index("by_author_date").on("authorId", "createdAt"));

inline constexpr auto schema = define_schema(tables(posts));
}  // namespace mistakes::redundant_index
