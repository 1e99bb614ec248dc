// Parity: for every schema, the model ormlint reads from Clang's evaluated values equals
// the model the runtime builds from the same constexpr value, field by field.
#include <gtest/gtest.h>

#include <clang/AST/Decl.h>
#include <clang/Frontend/ASTUnit.h>
#include <clang/Tooling/Tooling.h>

#include "blog/schema.hpp"
#include "mistakes/query_schema.hpp"
#include "query_schema.hpp"
#include "schemas/ambiguous_relation.hpp"
#include "schemas/structure.hpp"
#include "schemas/unknown_reference.hpp"
#include "seed_examples/join_payload.hpp"
#include "seed_examples/join_table.hpp"
#include "seed_examples/one_to_many.hpp"
#include "seed_examples/one_to_one.hpp"
#include "seed_examples/optional_one.hpp"
#include "seed_examples/polymorphic.hpp"
#include "seed_examples/self_reference.hpp"
#include "write_schema.hpp"
#include "schemas/discriminator_collision.hpp"
#include "schemas/missing_inverse.hpp"
#include "schemas/missing_relation_index.hpp"
#include "schemas/unbounded_many.hpp"
#include "seed_examples/alias.hpp"
#include "seed_examples/discriminated.hpp"
#include "seed_examples/predefined_filter.hpp"
#include "seed_examples/relation_options.hpp"
#include "seed_examples/split_parts.hpp"
#include "seed_examples/through.hpp"
// The mistakes keep their schemas inside their .cpp files; each is in a namespace of its own.
#include "mistakes/ambiguous_relation.cpp"
#include "mistakes/discriminator_collision.cpp"
#include "mistakes/discriminator_write.cpp"
#include "mistakes/foreign_key_mismatch.cpp"
#include "mistakes/missing_inverse.cpp"
#include "mistakes/missing_relation_index.cpp"
#include "mistakes/non_unique_one.cpp"
#include "mistakes/redundant_index.cpp"
#include "mistakes/relation_name_collision.cpp"
#include "mistakes/required_cycle.cpp"
#include "mistakes/unbounded_many.cpp"
#include "mistakes/unknown_reference.cpp"
#include "tool/extract/schema_finder.hpp"
#include "tool/model_describe.hpp"

namespace {
using namespace orm;

// The schemas Clang finds when it compiles `header` as this test was compiled.
std::map<std::string, model::schema> read_with_clang(const std::string& header) {
  const std::string code = "#include \"" + header + "\"\n";
  auto unit = clang::tooling::buildASTFromCodeWithArgs(
      code, {"-std=c++20", "-I" ORM_SOURCE_DIR "/include", "-I" ORM_SOURCE_DIR "/test", "-I" ORM_SOURCE_DIR "/examples",
             "-I" ORM_SOURCE_DIR "/test/lit/checks/Inputs", "-resource-dir=" ORM_CLANG_RESOURCE_DIR},
      ORM_SOURCE_DIR "/test/parity_input.cpp");
  EXPECT_TRUE(unit);
  std::map<std::string, model::schema> out;
  if (!unit) return out;
  const tool::schemas_in_unit found = tool::find_schemas(unit->getASTContext());
  EXPECT_TRUE(found.unreadable.empty());
  for (const auto& s : found.readable) out.emplace(s.model.name, s.model);
  return out;
}

void expect_parity(const std::string& header, const std::map<std::string, model::schema>& expected) {
  const auto read = read_with_clang(header);
  for (const auto& [name, model] : expected) {
    ASSERT_TRUE(read.count(name)) << name << " not found in " << header;
    EXPECT_EQ(orm::testing::describe(read.at(name)), orm::testing::describe(model)) << name;
  }
}

TEST(ModelParity, SeedExamples) {
  expect_parity("seed_examples/alias.hpp", {{"seed::alias::schema", model::build(seed::alias::schema)}});
  expect_parity("seed_examples/through.hpp", {{"seed::through::schema", model::build(seed::through::schema)}});
  expect_parity("seed_examples/split_parts.hpp", {{"seed::split_parts::schema", model::build(seed::split_parts::schema)}});
  expect_parity("seed_examples/relation_options.hpp",
                {{"seed::relation_options::schema", model::build(seed::relation_options::schema)}});
  expect_parity("seed_examples/predefined_filter.hpp",
                {{"seed::predefined_filter::schema", model::build(seed::predefined_filter::schema)}});
  expect_parity("seed_examples/discriminated.hpp",
                {{"seed::discriminated::schema", model::build(seed::discriminated::schema)},
                 {"seed::discriminated::audit_schema", model::build(seed::discriminated::audit_schema)}});
  expect_parity("seed_examples/join_payload.hpp", {{"seed::join_payload::schema", model::build(seed::join_payload::schema)}});
  expect_parity("seed_examples/join_table.hpp", {{"seed::join_table::schema", model::build(seed::join_table::schema)}});
  expect_parity("seed_examples/one_to_many.hpp", {{"seed::one_to_many::schema", model::build(seed::one_to_many::schema)}});
  expect_parity("seed_examples/one_to_one.hpp", {{"seed::one_to_one::schema", model::build(seed::one_to_one::schema)}});
  expect_parity("seed_examples/optional_one.hpp", {{"seed::optional_one::schema", model::build(seed::optional_one::schema)}});
  expect_parity("seed_examples/polymorphic.hpp", {{"seed::polymorphic::schema", model::build(seed::polymorphic::schema)}});
  expect_parity("seed_examples/self_reference.hpp",
                {{"seed::self_reference::schema", model::build(seed::self_reference::schema)}});
}

// The example blog, the mistakes' shared schema and the schemas the lit tests query.
TEST(ModelParity, ExamplesAndTestInputs) {
  expect_parity("blog/schema.hpp", {{"blog::schema", model::build(blog::schema)}});
  expect_parity("mistakes/query_schema.hpp", {{"mistakes::queries::schema", model::build(mistakes::queries::schema)}});
  expect_parity("query_schema.hpp", {{"app::schema", model::build(app::schema)}});
  expect_parity("write_schema.hpp", {{"shop::schema", model::build(shop::schema)}});
  expect_parity("schemas/ambiguous_relation.hpp",
                {{"broken::shared_alias::schema", model::build(broken::shared_alias::schema)}});
  expect_parity("schemas/structure.hpp",
                {{"broken::structure::required_self_reference::schema",
                  model::build(broken::structure::required_self_reference::schema)},
                 {"broken::structure::small_tables::schema", model::build(broken::structure::small_tables::schema)}});
}

// The schemas examples/mistakes/ defines inline in its .cpp files, each read as ormlint
// reads that file.
TEST(ModelParity, MistakesInlineSchemas) {
  expect_parity("mistakes/ambiguous_relation.cpp", {{"mistakes::ambiguous_relation::schema", model::build(mistakes::ambiguous_relation::schema)}});
  expect_parity("mistakes/discriminator_collision.cpp", {{"mistakes::discriminator_collision::schema", model::build(mistakes::discriminator_collision::schema)}});
  expect_parity("mistakes/discriminator_write.cpp", {{"mistakes::discriminator_write::schema", model::build(mistakes::discriminator_write::schema)}});
  expect_parity("mistakes/foreign_key_mismatch.cpp", {{"mistakes::foreign_key_mismatch::schema", model::build(mistakes::foreign_key_mismatch::schema)}});
  expect_parity("mistakes/missing_inverse.cpp", {{"mistakes::missing_inverse::schema", model::build(mistakes::missing_inverse::schema)}});
  expect_parity("mistakes/missing_relation_index.cpp", {{"mistakes::missing_relation_index::schema", model::build(mistakes::missing_relation_index::schema)}});
  expect_parity("mistakes/non_unique_one.cpp", {{"mistakes::non_unique_one::schema", model::build(mistakes::non_unique_one::schema)}});
  expect_parity("mistakes/redundant_index.cpp", {{"mistakes::redundant_index::schema", model::build(mistakes::redundant_index::schema)}});
  expect_parity("mistakes/relation_name_collision.cpp", {{"mistakes::relation_name_collision::schema", model::build(mistakes::relation_name_collision::schema)}});
  expect_parity("mistakes/required_cycle.cpp", {{"mistakes::required_cycle::schema", model::build(mistakes::required_cycle::schema)}});
  expect_parity("mistakes/unbounded_many.cpp", {{"mistakes::unbounded_many::schema", model::build(mistakes::unbounded_many::schema)}});
  expect_parity("mistakes/unknown_reference.cpp", {{"mistakes::unknown_reference::schema", model::build(mistakes::unknown_reference::schema)}});
}

// clangd narrows the AST to the main file's declarations; the finder must stay inside
// that scope, or it loads the whole preamble (docs/performance.md).
TEST(SchemaFinder, StaysInsideTheTraversalScope) {
  auto unit = clang::tooling::buildASTFromCodeWithArgs(
      "#include <orm/orm.hpp>\n"
      "namespace a { inline constexpr auto t = orm::table(\"t\"); inline constexpr auto s = orm::define_schema(orm::tables(t)); }\n"
      "namespace b { inline constexpr auto u = orm::table(\"u\"); inline constexpr auto s = orm::define_schema(orm::tables(u)); }\n",
      {"-std=c++20", "-I" ORM_SOURCE_DIR "/include", "-resource-dir=" ORM_CLANG_RESOURCE_DIR}, "scope.cpp");
  ASSERT_TRUE(unit);
  clang::ASTContext& context = unit->getASTContext();
  EXPECT_EQ(tool::find_schemas(context).readable.size(), 2u);
  std::vector<clang::Decl*> only_b;
  for (clang::Decl* d : context.getTranslationUnitDecl()->decls())
    if (auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(d); ns && ns->getName() == "b") only_b.push_back(ns);
  context.setTraversalScope(only_b);
  const auto found = tool::find_schemas(context);
  ASSERT_EQ(found.readable.size(), 1u);
  EXPECT_EQ(found.readable[0].model.name, "b::s");
}

TEST(ModelParity, RuleBreakingSchemas) {
  expect_parity("schemas/missing_relation_index.hpp",
                {{"broken::missing_relation_index::schema", model::build(broken::missing_relation_index::schema)}});
  expect_parity("schemas/ambiguous_relation.hpp",
                {{"broken::ambiguous_relation::schema", model::build(broken::ambiguous_relation::schema)}});
  expect_parity("schemas/missing_inverse.hpp",
                {{"broken::missing_inverse::schema", model::build(broken::missing_inverse::schema)}});
  expect_parity("schemas/unbounded_many.hpp",
                {{"broken::unbounded_many::schema", model::build(broken::unbounded_many::schema)}});
  expect_parity("schemas/discriminator_collision.hpp",
                {{"broken::discriminator_collision::schema", model::build(broken::discriminator_collision::schema)}});
  expect_parity("schemas/unknown_reference.hpp",
                {{"broken::unknown_reference::schema", model::build(broken::unknown_reference::schema)}});
  expect_parity("schemas/structure.hpp",
                {{"broken::structure::name_collision::schema", model::build(broken::structure::name_collision::schema)},
                 {"broken::structure::set_null::schema", model::build(broken::structure::set_null::schema)},
                 {"broken::structure::other_table::schema", model::build(broken::structure::other_table::schema)},
                 {"broken::structure::cycle::schema", model::build(broken::structure::cycle::schema)},
                 {"broken::structure::warnings_only::schema", model::build(broken::structure::warnings_only::schema)}});
}

}  // namespace
