#include "checks/unknown_reference.hpp"

#include <gtest/gtest.h>

#include <orm/model/names.hpp>

#include "checks/registry.hpp"
#include "checks/run_rule.hpp"
#include "schemas/unknown_reference.hpp"
#include "seed_examples/discriminated.hpp"
#include "seed_examples/polymorphic.hpp"
#include "seed_examples/through.hpp"

namespace {
using namespace orm;
using namespace orm::testing;
using checks::unknown_reference;

TEST(ClosestName, SuggestsOnlyOneLikelyMisspelling) {
  using model::closest_name;
  EXPECT_EQ(closest_name("authorIdd", {"id", "title", "authorId"}), "authorId");
  EXPECT_EQ(closest_name("authorid", {"authorId", "authors"}), "authorId");  // case slips are close
  EXPECT_EQ(closest_name("titel", {"title", "total"}), "title");
  EXPECT_EQ(closest_name("nope", {"id", "title"}), "");       // nothing close
  EXPECT_EQ(closest_name("ab", {"ac", "ad"}), "");            // two as close: no guess
  EXPECT_EQ(closest_name("x", {}), "");
  EXPECT_EQ(closest_name("", {"a"}), "");
  EXPECT_EQ(closest_name("a", {"b"}), "");                    // one letter of one is too much
  // The other number of the same word, however many edits away; only when it is one.
  EXPECT_EQ(closest_name("reply", {"replies", "users"}), "replies");
  EXPECT_EQ(closest_name("replies", {"reply", "users"}), "reply");
  EXPECT_EQ(closest_name("address", {"addresses"}), "addresses");
  EXPECT_EQ(closest_name("Category", {"categories"}), "categories");
  EXPECT_EQ(closest_name("box", {"boxes"}), "boxes");
  EXPECT_EQ(closest_name("post", {"Posts", "posts"}), "");  // two as close: no guess
  EXPECT_EQ(closest_name("s", {"ss"}), "");
}

TEST(UnknownReference, ReportsEachNameThatPointsAtNothing) {
  const auto found = run_rule(unknown_reference, broken::unknown_reference::schema);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].message, "index 'by_x' of table 'posts' names column 'nope', which table 'posts' does not have "
                              "(it has id, authorId)");
  EXPECT_EQ(found[0].literal, "nope");
  EXPECT_TRUE(found[0].fixes.empty());
  EXPECT_EQ(found[1].literal, "authorIdd");
  ASSERT_EQ(found[1].fixes.size(), 1u);
  const auto& fix = std::get<checks::replace_literal>(found[1].fixes[0]);
  EXPECT_EQ(fix.written, "authorIdd");
  EXPECT_EQ(fix.replacement, "authorId");
  EXPECT_EQ(found[2].level, checks::severity::error);
}

TEST(UnknownReference, ListsAtMostTwelveNames) {
  constexpr auto wide = table("wide", column("c01", text()), column("c02", text()), column("c03", text()),
                              column("c04", text()), column("c05", text()), column("c06", text()), column("c07", text()),
                              column("c08", text()), column("c09", text()), column("c10", text()), column("c11", text()),
                              column("c12", text()), column("c13", text()), index("i").on("zzzzzz"));
  constexpr auto s = define_schema(tables(wide));
  const auto found = run_rule(unknown_reference, s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("(it has id, c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, ... (14 in all))"),
            std::string::npos)
      << found[0].message;
}

TEST(UnknownReference, TablesMissingFromTablesAreNamedWithoutAGuess) {
  constexpr auto users = table("users");
  constexpr auto profiles = table("profiles", column("userId", id("users")));
  constexpr auto groups = table("groups");
  constexpr auto s = define_schema(tables(users, groups)).relations(
      one(users, "profile", profiles, {.to = "userId"}),
      many(users, "groups", groups).through(profiles, "userId", "groupId"));
  const auto found = run_rule(unknown_reference, s);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].message, "relation 'users.profile' names table 'profiles', which is not in the schema's "
                              "tables(...) (it has users, groups); add it to tables(...)");
  EXPECT_TRUE(found[0].literal.empty());  // a C++ variable, not a string
  EXPECT_TRUE(found[0].fixes.empty());
  EXPECT_NE(found[1].message.find("relation 'users.groups' in through() names table 'profiles'"), std::string::npos);
}

TEST(UnknownReference, OtherChecksStayQuietAboutTheRelation) {
  const model::schema m = model::build(broken::unknown_reference::schema);
  EXPECT_EQ(m.relations[0].status, model::resolution::unknown_name);
  const auto all = checks::run_checks(m, [](std::string_view) { return true; });
  for (const auto& f : all)
    EXPECT_TRUE(f.check == "orm-unknown-reference" || f.message.find("users.posts") == std::string::npos) << f.message;
}

TEST(UnknownReference, SeedSchemasResolve) {
  EXPECT_TRUE(run_rule(unknown_reference, seed::through::schema).empty());
  EXPECT_TRUE(run_rule(unknown_reference, seed::polymorphic::schema).empty());
  EXPECT_TRUE(run_rule(unknown_reference, seed::discriminated::audit_schema).empty());
}

}  // namespace
