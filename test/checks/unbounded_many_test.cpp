#include "checks/unbounded_many.hpp"

#include <gtest/gtest.h>

#include "checks/query_checks.hpp"
#include "checks/run_rule.hpp"
#include "schemas/unbounded_many.hpp"
#include "seed_examples/predefined_filter.hpp"

namespace {
using namespace orm;
using namespace orm::testing;
using checks::unbounded_many;

TEST(UnboundedMany, ManyWithoutDefaultLimit) {
  const auto found = run_rule(unbounded_many, broken::unbounded_many::schema);
  ASSERT_EQ(found.size(), 1u);  // the one() is not a many()
  EXPECT_EQ(found[0].message,
            "many() relation 'users.posts' can be loaded with no bound: the schema sets no defaults.default_limit and "
            "its predefined where filters rows, it does not bound them; set one, or give every `with` of 'posts' a "
            "limit");
  EXPECT_EQ(found[0].level, checks::severity::warning);
  const auto& fix = std::get<checks::set_default_limit>(found[0].fixes.at(0));
  EXPECT_EQ(fix.limit, checks::suggested_default_limit);
  EXPECT_NE(fix.schema_site.line, 0u);
}

TEST(UnboundedMany, DefaultLimitBoundsEveryMany) {
  EXPECT_TRUE(run_rule(unbounded_many, seed::predefined_filter::schema).empty());
}

}  // namespace

namespace {
using namespace orm;
using namespace orm::testing;

// A load of `relation` written at `line` (0: no site), with or without a limit.
model::query_load load(std::string relation, bool limited, unsigned line = 0, std::vector<model::query_load> nested = {}) {
  model::query_load out{{std::move(relation), line ? model::source_site{"q.cpp", line, 7} : model::source_site{}}, {}};
  out.options.limit_given = limited;
  out.options.with = std::move(nested);
  return out;
}

model::query query_on(std::string table, std::vector<model::query_load> loads, bool allow_full_scan = false) {
  model::query q;
  q.table = std::move(table);
  q.top.with = std::move(loads);
  q.allow_full_scan = allow_full_scan;
  return q;
}

// The check as run_checks runs it: on the call, planned once.
void unbounded_loads(const checks::schema_index& index, const model::query& q, checks::findings& out) {
  checks::unbounded_loads(index, {q, model::plan_query(index.schema(), q)}, out);
}

TEST(UnboundedManyQueries, WithLoadsWithoutLimitAreRefusedAtRunTime) {
  const auto m = model::build(broken::unbounded_many::schema);
  const checks::schema_index index(m);
  checks::findings out;
  unbounded_loads(index, query_on("users", {load("posts", false, 3)}), out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].level, checks::severity::error);
  EXPECT_EQ(out[0].site.line, 3u);
  EXPECT_EQ(out[0].message, "loading many() relation 'users.posts' has no bound: give this `with` a limit, set "
                            "defaults.default_limit, or pass allow_full_scan");

  out.clear();
  unbounded_loads(index, query_on("users", {load("posts", true, 3)}), out);         // limited
  unbounded_loads(index, query_on("posts", {load("author", false, 3)}), out);       // a one()
  unbounded_loads(index, query_on("users", {load("posts", false, 3)}, true), out);  // allow_full_scan
  unbounded_loads(index, query_on("users", {load("nope", false, 3)}), out);         // unknown: another check's
  EXPECT_TRUE(out.empty());
}

TEST(UnboundedManyQueries, NestedLoadsFollowTheTargetTable) {
  const auto m = model::build(broken::unbounded_many::schema);
  checks::findings out;
  unbounded_loads(checks::schema_index(m), query_on("posts", {load("author", false, 3, {load("posts", false, 9)})}), out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].site.line, 9u);
}

}  // namespace
