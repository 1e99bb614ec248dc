#include "checks/registry.hpp"

#include <gtest/gtest.h>

#include <set>

#include "schemas/ambiguous_relation.hpp"
#include "schemas/unbounded_many.hpp"

namespace {
using namespace orm;

TEST(Registry, ListsEachCoreCheckOnceWithASummary) {
  std::set<std::string_view> ids;
  for (const auto& c : checks::all_checks()) {
    EXPECT_TRUE(ids.insert(c.id).second) << c.id;
    EXPECT_TRUE(c.id.starts_with("orm-"));
    EXPECT_FALSE(c.summary.empty());
    EXPECT_NE(c.summary.back(), '.');
  }
  EXPECT_EQ(ids, (std::set<std::string_view>{"orm-missing-relation-index", "orm-ambiguous-relation",
                                             "orm-missing-inverse", "orm-unbounded-many",
                                             "orm-discriminator-collision", "orm-unknown-reference",
                                             "orm-relation-name-collision", "orm-non-unique-one",
                                             "orm-foreign-key-mismatch", "orm-required-cycle", "orm-redundant-index",
                                             "orm-unknown-relation", "orm-unknown-column", "orm-query-depth",
                                             "orm-negative-bound", "orm-full-scan-write", "orm-n-plus-one", "orm-unpinned-unique", "orm-value-type", "orm-discriminator-write",
                                             "orm-unreadable-schema", "orm-row-mismatch", "orm-unindexed-query", "orm-conflict-target", "orm-cursor-order",
                                             "orm-aggregate-type", "orm-unknown-strategy"}));
  EXPECT_NE(checks::find_check("orm-missing-inverse"), nullptr);
  EXPECT_EQ(checks::find_check("orm-nope"), nullptr);
}

TEST(Registry, RunChecksHonoursTheFilter) {
  const auto m = model::build(broken::unbounded_many::schema);
  const auto all = checks::run_checks(m, [](std::string_view) { return true; });
  ASSERT_FALSE(all.empty());
  const auto none = checks::run_checks(m, [](std::string_view id) { return id != "orm-unbounded-many"; });
  EXPECT_TRUE(none.empty());
}

}  // namespace
