#include "checks/ambiguous_relation.hpp"
#include "checks/missing_inverse.hpp"

#include <gtest/gtest.h>

#include "checks/run_rule.hpp"
#include "schemas/ambiguous_relation.hpp"
#include "seed_examples/alias.hpp"
#include "seed_examples/self_reference.hpp"
#include "seed_examples/through.hpp"

namespace {
using namespace orm;
using namespace orm::testing;
using checks::ambiguous_relation;

TEST(AmbiguousRelation, OneFindingPerGroupOfInferringRelations) {
  const auto found = mentioning(run_rule(ambiguous_relation, broken::ambiguous_relation::schema), "no from/to");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "relations 'users.posts' and 'users.drafts' have no from/to and each could take them from 'posts.author' "
            "or 'posts.reviewer'; give each edge its own alias on both of its ends, or write from/to");
  EXPECT_EQ(found[0].level, checks::severity::error);
  ASSERT_EQ(found[0].notes.size(), 3u);  // the other member, then both candidates
  EXPECT_EQ(found[0].notes[0].message, "'users.drafts' is declared here");
  EXPECT_EQ(found[0].notes[1].message, "candidate inverse 'posts.author' is declared here");
}

TEST(AmbiguousRelation, AnAliasOnTwoEndsInOneDirection) {
  const auto found = mentioning(run_rule(ambiguous_relation, broken::shared_alias::schema), "share alias");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "relations 'users.written' and 'users.edited' share alias 'x' and both go from 'users' to 'posts'; an alias "
            "pairs the two ends of one edge, one in each direction: give each relation its own alias");
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].message, "'users.edited' is declared here");
}

TEST(AmbiguousRelation, AnAliasOnMoreThanTwoEndsIsOneFindingAndNoMissingInverse) {
  const auto found = mentioning(run_rule(ambiguous_relation, broken::shared_alias::schema), "is shared by");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "alias 'people' is shared by 3 relation ends ('users.mentor', 'users.coach' and 'users.buddy'); an alias "
            "names one edge, which has at most two ends, one in each direction: give each edge its own alias");
  EXPECT_EQ(found[0].notes.size(), 2u);
  // The pairwise "do not mirror" findings the three ends used to get are gone, and so is
  // every other finding of either check: the edges under "a" and "m" pair as they should.
  EXPECT_EQ(run_rule(ambiguous_relation, broken::shared_alias::schema).size(), 2u);
  EXPECT_TRUE(run_rule(checks::missing_inverse, broken::shared_alias::schema).empty());
}

TEST(AmbiguousRelation, OneInferringRelationIsWordedForOne) {
  constexpr auto users = table("users");
  constexpr auto posts = table("posts", column("a", id("users")), column("b", id("users")), column("c", id("users")));
  constexpr auto s = define_schema(tables(users, posts)).relations(
      many(users, "posts", posts), one(posts, "a", users, {.from = "a"}), one(posts, "b", users, {.from = "b"}),
      one(posts, "c", users, {.from = "c"}));
  const auto found = run_rule(ambiguous_relation, s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "relation 'users.posts' has no from/to and could take them from any of 'posts.a', 'posts.b', 'posts.c'; "
            "give it and its intended inverse the same alias, or write from/to");
}

TEST(AmbiguousRelation, RelationsThatWriteTheirColumnsAreNeverAmbiguousByThemselves) {
  // The cases: self-references with from/to on both ends and no alias; two
  // edges between the same tables with columns and no alias; an alias reused elsewhere.
  constexpr auto categories = table("categories", column("parentId", id("categories")), index("p").on("parentId"));
  constexpr auto users = table("users");
  constexpr auto posts = table("posts", column("authorId", id("users")), column("reviewerId", id("users")));
  constexpr auto notes = table("notes", column("authorId", id("users")));
  constexpr auto s = define_schema(tables(categories, users, posts, notes)).relations(
      one(categories, "parent", categories, {.from = "parentId", .to = "id"}),
      many(categories, "children", categories, {.from = "id", .to = "parentId"}),
      one(posts, "author", users, {.from = "authorId", .alias = "author"}),
      one(posts, "reviewer", users, {.from = "reviewerId"}),
      one(notes, "author", users, {.from = "authorId", .alias = "author"}));
  EXPECT_TRUE(run_rule(ambiguous_relation, s).empty());
}

TEST(AmbiguousRelation, SelfReferenceInfersFromItsOnlyPartner) {
  constexpr auto comments = table("comments", column("parentId", id("comments")), index("p").on("parentId"));
  constexpr auto s = define_schema(tables(comments)).relations(
      one(comments, "parent", comments, {.from = "parentId", .to = "id"}), many(comments, "replies", comments));
  EXPECT_TRUE(run_rule(ambiguous_relation, s).empty());
  const model::schema m = model::build(s);
  EXPECT_EQ(m.relations[1].status, model::resolution::inferred);
  EXPECT_EQ(m.relations[1].resolved_to, std::vector<std::string>{"parentId"});
}

TEST(AmbiguousRelation, RelationNameDeclaredTwice) {
  const auto found = mentioning(run_rule(ambiguous_relation, broken::ambiguous_relation::schema), "declares relation");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "table 'posts' declares relation 'author' twice; rename all but one of them");
  EXPECT_EQ(found[0].notes.at(0).message, "'posts.author' is declared here");
}

TEST(AmbiguousRelation, DistinctAliasesAndAliasedSelfReferencesAreFine) {
  EXPECT_TRUE(run_rule(ambiguous_relation, seed::alias::schema).empty());
  EXPECT_TRUE(run_rule(ambiguous_relation, seed::self_reference::schema).empty());
  EXPECT_TRUE(run_rule(ambiguous_relation, seed::through::schema).empty());
}

}  // namespace
