// orm-row-mismatch: a find_*<T> whose struct T cannot hold the rows it reads
// RUN: %exit1 %ormlint --checks=-*,orm-row-mismatch %s -- %cxxflags -I%S/Inputs | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
// RUN: cp %s %t.cpp && %exit1 %ormlint --checks=-*,orm-row-mismatch --fix %t.cpp -- %cxxflags -I%S/Inputs > /dev/null
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
// RUN: %exit1 %ormlint --checks=-*,orm-row-mismatch %t.cpp -- %cxxflags -I%S/Inputs | FileCheck %s -check-prefix=AFTER -implicit-check-not='{{warning|error}}:'
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "query_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

struct comment_row {
  std::optional<std::string> bdy;
// CHECK-MESSAGES: :[[@LINE-1]]:30: error: field 'bdy' of 'comment_row' names no column, relation or variant alias of table 'comments'; did you mean 'body'? [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE+16]]:10: note: rows of 'posts' are read into 'post_row' here
// CHECK-FIXES: {{^}}  std::optional<std::string> body;
};

struct post_row {
  std::string title;
// CHECK-MESSAGES: :[[@LINE-1]]:15: error: field 'title' of 'post_row' is std::string, and column 'posts.title' can be NULL; make it std::optional<std::string> [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE+9]]:10: note: rows of 'posts' are read into 'post_row' here
// CHECK-FIXES: {{^}}  std::optional<std::string> title;
  std::optional<int> authorId;
// CHECK-MESSAGES: :[[@LINE-1]]:22: error: field 'authorId' of 'post_row' is std::optional<std::int32_t>, which cannot hold every value of id column 'posts.authorId'; make it std::optional<std::int64_t> [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE+5]]:10: note: rows of 'posts' are read into 'post_row' here
// CHECK-FIXES: {{^}}  std::optional<std::int64_t> authorId;
  std::vector<comment_row> comments;
};
std::vector<post_row> recent(database& db) {
  return db.query(app::schema, app::posts).find_many<post_row>({.limit = 10});
}

struct user_row {
  std::optional<std::string> name;
  std::optional<std::vector<post_row>> posts;
// CHECK-MESSAGES: :[[@LINE-1]]:40: error: field 'posts' of 'user_row' is std::optional<std::vector<post_row>>, and many() relation 'users.posts' loads any number of rows; make it std::vector<post_row> [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE+4]]:10: note: rows of 'users' are read into 'user_row' here
// CHECK-FIXES: {{^}}  std::vector<post_row> posts;
};
auto everyone(database& db) {
  return db.query(app::schema, app::users).find_many<user_row>();
}

struct name_only {
  std::optional<std::string> name;
};
struct email_as_time {
  std::optional<std::chrono::sys_seconds> email;
// CHECK-MESSAGES: :[[@LINE-1]]:43: error: field 'email' of 'email_as_time' is std::optional<std::chrono::sys_time<...>>, which cannot hold text column 'users.email'; make it std::optional<std::string> [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE+3]]:3: note: rows of 'users' are read into 'email_as_time' here
};
void reads_time(database& db) {
  db.query(app::schema, app::users).find_many<email_as_time>();
}
void loads_unheld(database& db) {
  db.query(app::schema, app::users).find_first<name_only>({.with = {{"posts", {}}}});
// CHECK-MESSAGES: :[[@LINE-1]]:70: error: `with` loads 'posts', and 'name_only' has no field 'posts' to hold it; add the field or drop the load [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: rows of 'users' are read into 'name_only' here
// AFTER: :[[@LINE-3]]:70: error: `with` loads 'posts'
}

// Must not warn: every field fits, node rows, a struct the rows read into through a
// one() that may be missing (optional), and the runtime's own node reads.
struct author_row {
  std::int64_t id;
  std::optional<std::string> email;
};
struct good_post {
  std::optional<std::string> title;
  std::optional<std::int64_t> createdAt;
  std::optional<author_row> author;
};
struct timed_post {
  std::optional<std::chrono::sys_seconds> createdAt;
  orm::renamed<"title", std::optional<std::string>> heading;  // reads column 'title'
};
struct renamed_wrong {
  orm::renamed<"titel", std::optional<std::string>> heading;
// CHECK-MESSAGES: :[[@LINE-1]]:53: error: field 'titel' of 'renamed_wrong' names no column, relation or variant alias of table 'posts'; did you mean 'title'? [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE+4]]:3: note: rows of 'posts' are read into 'renamed_wrong' here
// CHECK-FIXES: {{^}}  orm::renamed<"title", std::optional<std::string>> heading;
};
void reads_renamed(database& db) {
  db.query(app::schema, app::posts).find_many<renamed_wrong>({.limit = 1});
}
void fine(database& db) {
  db.query(app::schema, app::posts).find_many<good_post>({.limit = 5});
  db.query(app::schema, app::posts).find_many<timed_post>({.limit = 5});
  db.query(app::schema, app::posts).find_many({.limit = 5});
}
