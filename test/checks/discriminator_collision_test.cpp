#include "checks/discriminator_collision.hpp"

#include <gtest/gtest.h>

#include "checks/run_rule.hpp"
#include "schemas/discriminator_collision.hpp"
#include "seed_examples/discriminated.hpp"

namespace {
using namespace orm;
using namespace orm::testing;
using checks::discriminator_collision;

const checks::findings& all() {
  static const auto found = run_rule(discriminator_collision, broken::discriminator_collision::schema);
  return found;
}

TEST(DiscriminatorCollision, AliasCollidesWithAColumn) {
  const auto found = mentioning(all(), "which is also a column");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "discriminator 'kind' of 'events' nests its variant fields under 'details', which is "
                              "also a column; choose another .as");
}

TEST(DiscriminatorCollision, AliasIsReservedOrARelation) {
  EXPECT_EQ(mentioning(all(), "reserved for query options").size(), 1u);
  constexpr auto users = table("users");
  constexpr auto events = table("events", column("userId", id("users")),
                                column("kind", discriminator({.as = "owner"}, variant("a", column("x", text())))));
  constexpr auto s = define_schema(tables(users, events)).relations(one(events, "owner", users, {.from = "userId"}));
  const auto found = run_rule(discriminator_collision, s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("which is also a relation of 'events'"), std::string::npos);
}

TEST(DiscriminatorCollision, SharedFieldWithAnotherSignature) {
  const auto found = mentioning(all(), "must be declared identically");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "field 'target' of variant 'b' is text() but variant 'a' declares it id(\"users\"); a "
                              "field shared by variants must be declared identically");
}

TEST(DiscriminatorCollision, FieldShadowsBaseColumn) {
  const auto found = mentioning(all(), "shadows column");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "field 'title' of variant 'a' shadows column 'title' of 'events'; rename the field");
}

TEST(DiscriminatorCollision, SecondDiscriminatorDuplicateAndEmptyVariants) {
  EXPECT_EQ(mentioning(all(), "second discriminator 'phase'").size(), 1u);
  EXPECT_EQ(mentioning(all(), "declares variant 'a' twice").size(), 1u);
  const auto empty = mentioning(all(), "declares no fields");
  EXPECT_EQ(empty.size(), 2u);  // the duplicate 'a' and 'empty'
  EXPECT_EQ(empty[0].level, checks::severity::warning);
}

TEST(DiscriminatorCollision, SeedAuditLogIsFine) {
  EXPECT_TRUE(run_rule(discriminator_collision, seed::discriminated::audit_schema).empty());
  EXPECT_TRUE(run_rule(discriminator_collision, seed::discriminated::schema).empty());
}

}  // namespace
