#include "checks/unbounded_many.hpp"

#include <gtest/gtest.h>

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
