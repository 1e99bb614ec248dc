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

TEST(MissingInverse, SeveralCandidatesAreListed) {
  constexpr auto users = table("users");
  constexpr auto posts = table("posts", column("authorId", id("users")), column("reviewerId", id("users")));
  constexpr auto s = define_schema(tables(users, posts)).relations(
      many(users, "posts", posts), one(posts, "author", users, {.from = "authorId"}),
      one(posts, "reviewer", users, {.from = "reviewerId"}));
  const auto found = run_rule(missing_inverse, s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("could take them from any of 'posts.author', 'posts.reviewer'"), std::string::npos);
  EXPECT_EQ(found[0].notes.size(), 2u);
}

TEST(MissingInverse, ResolvedAndOneWayRelationsAreFine) {
  EXPECT_TRUE(run_rule(missing_inverse, seed::alias::schema).empty());
  EXPECT_TRUE(run_rule(missing_inverse, seed::one_to_one::schema).empty());
  EXPECT_TRUE(run_rule(missing_inverse, seed::through::schema).empty());
  EXPECT_TRUE(run_rule(missing_inverse, seed::split_parts::schema).empty());
  EXPECT_TRUE(run_rule(missing_inverse, seed::predefined_filter::schema).empty());  // aliased, one-way, declared
}

}  // namespace
