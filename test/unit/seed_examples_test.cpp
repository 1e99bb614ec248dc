// Every example of the seed's relations guide, in the C++ DSL, builds the model the
// seed describes: table names, columns, nullability, indexes and relation ends.
#include <gtest/gtest.h>

#include "seed_examples/alias.hpp"
#include "seed_examples/discriminated.hpp"
#include "seed_examples/indexing.hpp"
#include "seed_examples/join_payload.hpp"
#include "seed_examples/join_table.hpp"
#include "seed_examples/one_to_many.hpp"
#include "seed_examples/one_to_one.hpp"
#include "seed_examples/optional_one.hpp"
#include "seed_examples/polymorphic.hpp"
#include "seed_examples/predefined_filter.hpp"
#include "seed_examples/relation_options.hpp"
#include "seed_examples/self_reference.hpp"
#include "seed_examples/split_parts.hpp"
#include "seed_examples/through.hpp"
#include "unit/model_lookup.hpp"

namespace {
using namespace orm;
using namespace orm::testing;

// The relation's effective join: (from columns, to columns).
void expect_ends(const model::relation& r, const names& from, const names& to) {
  EXPECT_TRUE(r.is_resolved()) << r.source << "." << r.name;
  EXPECT_EQ(r.resolved_from, from) << r.source << "." << r.name;
  EXPECT_EQ(r.resolved_to, to) << r.source << "." << r.name;
}

TEST(SeedExamples, RelationOptions) {
  const auto m = model::build(seed::relation_options::schema);
  const auto& author = relation_named(m, "posts", "author");
  EXPECT_EQ(author.kind, relation_kind::one);
  EXPECT_FALSE(author.optional);
  EXPECT_EQ(author.alias, "author");
  ASSERT_EQ(author.where.size(), 1u);
  EXPECT_EQ(author.where[0].column, "isActive");
  expect_ends(author, {"authorId"}, {"id"});
  const auto& posts = relation_named(m, "users", "posts");
  EXPECT_EQ(posts.kind, relation_kind::many);
  EXPECT_EQ(posts.where[0].operand.kind, value_kind::boolean);
  expect_ends(posts, {"id"}, {"authorId"});
}

TEST(SeedExamples, AliasDisambiguatesAuthorAndReviewer) {
  const auto m = model::build(seed::alias::schema);
  EXPECT_EQ(column_names(table_named(m, "posts")), (names{"id", "title", "authorId", "reviewerId"}));
  EXPECT_TRUE(column_named(table_named(m, "posts"), "authorId").not_null);
  EXPECT_FALSE(column_named(table_named(m, "posts"), "reviewerId").not_null);
  expect_ends(relation_named(m, "users", "authoredPosts"), {"id"}, {"authorId"});
  expect_ends(relation_named(m, "users", "reviewedPosts"), {"id"}, {"reviewerId"});
  EXPECT_EQ(relation_named(m, "users", "authoredPosts").status, model::resolution::inferred);
  expect_ends(relation_named(m, "posts", "reviewer"), {"reviewerId"}, {"id"});
}

TEST(SeedExamples, OneToOneInfersTheUserSide) {
  const auto m = model::build(seed::one_to_one::schema);
  EXPECT_TRUE(column_named(table_named(m, "profiles"), "userId").unique);
  EXPECT_FALSE(column_named(table_named(m, "profiles"), "userId").not_null);
  const auto& profile = relation_named(m, "users", "profile");
  EXPECT_EQ(profile.kind, relation_kind::one);
  EXPECT_EQ(profile.status, model::resolution::inferred);
  expect_ends(profile, {"id"}, {"userId"});
}

TEST(SeedExamples, OneToMany) {
  const auto m = model::build(seed::one_to_many::schema);
  EXPECT_EQ(column_names(table_named(m, "posts")), (names{"id", "title", "content", "published", "userId"}));
  EXPECT_EQ(index_names(table_named(m, "posts")), (names{"by_user"}));
  expect_ends(relation_named(m, "users", "posts"), {"id"}, {"userId"});
  expect_ends(relation_named(m, "posts", "author"), {"userId"}, {"id"});
}

TEST(SeedExamples, JoinTable) {
  const auto m = model::build(seed::join_table::schema);
  EXPECT_EQ(column_names(table_named(m, "postsTags")), (names{"id", "postId", "tagId"}));
  expect_ends(relation_named(m, "posts", "tags"), {"id"}, {"postId"});
  expect_ends(relation_named(m, "tags", "posts"), {"id"}, {"tagId"});
  expect_ends(relation_named(m, "postsTags", "tag"), {"tagId"}, {"id"});
}

TEST(SeedExamples, JoinTableWithPayload) {
  const auto m = model::build(seed::join_payload::schema);
  const auto& t = table_named(m, "memberships");
  EXPECT_EQ(column_names(t), (names{"id", "userId", "groupId", "role", "joinedAt"}));
  EXPECT_TRUE(column_named(t, "joinedAt").not_null);
  EXPECT_EQ(column_named(t, "joinedAt").kind, column_kind::integer);
  expect_ends(relation_named(m, "groups", "memberships"), {"id"}, {"groupId"});
  expect_ends(relation_named(m, "memberships", "group"), {"groupId"}, {"id"});
}

TEST(SeedExamples, ThroughJunction) {
  const auto m = model::build(seed::through::schema);
  const auto& groups = relation_named(m, "users", "groups");
  expect_ends(groups, {"id"}, {"id"});
  ASSERT_TRUE(groups.resolved_through);
  EXPECT_EQ(groups.resolved_through->table, "usersToGroups");
  EXPECT_EQ(groups.resolved_through->from, (names{"userId"}));
  EXPECT_EQ(groups.resolved_through->to, (names{"groupId"}));
  EXPECT_EQ(m.relations[static_cast<std::size_t>(groups.inverse)].name, "users");
}

TEST(SeedExamples, SelfReference) {
  const auto m = model::build(seed::self_reference::schema);
  expect_ends(relation_named(m, "users", "manager"), {"managerId"}, {"id"});
  expect_ends(relation_named(m, "users", "reports"), {"id"}, {"managerId"});
  EXPECT_GE(relation_named(m, "users", "reports").inverse, 0);
  EXPECT_FALSE(column_named(table_named(m, "users"), "managerId").not_null);
}

TEST(SeedExamples, RequiredOne) {
  const auto m = model::build(seed::optional_one::schema);
  EXPECT_FALSE(relation_named(m, "posts", "author").optional);
  EXPECT_TRUE(column_named(table_named(m, "posts"), "authorId").not_null);
}

TEST(SeedExamples, SplitRelationsParts) {
  const auto m = model::build(seed::split_parts::schema);
  EXPECT_EQ(relation_named(m, "users", "posts").part, "user_relations");
  EXPECT_EQ(relation_named(m, "posts", "comments").part, "post_relations");
  expect_ends(relation_named(m, "posts", "comments"), {"id"}, {"postId"});
}

TEST(SeedExamples, PredefinedFilter) {
  const auto m = model::build(seed::predefined_filter::schema);
  const auto& r = relation_named(m, "users", "publishedPosts");
  ASSERT_EQ(r.where.size(), 1u);
  EXPECT_EQ(r.where[0].column, "published");
  EXPECT_EQ(r.where[0].operand.integer, 1);
  EXPECT_EQ(m.settings.default_limit, 20);
}

TEST(SeedExamples, PolymorphicByNullableForeignKeys) {
  const auto m = model::build(seed::polymorphic::schema);
  EXPECT_EQ(column_names(table_named(m, "comments")), (names{"id", "body", "targetType", "postId", "videoId"}));
  const auto& r = relation_named(m, "videos", "comments");
  EXPECT_EQ(r.where[0].operand.text, "video");
  expect_ends(r, {"id"}, {"videoId"});
}

TEST(SeedExamples, DiscriminatedAuditLog) {
  const auto m = model::build(seed::discriminated::audit_schema);
  const auto& t = table_named(m, "audit_logs");
  EXPECT_EQ(column_names(t), (names{"id", "timestamp", "actionType", "targetUserId", "oldRole", "newRole",
                                   "documentId", "version", "changes", "severity", "errorCode", "isResolved"}));
  EXPECT_TRUE(column_named(t, "actionType").not_null);
  EXPECT_EQ(column_named(t, "actionType").kind, column_kind::discriminator);
  EXPECT_TRUE(column_named(t, "oldRole").nullable_in_storage());
  ASSERT_EQ(t.variants.size(), 3u);
  EXPECT_EQ(t.variants[0].name, "role_change");
  EXPECT_EQ(t.variants[2].fields.size(), 3u);
  EXPECT_EQ(t.discriminators[0].as, "details");
  EXPECT_EQ(index_names(t), (names{"by_action_ts", "by_role_target", "by_doc"}));
  EXPECT_EQ(t.indexes[1].columns, (names{"actionType", "targetUserId"}));

  const auto s = model::build(seed::discriminated::schema);
  const auto& comments = table_named(s, "comments");
  ASSERT_EQ(comments.checks.size(), 1u);
  EXPECT_EQ(comments.checks[0].name, "one_target");
  EXPECT_EQ(comments.foreign_keys.size(), 2u);
  expect_ends(relation_named(s, "comments", "video"), {"videoId"}, {"id"});
  EXPECT_GE(relation_named(s, "posts", "comments").inverse, 0);
}

TEST(SeedExamples, IndexingForRelationLoads) {
  const auto t = model::build(define_schema(tables(seed::indexing::posts, seed::indexing::users_to_groups)));
  EXPECT_EQ(index_names(table_named(t, "usersToGroups")), (names{"by_user", "by_group", "by_user_group"}));
  EXPECT_EQ(table_named(t, "usersToGroups").indexes[2].columns, (names{"userId", "groupId"}));
  EXPECT_EQ(table_named(t, "posts").indexes[0].columns, (names{"userId"}));
}

}  // namespace
