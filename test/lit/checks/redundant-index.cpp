// orm-redundant-index: an index that another index or the primary key already serves
// RUN: %ormlint --checks=-*,orm-redundant-index %s -- %cxxflags | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
// RUN: cp %s %t.cpp && %ormlint --checks=-*,orm-redundant-index --fix %t.cpp -- %cxxflags > /dev/null
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
// RUN: %ormlint --checks=-*,orm-redundant-index %t.cpp -- %cxxflags | FileCheck %s -check-prefix=CLEAN -allow-empty
// CLEAN-NOT: orm-redundant-index
#include <orm/orm.hpp>

using namespace orm;

inline constexpr auto posts = table("posts",
    column("authorId", integer()), column("createdAt", timestamp()), column("slug", text().unique()),
    index("by_author").on("authorId"),
    index("by_author_date").on("authorId", "createdAt"),
    index("by_author_date_again").on("authorId", "createdAt"),
    index("by_slug").on("slug"), index("by_id").on("id"), unique_index("one_per_day").on("createdAt", "authorId"));
// CHECK-MESSAGES: :[[@LINE-4]]:11: warning: index 'by_author' (authorId) of 'posts' is redundant: the longer index 'by_author_date' (authorId, createdAt) serves every lookup it serves; remove it (each index slows every write) [orm-redundant-index]
// CHECK-MESSAGES: :[[@LINE-3]]:11: warning: index 'by_author_date_again' (authorId, createdAt) of 'posts' is redundant: index 'by_author_date' (authorId, createdAt) serves
// CHECK-MESSAGES: :[[@LINE-3]]:11: warning: index 'by_slug' (slug) of 'posts' is redundant: the .unique() column 'slug' serves
// CHECK-MESSAGES: :[[@LINE-4]]:40: warning: index 'by_id' (id) of 'posts' is redundant: the primary key serves
// CHECK-FIXES: {{^}}    column("authorId", integer()), column("createdAt", timestamp()), column("slug", text().unique()),
// CHECK-FIXES-NEXT: {{^}}    index("by_author_date").on("authorId", "createdAt"),
// CHECK-FIXES-NEXT: {{^}}    unique_index("one_per_day").on("createdAt", "authorId"));

// The last index goes with the comma before it.
inline constexpr auto notes = table("notes", column("n", integer()), index("by_n_m").on("n", "id"), index("by_n").on("n"));
// CHECK-MESSAGES: :[[@LINE-1]]:107: warning: index 'by_n' (n) of 'notes' is redundant
// CHECK-FIXES: {{^}}inline constexpr auto notes = table("notes", column("n", integer()), index("by_n_m").on("n", "id"));

// Must not warn: a unique index that is a prefix of a longer one enforces something.
inline constexpr auto tags = table("tags", column("name", text()), column("lang", text()),
                                   unique_index("by_name").on("name"), index("by_name_lang").on("name", "lang"));
inline constexpr auto schema = define_schema(tables(posts, notes, tags));
