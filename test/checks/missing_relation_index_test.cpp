#include "checks/missing_relation_index.hpp"

#include <gtest/gtest.h>

#include "checks/run_rule.hpp"
#include "schemas/missing_relation_index.hpp"
#include "seed_examples/alias.hpp"
#include "seed_examples/through.hpp"

namespace {
using namespace orm;
using namespace orm::testing;
using checks::missing_relation_index;

TEST(MissingRelationIndex, ManyWithUnindexedChildKey) {
  const auto found = mentioning(run_rule(missing_relation_index, broken::missing_relation_index::schema), "'users.posts'");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "relation 'users.posts' loads 'posts' rows by (authorId), which no index of 'posts' serves; add "
            "index(\"by_authorId\").on(\"authorId\") to 'posts'");
  EXPECT_EQ(found[0].level, checks::severity::error);
  ASSERT_EQ(found[0].fixes.size(), 1u);
  const auto& fix = std::get<checks::add_index>(found[0].fixes[0]);
  EXPECT_EQ(fix.table, "posts");
  EXPECT_EQ(fix.name, "by_authorId");
  EXPECT_EQ(fix.columns, (std::vector<std::string>{"authorId"}));
  EXPECT_EQ(fix.table_site.line, found[0].notes.at(0).site.line);
}

TEST(MissingRelationIndex, OneToANonIdTarget) {
  const auto found = mentioning(run_rule(missing_relation_index, broken::missing_relation_index::schema), "'users.profile'");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("'profiles' rows by (email)"), std::string::npos);
}

TEST(MissingRelationIndex, ThroughNeedsTheJunctionIndexOfEachLoadedDirection) {
  const auto all = run_rule(missing_relation_index, broken::missing_relation_index::schema);
  // members has by_group_user: groups.users is served, users.groups is not.
  const auto found = mentioning(all, "junction 'members'");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("'users.groups' loads junction 'members' rows by (userId)"), std::string::npos);
  EXPECT_TRUE(mentioning(all, "'groups.users'").empty());
}

TEST(MissingRelationIndex, CompoundKeysNeedTheirColumnsLeadingInOrder) {
  const auto found = mentioning(run_rule(missing_relation_index, broken::missing_relation_index::schema), "'users.shipments'");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("by (region, code)"), std::string::npos);
  EXPECT_EQ(std::get<checks::add_index>(found[0].fixes[0]).name, "by_region_code");
}

TEST(MissingRelationIndex, ServedByIndexUniqueColumnOrPrimaryKey) {
  EXPECT_TRUE(run_rule(missing_relation_index, seed::alias::schema).empty());
  EXPECT_TRUE(run_rule(missing_relation_index, seed::through::schema).empty());
  constexpr auto users = table("users", column("email", text().unique()));
  constexpr auto accounts = table("accounts", column("email", text()), column("ownerId", id("users")),
                                  index("by_email_owner").on("email", "ownerId"));
  constexpr auto s = define_schema(tables(users, accounts)).relations(
      one(accounts, "owner", users, {.from = "ownerId"}),                          // to id
      one(accounts, "byEmail", users, {.from = "email", .to = "email"}),          // unique column
      many(users, "accounts", accounts, {.from = "email", .to = "email"}));       // index prefix
  EXPECT_TRUE(run_rule(missing_relation_index, s).empty());
}

TEST(MissingRelationIndex, NonStrictSchemasGetWarnings) {
  constexpr auto users = table("users");
  constexpr auto posts = table("posts", column("authorId", id("users")));
  constexpr auto s = define_schema(tables(users, posts), {.strict = false}).relations(many(users, "posts", posts, {.to = "authorId"}));
  const auto found = run_rule(missing_relation_index, s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].level, checks::severity::warning);
}

TEST(MissingRelationIndex, ProposedNameAvoidsExistingIndexes) {
  constexpr auto users = table("users");
  constexpr auto posts = table("posts", column("authorId", id("users")), column("x", text()),
                               index("by_authorId").on("x"));
  constexpr auto s = define_schema(tables(users, posts)).relations(many(users, "posts", posts, {.to = "authorId"}));
  const auto found = run_rule(missing_relation_index, s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(std::get<checks::add_index>(found[0].fixes[0]).name, "by_authorId_2");
}

}  // namespace
