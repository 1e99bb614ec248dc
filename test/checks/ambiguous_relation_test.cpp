#include "checks/ambiguous_relation.hpp"

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

TEST(AmbiguousRelation, TwoEdgesWithoutAliases) {
  const auto all = run_rule(ambiguous_relation, broken::ambiguous_relation::schema);
  const auto found = mentioning(all, "with no alias to tell them apart");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].message,
            "relation 'posts.author' and 'posts.reviewer' all lead from 'posts' to 'users' with no alias to tell them "
            "apart; give each edge its own alias, on both of its ends");
  EXPECT_EQ(found[0].level, checks::severity::error);
  EXPECT_EQ(found[0].notes.size(), 1u);
}

TEST(AmbiguousRelation, SelfReferenceWithoutAliasGetsAnAliasOnBothEnds) {
  const auto found = mentioning(run_rule(ambiguous_relation, broken::ambiguous_relation::schema), "self-referencing");
  ASSERT_EQ(found.size(), 2u);  // manager and reports
  EXPECT_NE(found[0].message.find("'users.manager'"), std::string::npos);
  ASSERT_EQ(found[0].fixes.size(), 2u);
  const auto& a = std::get<checks::add_relation_options>(found[0].fixes[0]);
  const auto& b = std::get<checks::add_relation_options>(found[0].fixes[1]);
  EXPECT_EQ(a.fields, (std::vector<std::pair<std::string, std::string>>{{"alias", "\"manager\""}}));
  EXPECT_EQ(b.fields, a.fields);
  EXPECT_NE(a.relation_site.line, b.relation_site.line);
}

TEST(AmbiguousRelation, RelationNameDeclaredTwice) {
  const auto found = mentioning(run_rule(ambiguous_relation, broken::ambiguous_relation::schema), "more than once");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "table 'posts' declares relation 'author' more than once; rename one of them");
  EXPECT_EQ(found[0].notes.at(0).message, "first declared here");
}

TEST(AmbiguousRelation, AnAliasNamesOneEdge) {
  constexpr auto users = table("users");
  constexpr auto posts = table("posts", column("authorId", id("users")));
  constexpr auto notes = table("notes", column("authorId", id("users")));
  constexpr auto s = define_schema(tables(users, posts, notes)).relations(
      one(posts, "author", users, {.from = "authorId", .alias = "author"}),
      one(notes, "author", users, {.from = "authorId", .alias = "author"}));
  const auto found = run_rule(ambiguous_relation, s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "alias 'author' of 'notes.author' already names the edge between 'posts' and 'users'; "
                              "an alias names one edge, so choose another for this one");
}

TEST(AmbiguousRelation, MirroredPairsGetTheOneSidesNameAsAlias) {
  constexpr auto users = table("users");
  constexpr auto posts = table("posts", column("authorId", id("users")), column("reviewerId", id("users")));
  constexpr auto s = define_schema(tables(users, posts)).relations(
      one(posts, "author", users, {.from = "authorId"}), one(posts, "reviewer", users, {.from = "reviewerId"}),
      many(users, "authored", posts, {.to = "authorId"}), many(users, "reviewed", posts, {.to = "reviewerId"}));
  const auto found = run_rule(ambiguous_relation, s);
  ASSERT_EQ(found.size(), 4u);
  ASSERT_EQ(found[0].fixes.size(), 2u);
  EXPECT_EQ(std::get<checks::add_relation_options>(found[0].fixes[0]).fields[0].second, "\"author\"");
  // users.authored is a many(): its edge is still named after the one() end.
  const auto authored = mentioning(found, "relation 'users.authored'");
  ASSERT_EQ(authored.size(), 1u);
  EXPECT_EQ(std::get<checks::add_relation_options>(authored[0].fixes[0]).fields[0].second, "\"author\"");
}

TEST(AmbiguousRelation, DistinctAliasesAndAliasedSelfReferencesAreFine) {
  EXPECT_TRUE(run_rule(ambiguous_relation, seed::alias::schema).empty());
  EXPECT_TRUE(run_rule(ambiguous_relation, seed::self_reference::schema).empty());
  EXPECT_TRUE(run_rule(ambiguous_relation, seed::through::schema).empty());
}

}  // namespace
