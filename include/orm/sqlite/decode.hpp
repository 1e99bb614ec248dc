#pragma once
// Decodes the JSON SQLite builds for each row into a node tree, typed by the query's
// shape: booleans come back as 0/1 and blobs as hex, so the shape says which is which.
// simdjson parses (docs/dependencies.md), inside orm::sqlite's one compiled file
// (src/sqlite/decode.cpp): its header stays out of the users' translation units.
#include <memory>
#include <string_view>

#include <orm/sqlite/node.hpp>
#include <orm/sqlite/read_sql.hpp>

namespace orm::sqlite {

// One per connection, reused (it keeps the parser's buffers); not for two threads at once.
class row_decoder {
 public:
  row_decoder();
  ~row_decoder();
  row_decoder(row_decoder&&) noexcept;
  row_decoder& operator=(row_decoder&&) noexcept;

  // A row that does not fit `s` is an orm::sqlite::error naming what is wrong.
  node decode(std::string_view json, const shape& s);

 private:
  class parser;
  std::unique_ptr<parser> parser_;
};

// Whether `text` is valid UTF-8 (a read returns text inside JSON, which holds UTF-8 only).
bool is_utf8(std::string_view text);

}  // namespace orm::sqlite
