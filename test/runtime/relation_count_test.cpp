// Relation counts in reads (.count = {"comments"}): each row's related rows counted by the
// database, as "comments_count" in nodes and in typed rows, at the top and in loads.
#include <functional>

#include <gtest/gtest.h>

#include "runtime/blog_fixture.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;
using orm::testing::blog_database;
using orm::testing::texts;

using RelationCount = blog_database;

template <class Rows>
std::vector<std::int64_t> counts(const Rows& rows, const std::string& key) {
  std::vector<std::int64_t> out;
  for (const node& r : rows) out.push_back(r[key].as_integer());
  return out;
}

TEST_F(RelationCount, CountsManyThroughAndOneAtTheTopAndInLoads) {
  auto posts = db.query(blog::schema, blog::posts);
  const auto rows = posts.find_many({.order_by = {asc("id")}, .count = {"comments", "tags", "reviewer"}});
  EXPECT_EQ(counts(rows, "comments_count"), (std::vector<std::int64_t>{3, 0, 0}));
  EXPECT_EQ(counts(rows, "tags_count"), (std::vector<std::int64_t>{2, 0, 1}));
  EXPECT_EQ(counts(rows, "reviewer_count"), (std::vector<std::int64_t>{1, 0, 0}));
  EXPECT_EQ(rows[0].fields().size(), 8u);  // 5 columns and 3 counts
  // In a load, with a filter on the read and the count's relation untouched by it.
  const auto users = db.query(blog::schema, blog::users)
                         .find_many({.where = some("authoredPosts"),
                                     .order_by = {asc("id")},
                                     .with = {{"authoredPosts", {.order_by = {asc("id")}, .limit = 5, .count = {"comments"}}}},
                                     .count = {"authoredPosts", "reports"}});
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(counts(users, "authoredPosts_count"), (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(counts(users, "reports_count"), (std::vector<std::int64_t>{2, 0}));
  const node& loaded = users[0]["authoredPosts"];
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_EQ(loaded[0]["comments_count"].as_integer(), 3);
  EXPECT_EQ(loaded[1]["comments_count"].as_integer(), 0);
}

struct post_counted {
  std::string title;
  std::int64_t comments_count;
  std::optional<std::int64_t> tags_count;
};
struct user_counted {
  std::string name;
  std::int64_t authoredPosts_count;
  std::vector<post_counted> authoredPosts;
};
struct post_count_as_text {
  std::string comments_count;
};
struct post_without_count {
  std::string title;
};

TEST_F(RelationCount, TypedRowsCountByTheirFieldsName) {
  const auto posts = db.query(blog::schema, blog::posts).find_many<post_counted>({.order_by = {asc("id")}});
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[0].comments_count, 3);
  EXPECT_EQ(posts[0].tags_count, 2);
  EXPECT_EQ(posts[2].tags_count, 1);
  const auto users = db.query(blog::schema, blog::users)
                         .find_many<user_counted>({.where = eq("id", ann), .with = {{"authoredPosts", {.limit = 5}}}});
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0].authoredPosts_count, 2);
  ASSERT_EQ(users[0].authoredPosts.size(), 2u);
  EXPECT_EQ(users[0].authoredPosts[0].comments_count + users[0].authoredPosts[1].comments_count, 3);
}

// A relation with a where of its own: filters and counts see its rows only.
namespace shop {
inline constexpr auto customers = table("customers", column("name", text().not_null()));
inline constexpr auto orders = table("orders", column("customerId", id("customers").not_null()),
                                     column("state", text().not_null()), index("by_customer").on("customerId"));
inline constexpr auto schema = define_schema(tables(customers, orders))
    .relations(many(customers, "orders", orders, {.to = "customerId"}),
               many(customers, "openOrders", orders, {.to = "customerId", .alias = "open", .where = eq("state", "open")}),
               one(orders, "customer", customers, {.from = "customerId"}));
}  // namespace shop

TEST(RelationWhere, FiltersAndCountsKeepTheRelationsOwnWhere) {
  backend::database db = backend::open();
  db.migrate(shop::schema);
  const auto ann = db.insert(shop::schema, "customers", {{"name", "ann"}});
  const auto bob = db.insert(shop::schema, "customers", {{"name", "bob"}});
  db.insert_many(shop::schema, "orders", {{{"customerId", ann}, {"state", "open"}}, {{"customerId", ann}, {"state", "paid"}},
                                          {{"customerId", bob}, {"state", "paid"}}});
  auto customers = db.query(shop::schema, shop::customers);
  const auto rows = customers.find_many({.order_by = {asc("id")}, .count = {"orders", "openOrders"}});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["orders_count"].as_integer(), 2);
  EXPECT_EQ(rows[0]["openOrders_count"].as_integer(), 1);
  EXPECT_EQ(rows[1]["openOrders_count"].as_integer(), 0);
  EXPECT_EQ(texts(customers.find_many({.where = some("openOrders")}), "name"), (std::vector<std::string>{"ann"}));
  EXPECT_EQ(texts(customers.find_many({.where = none("openOrders")}), "name"), (std::vector<std::string>{"bob"}));
  // every over the relation's rows only: ann's one open order is "open", bob has none.
  EXPECT_EQ(customers.count({.where = every("openOrders", eq("state", "open"))}), 2);
  EXPECT_EQ(customers.count({.where = every("orders", eq("state", "paid"))}), 1);
  // The relation's where applies inside a write's filter too.
  EXPECT_EQ(db.update(shop::schema, "customers", {{"name", "ann (open)"}}, some("openOrders")), 1);
}

std::string refusal(const std::function<void()>& call) {
  try {
    call();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "accepted";
}

TEST_F(RelationCount, RefusedInThePlannersWords) {
  auto posts = db.query(blog::schema, blog::posts);
  EXPECT_EQ(refusal([&] { posts.find_many({.count = {"coments"}}); }),
            "table 'posts' has no relation 'coments'; its relations are: author, reviewer, comments, tags; did you mean "
            "'comments'?");
  EXPECT_EQ(refusal([&] { posts.find_many<post_count_as_text>(); }),
            "field 'comments_count' of 'post_count_as_text' is std::string, and it reads the count of relation "
            "'posts.comments'; make it std::int64_t");
  EXPECT_EQ(refusal([&] { posts.find_many<post_without_count>({.count = {"comments"}}); }),
            "`.count` counts 'comments', and 'post_without_count' has no field 'comments_count' to hold it; add the field "
            "or drop the count");
  EXPECT_EQ(refusal([&] { posts.find_many({.with = {{"author", {.count = {"reprts"}}}}}); }),
            "table 'users' has no relation 'reprts'; its relations are: manager, reports, authoredPosts, reviewedPosts, "
            "auditTrail; did you mean 'reports'?");
}

}  // namespace
