#include "blog_schema.hpp"

#include <orm/sqlite.hpp>

auto first_users(orm::sqlite::database& db) { return db.query(blog::schema, blog::users).find_many({.limit = 5}); }
