// The builders produce the constexpr values the user wrote, with their sites.
#include <gtest/gtest.h>

#include <orm/orm.hpp>

namespace {
using namespace orm;

static_assert(text().kind == column_kind::text);
static_assert(!text().is_not_null && text().not_null().is_not_null);
static_assert(id("users").id_table == "users");
static_assert(id("users").unique().is_unique);
static_assert(integer().default_value(7).default_to.integer == 7);
static_assert(text().default_value("x").default_to.kind == value_kind::text);
static_assert(boolean().default_value(true).default_to.kind == value_kind::boolean);
static_assert(real().default_value(1.5).default_to.real == 1.5);
static_assert(timestamp().kind == column_kind::timestamp && bytes().kind == column_kind::bytes);

TEST(Builders, ColumnRecordsNameTypeAndSite) {
  constexpr auto c = column("title", text().not_null());
  const unsigned line = __LINE__ - 1;
  EXPECT_EQ(c.name, "title");
  EXPECT_TRUE(c.type.is_not_null);
  EXPECT_EQ(c.where.line, line);
  EXPECT_NE(std::string_view(c.where.file).find("builders_test.cpp"), std::string_view::npos);
  EXPECT_EQ(c.variant, -1);
}

TEST(Builders, ReferencesMakesAForeignKeyWithActions) {
  constexpr auto c = column("userId", id("users").references("users", "id", {.on_delete = fk_action::cascade}));
  EXPECT_EQ(c.type.references_table, "users");
  EXPECT_EQ(c.type.references_column, "id");
  EXPECT_EQ(c.type.references_on_delete, fk_action::cascade);
  EXPECT_EQ(c.type.references_on_update, fk_action::no_action);
}

TEST(Builders, IndexesKeepColumnOrder) {
  constexpr auto i = index("by_action_ts").on("actionType", "timestamp");
  static_assert(!i.unique);
  ASSERT_EQ(i.columns.size, 2u);
  EXPECT_EQ(i.columns[0], "actionType");
  EXPECT_EQ(i.columns[1], "timestamp");
  constexpr auto u = unique_index("by_email").on("email");
  static_assert(u.unique);
}

TEST(Builders, PredicatesArePostfixPrograms) {
  constexpr auto p = (eq("a", 1) && is_null("b")) || !like("c", "x%");
  // a=1, b IS NULL, AND, c LIKE, NOT, OR
  ASSERT_EQ(p.size, 6u);
  EXPECT_EQ(p.nodes[0].op, predicate_op::eq);
  EXPECT_EQ(p.nodes[0].operand.integer, 1);
  EXPECT_EQ(p.nodes[1].op, predicate_op::is_null);
  EXPECT_EQ(p.nodes[2].op, predicate_op::all);
  EXPECT_EQ(p.nodes[2].arity, 2);
  EXPECT_EQ(p.nodes[3].operand.text, "x%");
  EXPECT_EQ(p.nodes[4].op, predicate_op::negate);
  EXPECT_EQ(p.nodes[5].op, predicate_op::any);
}

TEST(Builders, CheckAndForeignKeyConstraints) {
  constexpr auto k = check("positive", gt("amount", 0));
  EXPECT_EQ(k.name, "positive");
  EXPECT_EQ(k.condition.size, 1u);
  constexpr auto f = foreign_key("fk_pair", cols("a", "b"), "pairs", cols("x", "y"), {.on_delete = fk_action::set_null});
  EXPECT_EQ(f.columns.size, 2u);
  EXPECT_EQ(f.target_table, "pairs");
  EXPECT_EQ(f.target_columns[1], "y");
  EXPECT_EQ(f.on_delete, fk_action::set_null);
  constexpr auto g = foreign_key("fk_user", "userId", "users");
  EXPECT_EQ(g.target_columns[0], "id");
}

TEST(Builders, TableFlattensDiscriminatorVariants) {
  constexpr auto t = table("logs",
      column("at", integer()),
      column("kind", discriminator({.as = "payload"},
          variant("a", column("x", text().not_null()), column("y", integer())),
          variant("b", column("z", boolean())))),
      index("by_kind").on("kind"));
  // at, kind, x, y, z: flat storage
  ASSERT_EQ(t.columns.size, 5u);
  EXPECT_EQ(t.columns[1].type.kind, column_kind::discriminator);
  EXPECT_TRUE(t.columns[1].type.is_not_null);
  EXPECT_EQ(t.columns[2].variant, 0);
  EXPECT_EQ(t.columns[3].variant, 0);
  EXPECT_EQ(t.columns[4].variant, 1);
  ASSERT_EQ(t.discriminators.size, 1u);
  EXPECT_EQ(t.discriminators[0].as, "payload");
  EXPECT_EQ(t.discriminators[0].variant_count, 2);
  EXPECT_EQ(t.variants[1].name, "b");
  EXPECT_EQ(t.indexes.size, 1u);
}

TEST(Builders, DiscriminatorAliasDefaultsToDetails) {
  constexpr auto t = table("t", column("k", discriminator({}, variant("only"))));
  EXPECT_EQ(t.discriminators[0].as, "details");
}

TEST(Builders, RelationsCarryOptionsAndThrough) {
  constexpr auto users = table("users");
  constexpr auto groups = table("groups");
  constexpr auto junction = table("memberships", column("userId", id("users")), column("groupId", id("groups")));
  constexpr auto r = many(users, "groups", groups, {.alias = "member"}).through(junction, "userId", "groupId");
  EXPECT_EQ(r.kind, relation_kind::many);
  EXPECT_EQ(r.source, "users");
  EXPECT_EQ(r.target, "groups");
  EXPECT_EQ(r.alias, "member");
  EXPECT_TRUE(r.optional);
  EXPECT_EQ(r.through_table, "memberships");
  EXPECT_EQ(r.through_from[0], "userId");
  EXPECT_EQ(r.through_to[0], "groupId");
  constexpr auto compound = one(users, "pair", groups, {.from = cols("a", "b"), .to = cols("c", "d"), .optional = false});
  EXPECT_EQ(compound.from.size, 2u);
  EXPECT_FALSE(compound.optional);
}

TEST(Builders, RelationsPartTagsItsRelations) {
  constexpr auto a = table("a");
  constexpr auto part = define_relations_part("a_part", one(a, "self", a, {.from = "id"}), many(a, "all", a));
  EXPECT_EQ(part.name, "a_part");
  EXPECT_EQ(part.relations[0].part, "a_part");
  EXPECT_EQ(part.relations[1].part, "a_part");
}

TEST(Builders, SchemaPoolsTablesAndMergesRelations) {
  constexpr auto a = table("a", column("x", text()), index("by_x").on("x"));
  constexpr auto b = table("b", column("aId", id("a")), column("y", text()));
  constexpr auto part = define_relations_part("p", many(a, "bs", b, {.to = "aId"}));
  constexpr auto s = define_schema(tables(a, b), {.strict = false, .defaults = {.default_limit = 10}})
                         .relations(one(b, "a", a, {.from = "aId"}), part);
  static_assert(s.tables.size == 2 && s.columns.size == 3 && s.indexes.size == 1);
  static_assert(s.relation_defs.size == 2);
  EXPECT_EQ(s.tables[1].name, "b");
  EXPECT_EQ(s.tables[1].columns, 2u);
  EXPECT_FALSE(s.options.strict);
  EXPECT_EQ(s.options.defaults.default_limit, 10);
  EXPECT_EQ(s.options.defaults.relation_fan_out_max_keys, 1000);
  EXPECT_EQ(s.relation_defs[0].part, "");
  EXPECT_EQ(s.relation_defs[1].part, "p");
  // .relations() appends, so a schema can be assembled in steps.
  constexpr auto more = s.relations(many(a, "others", b, {.to = "aId"}));
  static_assert(more.relation_defs.size == 3);
}

TEST(Builders, SchemaDefaultsAreStrictWithFanOutLimit) {
  constexpr auto s = define_schema(tables(table("t")));
  EXPECT_TRUE(s.options.strict);
  EXPECT_EQ(s.options.defaults.default_limit, 0);
  EXPECT_EQ(s.options.defaults.relation_fan_out_max_keys, 1000);
}

}  // namespace
