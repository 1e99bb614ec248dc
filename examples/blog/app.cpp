// Migrates a blog database file, writes a few rows, and prints users with their posts,
// each post's comments and tags, in one query (one SQL statement).
//   blog_app [database file]     (default: blog.db, recreated on every run)
#include <cstdio>
#include <filesystem>
#include <string>

#include <orm/sqlite.hpp>

#include "schema.hpp"

namespace {
using orm::sqlite::node;

void print(const node& n, int indent) {
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  switch (n.type()) {
    case node::kind::object:
      for (const auto& [key, value] : n.fields()) {
        const bool nested = value.is_object() || value.is_array();
        std::printf("%s%s:%s", pad.c_str(), key.c_str(), nested ? "\n" : " ");
        if (nested) print(value, indent + 1);
        else print(value, 0);
      }
      break;
    case node::kind::array:
      if (n.size() == 0) std::printf("%s[]\n", pad.c_str());
      for (const node& item : n) {
        std::printf("%s-\n", pad.c_str());
        print(item, indent + 1);
      }
      break;
    case node::kind::null: std::printf("null\n"); break;
    case node::kind::boolean: std::printf("%s\n", n.as_boolean() ? "true" : "false"); break;
    case node::kind::integer: std::printf("%lld\n", static_cast<long long>(n.as_integer())); break;
    case node::kind::real: std::printf("%g\n", n.as_real()); break;
    default: std::printf("%s\n", n.as_text().c_str()); break;
  }
}
}  // namespace

int main(int argc, char** argv) {
  using namespace orm::sqlite;
  const std::string path = argc > 1 ? argv[1] : "blog.db";
  std::filesystem::remove(path);
  database db(path);
  db.migrate(blog::schema);

  const auto ann = db.insert(blog::schema, "users", {{"name", "Ann"}, {"email", "ann@example.com"}});
  const auto bob = db.insert(blog::schema, "users", {{"name", "Bob"}, {"email", "bob@example.com"}, {"managerId", ann}});
  const auto post = db.insert(blog::schema, "posts", {{"title", "Hello"}, {"published", true}, {"authorId", ann}, {"reviewerId", bob}});
  db.insert(blog::schema, "posts", {{"title", "Draft"}, {"authorId", ann}});
  db.insert(blog::schema, "comments", {{"body", "Welcome!"}, {"postId", post}, {"authorId", bob}});
  const auto tag = db.insert(blog::schema, "tags", {{"name", "intro"}});
  db.insert(blog::schema, "post_tags", {{"postId", post}, {"tagId", tag}});
  db.insert(blog::schema, "audit_logs", {{"at", 1700000000}, {"action", "role_change"}, {"targetUserId", bob},
                                         {"oldRole", "member"}, {"newRole", "editor"}});

  const auto users = db.query(blog::schema, blog::users).find_many({
      .columns = only("name", "email"),
      .order_by = {asc("id")},
      .with = {{"authoredPosts", {.columns = only("title", "published"),
                                  .order_by = {asc("id")},
                                  .limit = 10,
                                  .with = {{"comments", {.columns = only("body"), .limit = 5,
                                                         .with = {{"author", {.columns = only("name")}}}}},
                                           {"tags", {.columns = only("name")}}}}},
               {"manager", {.columns = only("name")}},
               {"auditTrail", {.columns = only("action"), .limit = 5}}},
  });
  for (const node& user : users) {
    std::printf("-\n");
    print(user, 1);
  }
}
