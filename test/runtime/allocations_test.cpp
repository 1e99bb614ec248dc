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

#include "blog/schema.hpp"

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

struct user_row {
  std::int64_t id;
  std::string email;
};

class Allocations : public ::testing::Test {
 protected:
  void SetUp() override {
    db.migrate(blog::schema);
    auto tx = db.transaction();
    for (int u = 1; u <= 10; ++u) {
      const std::string name = "user" + std::to_string(u);
      db.insert(blog::schema, "users", {{"name", name}, {"email", name + "@a-longer-domain.example.com"}});
      for (int p = 0; p < u; ++p) db.insert(blog::schema, "posts", {{"title", "t"}, {"authorId", u}});
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
  auto q = db.query(blog::schema, blog::posts);
  std::int64_t counted = 0, existing = 0;
  EXPECT_LE(per_call([&](int k) { counted += q.count({.where = eq("authorId", 1 + k % 10)}); }), 1.0);
  EXPECT_LE(per_call([&](int k) { existing += q.exists({.where = eq("authorId", 1 + k % 10)}); }), 1.0);
  EXPECT_EQ(counted, 11 * 55);  // user u wrote u posts; 110 calls go round the 10 users 11 times
  EXPECT_EQ(existing, 110);
}

TEST_F(Allocations, AOneRowReadOfAKeptShapeAllocatesItsFilterAndItsRow) {
  auto q = db.query(blog::schema, blog::users);
  std::size_t rows = 0;
  // What the caller builds (the filter's terms, only()'s names) and what the result holds
  // (the vector of rows, the row's members, its email).
  EXPECT_LE(per_call([&](int k) { rows += q.find_many({.columns = only("id", "email"), .where = eq("id", 1 + k % 10)}).size(); }), 7.0);
  // The filter's terms, the vector of rows, the email, and the row's columns' order.
  EXPECT_LE(per_call([&](int k) { rows += q.find_many<user_row>({.where = eq("id", 1 + k % 10)}).size(); }), 4.0);
  EXPECT_EQ(rows, 220u);
}

}  // namespace
