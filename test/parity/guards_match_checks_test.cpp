// Parity: for every relation of every schema in the corpus, ormlint reports a relation
// finding at it exactly when loading it (no limit, no allow_full_scan) is refused by the
// runtime, and the runtime's error is the one that check stands for. Compiled for each
// backend (runtime/backend.hpp): SQLite, and PostgreSQL on the tests' server.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <typeinfo>

#include "runtime/backend.hpp"

#include "blog/schema.hpp"
#include "checks/registry.hpp"
#include "schemas/ambiguous_relation.hpp"
#include "schemas/discriminator_collision.hpp"
#include "schemas/missing_inverse.hpp"
#include "schemas/missing_relation_index.hpp"
#include "schemas/unbounded_many.hpp"
#include "schemas/structure.hpp"
#include "schemas/unknown_reference.hpp"
#include "seed_examples/alias.hpp"
#include "seed_examples/discriminated.hpp"
#include "seed_examples/join_payload.hpp"
#include "seed_examples/join_table.hpp"
#include "seed_examples/one_to_many.hpp"
#include "seed_examples/one_to_one.hpp"
#include "seed_examples/optional_one.hpp"
#include "seed_examples/polymorphic.hpp"
#include "seed_examples/predefined_filter.hpp"
#include "seed_examples/self_reference.hpp"
#include "seed_examples/split_parts.hpp"
#include "seed_examples/through.hpp"

namespace {
using namespace orm;
using orm::testing::backend;

// The guard each relation check stands for.
const std::map<std::string, std::string> guard_of_check = {
    {"orm-missing-relation-index", typeid(runtime::missing_index_error).name()},
    {"orm-ambiguous-relation", typeid(runtime::ambiguous_relation_error).name()},
    {"orm-missing-inverse", typeid(runtime::missing_inverse_error).name()},
    {"orm-unbounded-many", typeid(runtime::unbounded_many_error).name()},
};

// The error loading `r` (with `options`) raises, as a type name; empty when it loads.
std::string load(backend::database& db, const model::schema& s, const model::relation& r, const runtime::find_options& options = {}) {
  try {
    db.query(s, r.source).find_many({.with = {{r.name, options}}});
    return {};
  } catch (const runtime::error& e) {
    return typeid(e).name();
  }
}

// The same, with `r` loaded one level down, under `parent` (whose target is r's source).
std::string load_under(backend::database& db, const model::schema& s, const model::relation& parent, const model::relation& r) {
  try {
    db.query(s, parent.source).find_many({.with = {{parent.name, {.limit = 5, .with = {{r.name, {}}}}}}});
    return {};
  } catch (const runtime::error& e) {
    return typeid(e).name();
  }
}

// What a refusal set says of a load: it loads (empty set) or throws one of them.
void expect_verdict(const std::set<std::string>& expected, const std::string& refused, const std::string& what) {
  if (expected.empty()) {
    EXPECT_EQ(refused, "") << what << ": the runtime refuses what ormlint accepts";
  } else {
    EXPECT_TRUE(expected.count(refused)) << what << ": the runtime " << (refused.empty() ? std::string("loads it") : "throws " + refused);
  }
}

// Returns how many nested loads it compared.
template <class Schema>
int expect_parity(const char* name, const Schema& schema) {
  SCOPED_TRACE(name);
  auto db = backend::open();
  const model::schema& s = db.model_of(schema);
  db.migrate(s);
  std::map<std::pair<std::string, unsigned>, std::set<std::string>> checks_at;  // site -> checks
  for (const auto& f : checks::run_checks(s, [](std::string_view id) { return guard_of_check.count(std::string(id)); })) {
    checks_at[{f.site.file, f.site.line * 1000 + f.site.column}].insert(f.check);
    // A finding about a group (ambiguous relations) names its other members in notes;
    // the candidates it lists are not at fault.
    for (const auto& n : f.notes)
      if (n.message.ends_with("is declared here") && !n.message.starts_with("candidate"))
        checks_at[{n.site.file, n.site.line * 1000 + n.site.column}].insert(f.check);
  }
  int nested = 0;
  const auto expected_of = [&](const model::relation& r) {
    std::set<std::string> expected;
    if (const auto found = checks_at.find({r.site.file, r.site.line * 1000 + r.site.column}); found != checks_at.end())
      for (const auto& check : found->second) expected.insert(guard_of_check.at(check));
    return expected;
  };
  for (const model::relation& r : s.relations) {
    const std::string at = r.source + "." + r.name;
    const std::set<std::string> expected = expected_of(r);
    expect_verdict(expected, load(db, s, r), at);
    // Ordered and limited: a limit answers orm-unbounded-many and nothing else.
    if (r.kind != relation_kind::one) {
      std::set<std::string> bounded = expected;
      bounded.erase(guard_of_check.at("orm-unbounded-many"));
      expect_verdict(bounded, load(db, s, r, {.order_by = {runtime::desc("id")}, .limit = 5}), at + " (ordered, limited)");
    }
    // Nested one level down, under every relation that loads r's table and is accepted:
    // the same verdict as at the top.
    for (const model::relation& parent : s.relations)
      if (parent.target == r.source && expected_of(parent).empty()) {
        expect_verdict(expected, load_under(db, s, parent, r), parent.source + "." + parent.name + " -> " + at);
        ++nested;
      }
  }
  return nested;
}

TEST(GuardsMatchChecks, SeedExamples) {
  expect_parity("alias", seed::alias::schema);
  expect_parity("one_to_one", seed::one_to_one::schema);
  expect_parity("one_to_many", seed::one_to_many::schema);
  expect_parity("join_table", seed::join_table::schema);
  expect_parity("join_payload", seed::join_payload::schema);
  expect_parity("through", seed::through::schema);
  expect_parity("self_reference", seed::self_reference::schema);
  expect_parity("optional_one", seed::optional_one::schema);
  expect_parity("split_parts", seed::split_parts::schema);
  expect_parity("predefined_filter", seed::predefined_filter::schema);
  expect_parity("polymorphic", seed::polymorphic::schema);
}

TEST(GuardsMatchChecks, RuleBreakingSchemas) {
  expect_parity("missing_relation_index", broken::missing_relation_index::schema);
  expect_parity("ambiguous_relation", broken::ambiguous_relation::schema);
  expect_parity("shared_alias", broken::shared_alias::schema);
  expect_parity("missing_inverse", broken::missing_inverse::schema);
  expect_parity("unbounded_many", broken::unbounded_many::schema);
}

TEST(GuardsMatchChecks, ExampleBlog) { EXPECT_GE(expect_parity("blog", blog::schema), 10); }

// The checks whose errors are about the schema itself: migrate refuses those schemas.
const std::set<std::string_view> schema_level_checks = {
    "orm-discriminator-collision", "orm-unknown-reference", "orm-relation-name-collision", "orm-non-unique-one",
    "orm-foreign-key-mismatch",    "orm-required-cycle",    "orm-redundant-index"};

// Schema-level: migrate refuses a schema exactly when a schema-level check reports an
// error, and its message carries each error's message.
enum class verdict { refused, warned, clean };

template <class Schema>
void expect_migrate_parity(const char* name, const Schema& schema, verdict expected) {
  SCOPED_TRACE(name);
  auto db = backend::open();
  const model::schema& s = db.model_of(schema);
  const auto findings = checks::run_checks(s, [](std::string_view id) { return schema_level_checks.count(id) > 0; });
  std::string refused;
  try {
    db.migrate(s);
  } catch (const runtime::schema_error& e) {
    refused = e.what();
  }
  bool any_error = false;
  for (const checks::finding& f : findings) {
    if (f.level != checks::severity::error) continue;
    any_error = true;
    EXPECT_NE(refused.find(f.message), std::string::npos) << "migrate does not say: " << f.message;
  }
  EXPECT_EQ(!refused.empty(), any_error) << refused;
  // What each schema is: refused (an error), migrated with a warning, or clean.
  const bool warned = std::any_of(findings.begin(), findings.end(), [](const checks::finding& f) { return f.level == checks::severity::warning; });
  const verdict got = any_error ? verdict::refused : warned ? verdict::warned : verdict::clean;
  EXPECT_EQ(static_cast<int>(got), static_cast<int>(expected)) << "0 refused, 1 warned, 2 clean";
}

namespace warning_only {
inline constexpr auto t = table("t", column("kind", discriminator({}, variant("deleted"), variant("x", column("n", integer())))));
inline constexpr auto schema = define_schema(tables(t));
}  // namespace warning_only

TEST(GuardsMatchChecks, DiscriminatorRules) {
  expect_migrate_parity("discriminator_collision", broken::discriminator_collision::schema, verdict::refused);
  expect_migrate_parity("discriminated", seed::discriminated::audit_schema, verdict::clean);
  expect_migrate_parity("blog", blog::schema, verdict::clean);
  expect_migrate_parity("warning_only", warning_only::schema, verdict::warned);
}

TEST(GuardsMatchChecks, SchemaLevelErrors) {
  expect_migrate_parity("unknown_reference", broken::unknown_reference::schema, verdict::refused);
  expect_migrate_parity("name_collision", broken::structure::name_collision::schema, verdict::refused);
  expect_migrate_parity("set_null", broken::structure::set_null::schema, verdict::refused);
  expect_migrate_parity("other_table", broken::structure::other_table::schema, verdict::refused);
  expect_migrate_parity("cycle", broken::structure::cycle::schema, verdict::refused);
  expect_migrate_parity("warnings_only", broken::structure::warnings_only::schema, verdict::warned);
  expect_migrate_parity("required_self_reference", broken::structure::required_self_reference::schema, verdict::warned);
  expect_migrate_parity("blog", blog::schema, verdict::clean);
  for (auto* run : {+[] { expect_migrate_parity("alias", seed::alias::schema, verdict::clean); },
                    +[] { expect_migrate_parity("through", seed::through::schema, verdict::clean); },
                    +[] { expect_migrate_parity("self_reference", seed::self_reference::schema, verdict::clean); },
                    +[] { expect_migrate_parity("polymorphic", seed::polymorphic::schema, verdict::clean); },
                    +[] { expect_migrate_parity("missing_relation_index", broken::missing_relation_index::schema, verdict::warned); },  // the one() by a non-unique email
                    +[] { expect_migrate_parity("ambiguous_relation", broken::ambiguous_relation::schema, verdict::clean); }})
    run();
}

}  // namespace
