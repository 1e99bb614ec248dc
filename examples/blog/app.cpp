// Migrates a blog database file, writes a few rows, and prints users with their posts,
// each post's comments and tags, in one query (one SQL statement), read into plain
// structs (typed rows); then reads one row as a node, the dynamic alternative.
//   blog_app [database file]                (default: blog.db, recreated on every run)
//   blog_app --postgres <connection string>  (in a schema blog_app, recreated on every run)
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <orm/postgres.hpp>
#include <orm/sqlite.hpp>

#include "schema.hpp"

namespace {

// The shape of the result: each field names a column or a relation of its table; ormlint
// (orm-row-mismatch) and the runtime check the structs against blog::schema.
struct person {
  std::string name;
};
struct comment {
  std::string body;
  std::optional<person> author;
};
struct tag {
  std::string name;
};
struct post {
  std::string title;
  bool published;
  std::vector<comment> comments;
  std::vector<tag> tags;
};
struct role_change {  // the fields of one variant of audit_logs.action, nested under "details"
  std::optional<std::int64_t> targetUserId;
  std::optional<std::string> oldRole;
  std::optional<std::string> newRole;
};
struct audit_entry {
  std::string action;
  std::optional<role_change> details;
};
struct user {
  std::string name;
  std::string email;
  std::vector<post> authoredPosts;
  std::optional<person> manager;
  std::vector<audit_entry> auditTrail;
};

// Prints any row struct by its own field names (orm::reflection), as an indented tree.
template <class T>
void print(const T& value, int indent);

void print_scalar(const std::string& s) { std::printf("%s\n", s.c_str()); }
void print_scalar(bool b) { std::printf("%s\n", b ? "true" : "false"); }
void print_scalar(std::int64_t i) { std::printf("%lld\n", static_cast<long long>(i)); }

template <class F>
void print_field(const char* name, const F& value, int indent) {
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  if constexpr (orm::reflection::is_optional<F>::value) {
    if (!value) return void(std::printf("%s%s: null\n", pad.c_str(), name));
    print_field(name, *value, indent);
  } else if constexpr (orm::reflection::is_vector<F>::value) {
    std::printf("%s%s:\n", pad.c_str(), name);
    if (value.empty()) std::printf("%s  []\n", pad.c_str());
    for (const auto& item : value) {
      std::printf("%s  -\n", pad.c_str());
      print(item, indent + 2);
    }
  } else if constexpr (orm::reflection::row_struct<F>) {
    std::printf("%s%s:\n", pad.c_str(), name);
    print(value, indent + 1);
  } else {
    std::printf("%s%s: ", pad.c_str(), name);
    print_scalar(value);
  }
}

template <class T>
void print(const T& value, int indent) {
  const auto fields = orm::reflection::tie_fields(value);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (print_field(std::string(orm::reflection::field_names<T>[I]).c_str(), std::get<I>(fields), indent), ...);
  }(std::make_index_sequence<orm::reflection::field_count<T>>());
}

// Writes the rows and prints them: the same on every backend.
template <class Database>
void run(Database& db) {
  using orm::sqlite::asc;
  using orm::sqlite::desc;
  db.migrate(blog::schema);

  const auto ann = db.insert(blog::schema, "users", {{"name", "Ann"}, {"email", "ann@example.com"}});
  const auto bob = db.insert(blog::schema, "users", {{"name", "Bob"}, {"email", "bob@example.com"}, {"managerId", ann}});
  const auto first = db.insert(blog::schema, "posts", {{"title", "Hello"}, {"published", true}, {"authorId", ann}, {"reviewerId", bob}});
  db.insert(blog::schema, "posts", {{"title", "Draft"}, {"authorId", ann}});
  db.insert(blog::schema, "comments", {{"body", "Welcome!"}, {"postId", first}, {"authorId", bob}});
  const auto intro = db.insert(blog::schema, "tags", {{"name", "intro"}});
  db.insert(blog::schema, "post_tags", {{"postId", first}, {"tagId", intro}});
  db.insert(blog::schema, "audit_logs", {{"at", 1700000000}, {"action", "role_change"}, {"targetUserId", bob},
                                         {"oldRole", "member"}, {"newRole", "editor"}});

  // The structs choose the columns and the relations; `with` bounds and orders the loads.
  const std::vector<user> users = db.query(blog::schema, blog::users).template find_many<user>({
      .order_by = {asc("id")},
      .with = {{"authoredPosts", {.order_by = {asc("id")}, .limit = 10, .with = {{"comments", {.limit = 5}}}}},
               {"auditTrail", {.limit = 5}}},
  });
  for (const user& u : users) {
    std::printf("-\n");
    print(u, 1);
  }

  // The dynamic alternative: a node tree, read by name at run time.
  const auto latest = db.query(blog::schema, blog::posts).find_first({.order_by = {desc("id")}, .with = {{"author", {}}}});
  if (latest) std::printf("latest post (node): %s by %s\n", (*latest)["title"].as_text().c_str(), (*latest)["author"]["name"].as_text().c_str());
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc > 1 && std::string(argv[1]) == "--postgres") {
    if (argc < 3) {
      std::fprintf(stderr, "usage: blog_app --postgres <connection string>  (such as \"host=/run/postgresql dbname=blog\")\n");
      return 2;
    }
    orm::postgres::database db(argv[2]);
    // A schema of its own, recreated on every run, as the SQLite file is.
    db.exec("DROP SCHEMA IF EXISTS blog_app CASCADE; CREATE SCHEMA blog_app; SET search_path TO blog_app");
    run(db);
    return 0;
  }
  const std::string path = argc > 1 ? argv[1] : "blog.db";
  std::filesystem::remove(path);
  orm::sqlite::database db(path);
  run(db);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "blog_app: %s\n", e.what());
  return 1;
}
