// What a call of a kept read shape allocates (runtime/read_cache.hpp): the fixed cost of a
// call, which a count answered in a microsecond pays in full. A count once allocated ten
// times (the kept read copied, the shape's key and values, the filter converted twice, the
// render callback); it allocates its filter's terms only. Counted by this binary's own
// operator new, which is why these tests are a program of their own.
#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include <gtest/gtest.h>

#include <orm/sqlite.hpp>

namespace {
std::atomic<long> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {
using namespace orm;
using namespace orm::sqlite;

inline constexpr auto posts = table("posts", column("title", text().not_null()));
inline constexpr auto comments = table("comments", column("postId", id("posts").not_null()),
                                       column("score", integer().not_null()), index("by_post").on("postId"));
inline constexpr auto schema = define_schema(tables(posts, comments))
                                   .relations(many(posts, "comments", comments, {.to = "postId"}),
                                              one(comments, "post", posts, {.from = "postId"}));
struct post_row {
  std::int64_t id;
  std::string title;
};

class Allocations : public ::testing::Test {
 protected:
  void SetUp() override {
    db.migrate(schema);
    auto tx = db.transaction();
    for (int p = 1; p <= 10; ++p) {
      db.insert(schema, "posts", {{"title", "a title longer than a short string holds"}});
      for (int c = 0; c < p; ++c) db.insert(schema, "comments", {{"postId", p}, {"score", c}});
    }
    tx.commit();
  }
  // Allocations per call of f(k) over 100 calls, after 10 that keep the read's shape.
  template <class F>
  double per_call(F&& f) {
    for (int k = 0; k < 10; ++k) f(k);
    const long before = allocations.load();
    for (int k = 0; k < 100; ++k) f(k);
    return static_cast<double>(allocations.load() - before) / 100;
  }
  database db{":memory:"};
};

TEST_F(Allocations, ACountOrExistsOfAKeptShapeAllocatesItsFilterOnly) {
  auto q = db.query(schema, comments);
  std::int64_t counted = 0, existing = 0;
  EXPECT_LE(per_call([&](int k) { counted += q.count({.where = eq("postId", 1 + k % 10)}); }), 1.0);
  EXPECT_LE(per_call([&](int k) { existing += q.exists({.where = eq("postId", 1 + k % 10)}); }), 1.0);
  EXPECT_EQ(counted, 11 * 55);  // post p has p comments; 110 calls go round the 10 posts 11 times
  EXPECT_EQ(existing, 110);
}

TEST_F(Allocations, AOneRowReadOfAKeptShapeAllocatesItsFilterAndItsRow) {
  auto q = db.query(schema, posts);
  std::size_t rows = 0;
  // The filter's terms, the vector of rows, the row's members and its title.
  EXPECT_LE(per_call([&](int k) { rows += q.find_many({.where = eq("id", 1 + k % 10)}).size(); }), 6.0);
  // The filter's terms, the vector of rows, the title, and the row's columns' order.
  EXPECT_LE(per_call([&](int k) { rows += q.find_many<post_row>({.where = eq("id", 1 + k % 10)}).size(); }), 5.0);
  EXPECT_EQ(rows, 220u);
}

}  // namespace
