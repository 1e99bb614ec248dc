#include "checks/missing_inverse.hpp"

#include <gtest/gtest.h>

#include "checks/run_rule.hpp"
#include "schemas/missing_inverse.hpp"
#include "seed_examples/alias.hpp"
#include "seed_examples/one_to_one.hpp"
#include "seed_examples/predefined_filter.hpp"
#include "seed_examples/split_parts.hpp"
#include "seed_examples/through.hpp"

namespace {
using namespace orm;
using namespace orm::testing;
using checks::missing_inverse;

TEST(MissingInverse, InverseInAnotherPartIsNamedAndTheColumnsAreOffered) {
  const auto found = mentioning(run_rule(missing_inverse, broken::missing_inverse::schema), "'users.posts'");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "relation 'users.posts' has no from/to and its inverse 'posts.author' is in relations part 'part_b', not in "
            "part 'part_a'; inference does not cross parts, so write from/to or move both into one part");
  const auto& fix = std::get<checks::add_relation_options>(found[0].fixes.at(0));
  EXPECT_EQ(fix.fields, (std::vector<std::pair<std::string, std::string>>{{"from", "\"id\""}, {"to", "\"authorId\""}}));
}

TEST(MissingInverse, AliasWithNoPartnerAndNoColumns) {
  const auto found = mentioning(run_rule(missing_inverse, broken::missing_inverse::schema), "'users.drafts'");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "relation 'users.drafts' has no from/to and no inverse on 'posts' with alias 'drafter' to infer them from; "
            "write from/to, or declare the inverse one() with from/to");
  EXPECT_TRUE(found[0].fixes.empty());
}

TEST(MissingInverse, ThroughPairsThatDoNotMirror) {
  const auto found = mentioning(run_rule(missing_inverse, broken::missing_inverse::schema), "junction columns");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].message,
            "relation 'users.groups' and 'groups.users' share alias 'm' but their junction columns do not mirror each "
            "other; the inverse must have (userId) and (groupId) swapped");
}

TEST(MissingInverse, SeveralCandidatesAreLeftToTheAmbiguityCheck) {
  constexpr auto users = table("users");
  constexpr auto posts = table("posts", column("authorId", id("users")), column("reviewerId", id("users")));
  constexpr auto s = define_schema(tables(users, posts)).relations(
      many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}),
      one(posts, "reviewer", users, {.from = "reviewerId"}));
  EXPECT_TRUE(run_rule(missing_inverse, s).empty());  // one mistake, one finding: orm-ambiguous-relation's
}

TEST(MissingInverse, InfersFromAThroughOrAManyWithColumns) {
  constexpr auto posts = table("posts");
  constexpr auto tags = table("tags");
  constexpr auto post_tags = table("post_tags", column("postId", id("posts")), column("tagId", id("tags")));
  constexpr auto s = define_schema(tables(posts, tags, post_tags)).relations(
      many(posts, "tags", tags).through(post_tags, "postId", "tagId"), many(tags, "posts", posts),
      many(posts, "links", post_tags, {.from = "id", .to = "postId"}), many(post_tags, "posts", posts));
  EXPECT_TRUE(run_rule(missing_inverse, s).empty());
  const model::schema m = model::build(s);
  const model::relation& inferred = m.relations[1];
  ASSERT_EQ(inferred.status, model::resolution::inferred);
  ASSERT_TRUE(inferred.resolved_through);
  EXPECT_EQ(inferred.resolved_through->from, std::vector<std::string>{"tagId"});  // the junction swapped
  EXPECT_EQ(inferred.resolved_through->to, std::vector<std::string>{"postId"});
  EXPECT_EQ(m.relations[3].resolved_from, std::vector<std::string>{"postId"});
  EXPECT_EQ(m.relations[3].resolved_to, std::vector<std::string>{"id"});
}

TEST(MissingInverse, ResolvedAndOneWayRelationsAreFine) {
  EXPECT_TRUE(run_rule(missing_inverse, seed::alias::schema).empty());
  EXPECT_TRUE(run_rule(missing_inverse, seed::one_to_one::schema).empty());
  EXPECT_TRUE(run_rule(missing_inverse, seed::through::schema).empty());
  EXPECT_TRUE(run_rule(missing_inverse, seed::split_parts::schema).empty());
  EXPECT_TRUE(run_rule(missing_inverse, seed::predefined_filter::schema).empty());  // aliased, one-way, declared
}

}  // namespace
