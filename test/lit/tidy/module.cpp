// The checks inside the real clang-tidy-19: findings, fix-its, and clang-tidy's NOLINT.
// RUN: not %clang_tidy --load=%tidy_module --checks='-*,orm-missing-relation-index,orm-unbounded-many' %s -- %cxxflags 2>/dev/null | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{^/.*(warning|error):}}'
// RUN: cp %s %t.cpp && %clang_tidy --load=%tidy_module --checks='-*,orm-missing-relation-index,orm-unbounded-many' --fix-errors %t.cpp -- %cxxflags > /dev/null 2>&1
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
// RUN: %clang_tidy --load=%tidy_module --checks='-*,orm-missing-relation-index,orm-unbounded-many' %t.cpp -- %cxxflags 2>/dev/null | FileCheck %s -check-prefix=CLEAN -allow-empty
// CLEAN-NOT: {{^/.*(warning|error):}}
#include <orm/orm.hpp>

using namespace orm;

inline constexpr auto users = table("users", column("name", text()));
inline constexpr auto posts = table("posts",
    column("authorId", id("users").not_null()));
// CHECK-FIXES: {{^}}    column("authorId", id("users").not_null()),
// CHECK-FIXES-NEXT: {{^}}    index("by_authorId").on("authorId"));
inline constexpr auto schema = define_schema(tables(users, posts))
// CHECK-FIXES: {{^}}inline constexpr auto schema = define_schema(tables(users, posts), {.defaults = {.default_limit = 50}})
    .relations(many(users, "posts", posts),
// CHECK-MESSAGES: :[[@LINE-1]]:28: error: relation 'users.posts' loads 'posts' rows by (authorId), which no index of 'posts' serves; add index("by_authorId").on("authorId") to 'posts' [orm-missing-relation-index]
// CHECK-MESSAGES: :[[@LINE-2]]:28: warning: many() relation 'users.posts' can be loaded with no bound
               one(posts, "author", users, {.from = "authorId"}),
               many(users, "drafts", posts, {.to = "authorId"}));  // NOLINT(orm-unbounded-many)
// CHECK-MESSAGES: :[[@LINE-1]]:28: error: relation 'users.drafts' loads 'posts' rows by (authorId)
