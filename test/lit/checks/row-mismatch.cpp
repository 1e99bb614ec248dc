// orm-row-mismatch: a find_*<T>, aggregate<T> or returning<T> whose struct T cannot hold the rows it reads
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

// db.returning<T>(): the rows a write wrote are the table's columns only.
struct returned_post {
  std::optional<std::string> title;
  std::vector<name_only> comments;
// CHECK-MESSAGES: :[[@LINE-1]]:26: error: field 'comments' of 'returned_post' is no column of 'posts', and a write returns the columns of the rows it wrote; read what they relate to with a find after the write [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE+14]]:33: note: rows written to 'posts' are returned as 'returned_post' here
// AFTER: :[[@LINE-3]]:26: error: field 'comments' of 'returned_post' is no column
};
struct returned_user {
  std::optional<std::string> nme;
// CHECK-MESSAGES: :[[@LINE-1]]:30: error: field 'nme' of 'returned_user' names no column, relation or variant alias of table 'users'; did you mean 'name'? [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE+39]]:42: note: rows written to 'users' are returned as 'returned_user' here
// CHECK-FIXES: {{^}}  std::optional<std::string> name;
  std::int64_t posts_count;
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: field 'posts_count' of 'returned_user' is no column of 'users', and a write returns the columns of the rows it wrote; read what they relate to with a find after the write [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE+35]]:42: note: rows written to 'users' are returned as 'returned_user' here
// AFTER: :[[@LINE-3]]:16: error: field 'posts_count' of 'returned_user' is no column
};
void retitles(database& db) {
  db.returning<returned_post>().update(app::schema, "posts", {{"title", "new"}}, eq("authorId", 1));
}
struct returned_email {
  std::string email;
// CHECK-MESSAGES: :[[@LINE-1]]:15: error: field 'email' of 'returned_email' is std::string, and column 'users.email' can be NULL; make it std::optional<std::string> [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE+27]]:43: note: rows written to 'users' are returned as 'returned_email' here
// CHECK-FIXES: {{^}}  std::optional<std::string> email;
};
// insert_many and upsert: T judged whether the rows are seen or not (with the first row
// when they are), and a field refused by two calls reported once.
struct imported_post {
  std::optional<std::string> titl;
// CHECK-MESSAGES: :[[@LINE-1]]:30: error: field 'titl' of 'imported_post' names no column, relation or variant alias of table 'posts'; did you mean 'title'? [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE+11]]:33: note: rows written to 'posts' are returned as 'imported_post' here
// CHECK-FIXES: {{^}}  std::optional<std::string> title;
};
struct signed_up {
  std::int64_t id;
  std::int64_t name;
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: field 'name' of 'signed_up' is std::int64_t, which cannot hold text column 'users.name'; make it std::optional<std::string> [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE+5]]:64: note: rows written to 'users' are returned as 'signed_up' here
// CHECK-FIXES: {{^}}  std::optional<std::string> name;
};
void imports(database& db, const std::vector<fields>& rows) {
  db.returning<imported_post>().insert_many(app::schema, "posts", rows);
  db.returning<signed_up>().insert_many(app::schema, "users", {{{"name", "a"}}, {{"name", "b"}}});
  db.returning<signed_up>().upsert(app::schema, "users", {{"name", "a"}, {"email", "a@x"}}, {.on = {"email"}});
}
// In a function template, judged in its instantiation.
template <class Db>
void signs_up(Db& db) {
  db.template returning<returned_user>().insert(app::schema, "users", {{"name", "Ann"}});
  db.template returning<returned_email>().remove(app::schema, "users", eq("name", "Ann"));
}
template void signs_up(database&);

// find_page<T>: its cursors are read from T's fields, the order's columns and the id.
struct page_row {
  std::optional<std::string> title;
};
void pages(database& db, const std::vector<order>& chosen) {
  db.query(app::schema, app::posts).find_page<page_row>({.order_by = {asc("title")}, .limit = 10});
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: find_page makes its cursors from the order's columns, and 'page_row' has no field 'id' to read one from; add the field [orm-row-mismatch]
// AFTER: :[[@LINE-2]]:3: error: find_page makes its cursors
  db.query(app::schema, app::posts).find_page<page_row>({.order_by = {desc("authorId"), asc("id")}, .limit = 10});
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: find_page makes its cursors from the order's columns, and 'page_row' has no field 'authorId' to read one from; add the field [orm-row-mismatch]
// CHECK-MESSAGES: :[[@LINE-2]]:3: error: find_page makes its cursors from the order's columns, and 'page_row' has no field 'id' to read one from; add the field [orm-row-mismatch]
// AFTER: :[[@LINE-3]]:3: error: find_page makes its cursors
// AFTER: :[[@LINE-4]]:3: error: find_page makes its cursors
  // Not judged: an order built elsewhere.
  db.query(app::schema, app::posts).find_page<page_row>({.order_by = chosen, .limit = 10});
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
  db.query(app::schema, app::users).find_page<author_row>({.order_by = {desc("email")}, .limit = 5});
  db.returning<author_row>().update(app::schema, "users", {{"name", "Bo"}}, eq("email", "bo@example.com"));
  db.returning<timed_post>().insert(app::schema, "posts", {{"title", "Hi"}, {"authorId", 1}});
}
