// Schemas that break a rule still compile, and the model records the problem as data.
#include <gtest/gtest.h>

#include "schemas/ambiguous_relation.hpp"
#include "schemas/discriminator_collision.hpp"
#include "schemas/missing_inverse.hpp"
#include "schemas/missing_relation_index.hpp"
#include "schemas/unbounded_many.hpp"
#include "unit/model_lookup.hpp"

namespace {
using namespace orm;
using namespace orm::testing;

TEST(RuleBreakingSchemas, MissingIndexSchemaResolvesEveryLookup) {
  const auto m = model::build(broken::missing_relation_index::schema);
  EXPECT_EQ(relation_named(m, "users", "posts").resolved_to, (names{"authorId"}));
  EXPECT_EQ(relation_named(m, "users", "profile").resolved_to, (names{"email"}));
  EXPECT_EQ(relation_named(m, "users", "shipments").resolved_to, (names{"region", "code"}));
  EXPECT_EQ(relation_named(m, "users", "groups").resolved_through->from, (names{"userId"}));
}

TEST(RuleBreakingSchemas, AmbiguousSchemaKeepsEveryRelation) {
  const auto m = model::build(broken::ambiguous_relation::schema);
  EXPECT_EQ(m.relations.size(), 7u);
  EXPECT_EQ(m.relations_named("posts", "author").size(), 2u);
  EXPECT_EQ(relation_named(m, "users", "manager").inverse_candidates.size(), 1u);
}

TEST(RuleBreakingSchemas, MissingInverseSchemaRecordsWhy) {
  const auto m = model::build(broken::missing_inverse::schema);
  EXPECT_EQ(relation_named(m, "users", "posts").status, model::resolution::missing_inverse);
  EXPECT_EQ(relation_named(m, "users", "posts").other_part_candidates.size(), 1u);
  EXPECT_EQ(relation_named(m, "users", "drafts").status, model::resolution::missing_inverse);
  EXPECT_EQ(relation_named(m, "users", "groups").unmirrored_partners.size(), 1u);
}

TEST(RuleBreakingSchemas, UnboundedSchemaHasNoDefaultLimit) {
  const auto m = model::build(broken::unbounded_many::schema);
  EXPECT_EQ(m.settings.default_limit, 0);
  EXPECT_EQ(relation_named(m, "users", "posts").where.size(), 1u);
}

TEST(RuleBreakingSchemas, DiscriminatorCollisionsAreAllRepresented) {
  const auto m = model::build(broken::discriminator_collision::schema);
  const auto& t = table_named(m, "events");
  EXPECT_EQ(t.discriminators.size(), 2u);
  EXPECT_EQ(t.discriminators[0].as, "details");
  ASSERT_EQ(t.variants.size(), 5u);
  EXPECT_EQ(t.variants[2].name, "a");
  EXPECT_TRUE(t.variants[3].fields.empty());
  // `title` is declared by the base table and by variant a: one column, still a base column.
  EXPECT_TRUE(column_named(t, "title").variants.empty());
  EXPECT_FALSE(column_named(t, "title").not_null);
  // `target` is declared by two variants with different types: the first declaration stores it.
  EXPECT_EQ(column_named(t, "target").kind, column_kind::id);
  EXPECT_EQ(t.variants[1].fields[0].kind, column_kind::text);
}

}  // namespace
