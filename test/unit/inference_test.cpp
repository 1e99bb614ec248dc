// Relation inference: one place, results as data (never exceptions).
#include <gtest/gtest.h>

#include <orm/orm.hpp>

#include "unit/model_lookup.hpp"

namespace {
using namespace orm;
using namespace orm::testing;

constexpr auto users = table("users", column("managerId", id("users")));
constexpr auto posts = table("posts", column("authorId", id("users")), column("reviewerId", id("users")));

TEST(Inference, ManyTakesMirroredColumnsFromItsOneInverse) {
  constexpr auto s = define_schema(tables(users, posts))
                         .relations(many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}));
  const auto m = model::build(s);
  const auto& many_side = relation_named(m, "users", "posts");
  EXPECT_EQ(many_side.status, model::resolution::inferred);
  EXPECT_EQ(many_side.resolved_from, (names{"id"}));
  EXPECT_EQ(many_side.resolved_to, (names{"authorId"}));
  const auto& one_side = relation_named(m, "posts", "author");
  EXPECT_EQ(one_side.status, model::resolution::declared);
  EXPECT_EQ(one_side.resolved_to, (names{"id"}));  // omitted `to` is the primary key
  EXPECT_EQ(m.relations[static_cast<std::size_t>(many_side.inverse)].name, "author");
  EXPECT_EQ(m.relations[static_cast<std::size_t>(one_side.inverse)].name, "posts");
}

TEST(Inference, TwoEdgesWithoutAliasesAreAmbiguous) {
  constexpr auto s = define_schema(tables(users, posts))
                         .relations(many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}),
                                    one(posts, "reviewer", users, {.from = "reviewerId"}));
  const auto m = model::build(s);
  const auto& r = relation_named(m, "users", "posts");
  EXPECT_EQ(r.status, model::resolution::ambiguous_inverse);
  EXPECT_EQ(r.inverse, -1);
  EXPECT_EQ(r.inverse_candidates.size(), 2u);
  EXPECT_TRUE(r.resolved_to.empty());
}

TEST(Inference, AliasesPickTheirPartner) {
  constexpr auto s = define_schema(tables(users, posts))
                         .relations(many(users, "reviewed", posts, {.alias = "reviewer"}),
                                    one(posts, "author", users, {.from = "authorId", .alias = "author"}),
                                    one(posts, "reviewer", users, {.from = "reviewerId", .alias = "reviewer"}));
  const auto m = model::build(s);
  const auto& r = relation_named(m, "users", "reviewed");
  EXPECT_EQ(r.status, model::resolution::inferred);
  EXPECT_EQ(r.resolved_to, (names{"reviewerId"}));
}

TEST(Inference, NoInverseIsMissing) {
  constexpr auto s = define_schema(tables(users, posts)).relations(many(users, "posts", posts, {.alias = "author"}));
  const auto m = model::build(s);
  const auto& r = relation_named(m, "users", "posts");
  EXPECT_EQ(r.status, model::resolution::missing_inverse);
  EXPECT_TRUE(r.inverse_candidates.empty());
}

TEST(Inference, TwoInferringEndsCannotResolveEachOther) {
  constexpr auto s = define_schema(tables(users, posts))
                         .relations(many(users, "posts", posts), one(posts, "author", users));
  const auto m = model::build(s);
  EXPECT_EQ(relation_named(m, "users", "posts").status, model::resolution::missing_inverse);
  EXPECT_EQ(relation_named(m, "posts", "author").status, model::resolution::missing_inverse);
}

TEST(Inference, SelfReferenceNeverPairsWithItself) {
  constexpr auto s = define_schema(tables(users)).relations(
      one(users, "manager", users, {.from = "managerId", .alias = "manager"}),
      many(users, "reports", users, {.alias = "manager"}));
  const auto m = model::build(s);
  const auto& reports = relation_named(m, "users", "reports");
  EXPECT_EQ(reports.status, model::resolution::inferred);
  EXPECT_EQ(reports.resolved_from, (names{"id"}));
  EXPECT_EQ(reports.resolved_to, (names{"managerId"}));
  const auto& manager = relation_named(m, "users", "manager");
  EXPECT_EQ(m.relations[static_cast<std::size_t>(manager.inverse)].name, "reports");
}

TEST(Inference, DeclaredEndsPairOnlyWhenTheyMirror) {
  constexpr auto s = define_schema(tables(users, posts)).relations(
      many(users, "authored", posts, {.to = "authorId"}), many(users, "reviewed", posts, {.to = "reviewerId"}),
      one(posts, "author", users, {.from = "authorId"}));
  const auto m = model::build(s);
  const auto& author = relation_named(m, "posts", "author");
  ASSERT_EQ(author.inverse_candidates.size(), 1u);
  EXPECT_EQ(m.relations[static_cast<std::size_t>(author.inverse)].name, "authored");
  EXPECT_EQ(author.unmirrored_partners.size(), 1u);
}

constexpr auto groups = table("groups");
constexpr auto members = table("members", column("userId", id("users")), column("groupId", id("groups")));

TEST(Inference, ThroughPairsMirrorTheirJunctionColumns) {
  constexpr auto good = define_schema(tables(users, groups, members)).relations(
      many(users, "groups", groups, {.alias = "m"}).through(members, "userId", "groupId"),
      many(groups, "users", users, {.alias = "m"}).through(members, "groupId", "userId"));
  const auto ok = model::build(good);
  const auto& g = relation_named(ok, "users", "groups");
  EXPECT_EQ(g.status, model::resolution::declared);
  EXPECT_EQ(g.resolved_from, (names{"id"}));
  EXPECT_EQ(g.resolved_to, (names{"id"}));
  ASSERT_TRUE(g.resolved_through);
  EXPECT_EQ(g.resolved_through->from, (names{"userId"}));
  EXPECT_GE(g.inverse, 0);

  constexpr auto crossed = define_schema(tables(users, groups, members)).relations(
      many(users, "groups", groups, {.alias = "m"}).through(members, "userId", "groupId"),
      many(groups, "users", users, {.alias = "m"}).through(members, "userId", "groupId"));
  const auto bad = model::build(crossed);
  const auto& b = relation_named(bad, "users", "groups");
  EXPECT_EQ(b.inverse, -1);
  EXPECT_EQ(b.unmirrored_partners.size(), 1u);
}

TEST(Inference, InferenceDoesNotCrossRelationsParts) {
  constexpr auto a = define_relations_part("a", many(users, "posts", posts));
  constexpr auto b = define_relations_part("b", one(posts, "author", users, {.from = "authorId"}));
  const auto m = model::build(define_schema(tables(users, posts)).relations(a, b));
  const auto& r = relation_named(m, "users", "posts");
  EXPECT_EQ(r.status, model::resolution::missing_inverse);
  ASSERT_EQ(r.other_part_candidates.size(), 1u);
  EXPECT_EQ(m.relations[static_cast<std::size_t>(r.other_part_candidates[0])].part, "b");
}

}  // namespace
