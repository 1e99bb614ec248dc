#pragma once
// Decodes the JSON SQLite builds for each row into a node tree, typed by the query's
// shape: booleans come back as 0/1 and blobs as hex, so the shape says which is which.
// simdjson parses (docs/dependencies.md), inside orm::sqlite's one compiled file
// (src/runtime/decode.cpp): its header stays out of the users' translation units.
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include <orm/runtime/node.hpp>
#include <orm/runtime/read_plan.hpp>

namespace orm::runtime {

// A value inside a parsed row, for decoding into structs (sqlite/typed_rows.hpp): valid
// until its decoder parses the next row.
class json_value {
 public:
  bool is_null() const;
  // A column's value, read as the column's kind says (booleans are 0/1, bytes are hex,
  // reals may be text of 17 digits): the same rules as a node's. What the kind cannot
  // hold is an orm::runtime::error naming `table.column`.
  node column(column_kind kind, std::string_view table, std::string_view column) const;
  // An object's member; nullopt when the object has none (or this is not an object).
  std::optional<json_value> member(std::string_view key) const;
  // An array's items; empty for anything else.
  std::vector<json_value> items() const;

 private:
  friend class row_decoder;
  alignas(8) unsigned char element_[16];  // a simdjson::dom::element, opaque here
};

// One per connection, reused (it keeps the parser's buffers); not for two threads at once.
class row_decoder {
 public:
  row_decoder();
  ~row_decoder();
  row_decoder(row_decoder&&) noexcept;
  row_decoder& operator=(row_decoder&&) noexcept;

  // A row that does not fit `s` is an orm::runtime::error naming what is wrong.
  node decode(std::string_view json, const shape& s);
  // A loaded relation's or a variant alias's JSON (an array of rows, a row, or null),
  // decoded with the shape of its rows.
  node decode_nested(std::string_view json, const shape& rows);
  // The row parsed, to be read field by field; valid until the next parse or decode.
  json_value parse(std::string_view json);

 private:
  friend class json_value;
  class parser;
  template <class Element>
  static json_value wrap(const Element& e);
  std::unique_ptr<parser> parser_;
};

// Whether `text` is valid UTF-8 (a read returns text inside JSON, which holds UTF-8 only).
bool is_utf8(std::string_view text);

}  // namespace orm::runtime
