// The small program by hand against SQLite's C API: the same tables, inserts and nested read.
#include <sqlite3.h>

#include <cstdio>
#include <string>
#include <vector>

struct comment_row { std::string body; };
struct post_row { long long id; std::string title; std::vector<comment_row> comments; };
struct user_row { long long id; std::string name; std::vector<post_row> posts; };

static void exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::fprintf(stderr, "%s\n", message);
    sqlite3_free(message);
  }
}

static long long insert(sqlite3* db, const char* sql, const std::string& text, long long parent) {
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
  sqlite3_bind_text(s, 1, text.c_str(), -1, SQLITE_TRANSIENT);
  if (parent) sqlite3_bind_int64(s, 2, parent);
  sqlite3_step(s);
  sqlite3_finalize(s);
  return sqlite3_last_insert_rowid(db);
}

static std::string text(sqlite3_stmt* s, int i) {
  const unsigned char* t = sqlite3_column_text(s, i);
  return t ? reinterpret_cast<const char*>(t) : "";
}

int main() {
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  exec(db,
       "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
       "CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY, title TEXT NOT NULL, authorId INTEGER NOT NULL "
       "REFERENCES users(id));"
       "CREATE INDEX IF NOT EXISTS posts_by_author ON posts(authorId);"
       "CREATE TABLE IF NOT EXISTS comments (id INTEGER PRIMARY KEY, body TEXT NOT NULL, postId INTEGER NOT NULL "
       "REFERENCES posts(id));"
       "CREATE INDEX IF NOT EXISTS comments_by_post ON comments(postId);");
  const long long ann = insert(db, "INSERT INTO users (name) VALUES (?)", "Ann", 0);
  const long long post = insert(db, "INSERT INTO posts (title, authorId) VALUES (?, ?)", "Hello", ann);
  insert(db, "INSERT INTO comments (body, postId) VALUES (?, ?)", "First", post);

  std::vector<user_row> rows;
  sqlite3_stmt* users = nullptr;
  sqlite3_stmt* posts = nullptr;
  sqlite3_stmt* comments = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, name FROM users ORDER BY id LIMIT 10", -1, &users, nullptr);
  sqlite3_prepare_v2(db, "SELECT id, title FROM posts WHERE authorId = ? ORDER BY id LIMIT 10", -1, &posts, nullptr);
  sqlite3_prepare_v2(db, "SELECT body FROM comments WHERE postId = ? ORDER BY id LIMIT 10", -1, &comments, nullptr);
  while (sqlite3_step(users) == SQLITE_ROW) {
    user_row& u = rows.emplace_back(user_row{sqlite3_column_int64(users, 0), text(users, 1), {}});
    sqlite3_bind_int64(posts, 1, u.id);
    while (sqlite3_step(posts) == SQLITE_ROW) {
      post_row& p = u.posts.emplace_back(post_row{sqlite3_column_int64(posts, 0), text(posts, 1), {}});
      sqlite3_bind_int64(comments, 1, p.id);
      while (sqlite3_step(comments) == SQLITE_ROW) p.comments.push_back({text(comments, 0)});
      sqlite3_reset(comments);
    }
    sqlite3_reset(posts);
  }
  sqlite3_finalize(users);
  sqlite3_finalize(posts);
  sqlite3_finalize(comments);
  for (const user_row& u : rows)
    for (const post_row& p : u.posts)
      for (const comment_row& c : p.comments) std::printf("%s %s %s\n", u.name.c_str(), p.title.c_str(), c.body.c_str());
  sqlite3_close(db);
  return 0;
}
