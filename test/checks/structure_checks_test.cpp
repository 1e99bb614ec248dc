#include "checks/structure_checks.hpp"

#include <gtest/gtest.h>

#include "blog/schema.hpp"
#include "checks/run_rule.hpp"
#include "schemas/structure.hpp"
#include "seed_examples/alias.hpp"
#include "seed_examples/one_to_one.hpp"
#include "seed_examples/self_reference.hpp"
#include "seed_examples/through.hpp"

namespace {
using namespace orm;
using namespace orm::testing;

TEST(RelationNameCollision, ColumnsAndVariantFieldsButNotOtherTables) {
  const auto found = run_rule(checks::relation_name_collision, broken::structure::name_collision::schema);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].level, checks::severity::error);
  EXPECT_EQ(found[0].message, "relation 'posts.author' is named like column 'posts.author', and a row can hold only one "
                              "of them under that key; rename the relation");
}

TEST(NonUniqueOne, OneToOneNeedsAUniqueForeignKeyAndGetsAUniqueIndex) {
  const auto found = run_rule(checks::non_unique_one, broken::structure::warnings_only::schema);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].level, checks::severity::warning);
  EXPECT_NE(found[0].message.find("one-to-one 'users.profile'"), std::string::npos);
  const auto& fix = std::get<checks::add_index>(found[0].fixes.at(0));
  EXPECT_TRUE(fix.unique);
  EXPECT_EQ(fix.table, "profiles");
  EXPECT_EQ(fix.columns, std::vector<std::string>{"userId"});
  EXPECT_TRUE(run_rule(checks::non_unique_one, seed::one_to_one::schema).empty());  // userId is .unique()
}

TEST(NonUniqueOne, ThroughRelationsAreNotOneToOneLoads) {
  EXPECT_TRUE(run_rule(checks::non_unique_one, seed::through::schema).empty());
}

TEST(ForeignKeyMismatch, EachKind) {
  const auto set_null = run_rule(checks::foreign_key_mismatch, broken::structure::set_null::schema);
  ASSERT_EQ(set_null.size(), 1u);
  EXPECT_EQ(set_null[0].level, checks::severity::error);
  const auto other = run_rule(checks::foreign_key_mismatch, broken::structure::other_table::schema);
  ASSERT_EQ(other.size(), 1u);
  EXPECT_NE(other[0].message.find("but the column is id(\"teams\")"), std::string::npos);
  const auto required = run_rule(checks::foreign_key_mismatch, broken::structure::warnings_only::schema);
  ASSERT_EQ(required.size(), 1u);
  EXPECT_EQ(required[0].level, checks::severity::warning);
  EXPECT_NE(required[0].message.find("optional = false"), std::string::npos);
}

TEST(RequiredCycle, ReportedOnceAsAPath) {
  const auto found = run_rule(checks::required_cycle, broken::structure::cycle::schema);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "required foreign keys form a cycle (users.teamId -> teams, teams.ownerId -> users): no row "
                              "of these tables can be inserted first; make one of these columns nullable");
  ASSERT_EQ(found[0].notes.size(), 1u);
}

TEST(RequiredCycle, ARequiredSelfReferenceIsAWarning) {
  const auto found = run_rule(checks::required_cycle, broken::structure::required_self_reference::schema);
  ASSERT_EQ(found.size(), 1u);  // once, though both the key and the one() make the edge
  EXPECT_EQ(found[0].level, checks::severity::warning);
  EXPECT_EQ(found[0].message, "required foreign key 'users.managerId' references its own table, so the first row can "
                              "only be inserted with its own id given in advance; make 'managerId' nullable");
}

namespace long_chain {
// a0 -> a1 -> ... -> a5 -> a0, every link required; plus a branch that is no cycle.
inline constexpr auto a0 = table("a0", column("next", id("a1").not_null()));
inline constexpr auto a1 = table("a1", column("next", id("a2").not_null()));
inline constexpr auto a2 = table("a2", column("next", id("a3").not_null()), column("side", id("b").not_null()));
inline constexpr auto a3 = table("a3", column("next", id("a4").not_null()));
inline constexpr auto a4 = table("a4", column("next", id("a5").not_null()));
inline constexpr auto a5 = table("a5", column("next", id("a0").not_null()));
inline constexpr auto b = table("b", column("back", id("a0")));  // nullable: no cycle through b
inline constexpr auto schema = define_schema(tables(a0, a1, a2, a3, a4, a5, b)).relations(
    one(a0, "n", a1, {.from = "next"}), one(a1, "n", a2, {.from = "next"}), one(a2, "n", a3, {.from = "next"}),
    one(a3, "n", a4, {.from = "next"}), one(a4, "n", a5, {.from = "next"}), one(a5, "n", a0, {.from = "next"}),
    one(a2, "s", b, {.from = "side"}), one(b, "back", a0, {.from = "back"}));
}  // namespace long_chain

TEST(RequiredCycle, LongCycleWithABranch) {
  const auto found = run_rule(checks::required_cycle, long_chain::schema);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("(a0.next -> a1, a1.next -> a2, a2.next -> a3, a3.next -> a4, a4.next -> a5, a5.next -> a0)"),
            std::string::npos)
      << found[0].message;
  EXPECT_EQ(found[0].notes.size(), 5u);
}

TEST(RedundantIndex, DuplicatesAreReportedOnceAndGetARemoval) {
  const auto found = run_rule(checks::redundant_index, broken::structure::warnings_only::schema);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("index 'b' (userId) of 'profiles' is redundant: index 'a' (userId)"), std::string::npos);
  ASSERT_EQ(found[0].fixes.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<checks::remove_index>(found[0].fixes[0]));
}

TEST(StructureChecks, SeedAndExampleSchemasAreClean) {
  for (auto rule : {checks::relation_name_collision, checks::non_unique_one, checks::foreign_key_mismatch,
                    checks::required_cycle, checks::redundant_index}) {
    EXPECT_TRUE(run_rule(rule, seed::alias::schema).empty());
    EXPECT_TRUE(run_rule(rule, seed::self_reference::schema).empty());
    EXPECT_TRUE(run_rule(rule, blog::schema).empty());
  }
}

}  // namespace
