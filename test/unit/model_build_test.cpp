// model::build turns a constexpr schema into the model the runtime and checks read.
#include <gtest/gtest.h>

#include <orm/orm.hpp>

#include "unit/model_lookup.hpp"

namespace {
using namespace orm;
using namespace orm::testing;

constexpr auto users = table("users", column("email", text().not_null().unique()));
constexpr auto logs = table("logs",
    column("at", timestamp().not_null()),
    column("kind", discriminator({.as = "payload"},
        variant("login", column("userId", id("users").not_null()), column("ip", text())),
        variant("grant", column("userId", id("users").not_null()), column("scope", text().not_null())))),
    column("ownerId", id("users").references("users")),
    foreign_key("fk_scope", cols("scope"), "scopes", cols("name")),
    check("has_time", is_not_null("at")),
    index("by_kind_user").on("kind", "userId"));
constexpr auto schema = define_schema(tables(users, logs), {.defaults = {.default_limit = 25}});

TEST(ModelBuild, EveryTableHasAnImplicitPrimaryKeyFirst) {
  const auto m = model::build(schema);
  const auto& t = table_named(m, "users");
  ASSERT_FALSE(t.columns.empty());
  EXPECT_EQ(t.columns.front().name, "id");
  EXPECT_TRUE(t.columns.front().implicit);
  EXPECT_TRUE(t.columns.front().not_null);
  EXPECT_EQ(column_names(t), (names{"id", "email"}));
  EXPECT_TRUE(column_named(t, "email").unique);
}

TEST(ModelBuild, VariantFieldsAreFlatNullableColumnsSharedAcrossVariants) {
  const auto m = model::build(schema);
  const auto& t = table_named(m, "logs");
  EXPECT_EQ(column_names(t), (names{"id", "at", "kind", "ownerId", "userId", "ip", "scope"}));
  const auto& user = column_named(t, "userId");
  EXPECT_EQ(user.variants, (std::vector<int>{0, 1}));
  EXPECT_TRUE(user.not_null);                // required in its branches...
  EXPECT_TRUE(user.nullable_in_storage());   // ...but nullable in flat storage
  EXPECT_FALSE(column_named(t, "at").nullable_in_storage());
  ASSERT_EQ(t.discriminators.size(), 1u);
  EXPECT_EQ(t.discriminators[0].column, "kind");
  EXPECT_EQ(t.discriminators[0].as, "payload");
  EXPECT_EQ(t.discriminators[0].variants, (std::vector<int>{0, 1}));
  ASSERT_EQ(t.variants.size(), 2u);
  EXPECT_EQ(t.variants[1].name, "grant");
  ASSERT_EQ(t.variants[1].fields.size(), 2u);
  EXPECT_EQ(t.variants[1].fields[1].name, "scope");
  EXPECT_TRUE(t.variants[1].fields[1].required);
}

TEST(ModelBuild, ColumnAndTableForeignKeysAreOneList) {
  const auto m = model::build(schema);
  const auto& t = table_named(m, "logs");
  ASSERT_EQ(t.foreign_keys.size(), 2u);
  EXPECT_EQ(t.foreign_keys[0].columns, (names{"ownerId"}));
  EXPECT_EQ(t.foreign_keys[0].target_table, "users");
  EXPECT_EQ(t.foreign_keys[0].target_columns, (names{"id"}));
  EXPECT_EQ(t.foreign_keys[1].name, "fk_scope");
  EXPECT_EQ(t.foreign_keys[1].target_columns, (names{"name"}));
}

TEST(ModelBuild, IndexesChecksOptionsAndSites) {
  const auto m = model::build(schema);
  const auto& t = table_named(m, "logs");
  ASSERT_EQ(t.indexes.size(), 1u);
  EXPECT_EQ(t.indexes[0].columns, (names{"kind", "userId"}));
  ASSERT_EQ(t.checks.size(), 1u);
  EXPECT_EQ(t.checks[0].predicate.front().op, predicate_op::is_not_null);
  EXPECT_EQ(m.settings.default_limit, 25);
  EXPECT_TRUE(m.settings.strict);
  EXPECT_NE(t.site.line, 0u);
  EXPECT_NE(t.site.file.find("model_build_test.cpp"), std::string::npos);
  EXPECT_GT(column_named(t, "scope").site.line, t.site.line);
}

}  // namespace
