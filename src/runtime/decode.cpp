// The runtime's result decoder, compiled once into orm::runtime (under both backends): simdjson's header costs
// about 2 s of parsing, which users' translation units no longer pay (docs/performance.md).
#include <orm/runtime/decode.hpp>

#include <charconv>
#include <cstring>
#include <type_traits>
#include <cmath>
#include <string>
#include <system_error>

#include <simdjson.h>

namespace orm::runtime {

class row_decoder::parser {
 public:
  simdjson::dom::element parse(std::string_view json) {
    simdjson::dom::element root;
    if (const auto error = parser_.parse(json.data(), json.size()).get(root)) throw error_for(error);
    return root;
  }

  node nested(std::string_view json, const shape& rows) {
    const simdjson::dom::element root = parse(json);
    try {
      if (root.is_null()) return node();
      if (!root.is_array()) return object(root, rows);
      node items = node::make(node::kind::array);
      for (auto item : simdjson::dom::array(root)) items.push_back(object(item, rows));
      return items;
    } catch (const simdjson::simdjson_error& e) {
      throw error_for(e.error());
    }
  }

  node decode(std::string_view json, const shape& s) {
    simdjson::dom::element root;
    if (const auto error = parser_.parse(json.data(), json.size()).get(root)) throw error_for(error);
    try {
      return object(root, s);
    } catch (const simdjson::simdjson_error& e) {  // a shape the checks below missed: still the runtime's error
      throw error_for(e.error());
    }
  }

  static runtime::error error_for(simdjson::error_code e) {
    return runtime::error(std::string("cannot decode a result row: ") + simdjson::error_message(e));
  }

  static node generic(simdjson::dom::element e) {
    switch (e.type()) {
      case simdjson::dom::element_type::NULL_VALUE: return node();
      case simdjson::dom::element_type::BOOL: return node::of_boolean(bool(e));
      case simdjson::dom::element_type::INT64: return node::of_integer(int64_t(e));
      case simdjson::dom::element_type::UINT64: return node::of_integer(static_cast<std::int64_t>(uint64_t(e)));
      case simdjson::dom::element_type::DOUBLE: return node::of_real(double(e));
      case simdjson::dom::element_type::STRING: return node::of_text(std::string(std::string_view(e)));
      case simdjson::dom::element_type::ARRAY: {
        node n = node::make(node::kind::array);
        for (auto item : simdjson::dom::array(e)) n.push_back(generic(item));
        return n;
      }
      case simdjson::dom::element_type::OBJECT: {
        node n = node::make(node::kind::object);
        for (auto field : simdjson::dom::object(e)) n.add(std::string(field.key), generic(field.value));
        return n;
      }
    }
    return node();
  }

  static int hex_digit(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

  // One column's value. What the column's type cannot hold (a value written behind the
  // runtime's back) is an error naming the table and column, never simdjson's.
  static node scalar(simdjson::dom::element e, column_kind kind, std::string_view table, std::string_view column) {
    if (e.is_null()) return node();
    const auto refuse = [&](const char* what) {
      std::string held = e.is_string() ? "text '" + std::string(std::string_view(e)) + "'" : "a value of another type";
      return runtime::error("'" + std::string(table) + "." + std::string(column) + "' holds " + held + ", which is not " + what);
    };
    switch (kind) {
      case column_kind::boolean:
        if (e.is_bool()) return node::of_boolean(bool(e));  // PostgreSQL's JSON; SQLite's is 0/1
        if (!e.is_int64()) throw refuse("a boolean");
        return node::of_boolean(int64_t(e) != 0);
      case column_kind::integer:
      case column_kind::id:
      case column_kind::timestamp:
        if (!e.is_int64()) throw refuse("an integer");
        return node::of_integer(int64_t(e));
      case column_kind::bytes: {
        if (!e.is_string()) throw refuse("bytes");
        const std::string_view hex = e;
        std::string bytes;
        for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
          bytes.push_back(static_cast<char>(hex_digit(hex[i]) * 16 + hex_digit(hex[i + 1])));
        return node::of_text(std::move(bytes), node::kind::bytes);
      }
      case column_kind::real: {
        if (e.is_int64()) return node::of_real(static_cast<double>(int64_t(e)));
        if (e.is_double()) return node::of_real(double(e));
        // printf('%!.17g'): enough digits to give back the same bits; "Inf" for infinities;
        // "<digits>p<k>" for a large real scaled by 2^-k (read_sql.hpp's value_expression).
        const std::string_view text = e.is_string() ? std::string_view(e) : std::string_view();
        const char* const last = text.data() + text.size();
        double value = 0;
        const auto [end, error] = std::from_chars(text.data(), last, value);
        int scale = 0;
        const bool scaled = end != last && *end == 'p' && std::from_chars(end + 1, last, scale).ptr == last;
        if (text.empty() || error != std::errc() || (end != last && !scaled)) throw refuse("a real");
        return node::of_real(scaled ? std::ldexp(value, scale) : value);
      }
      default: return generic(e);
    }
  }

  static node object(simdjson::dom::element e, const shape& s) {
    if (!e.is_object())  // a row, or a loaded relation's row, is always an object
      throw runtime::error("cannot decode a result row of '" + s.table + "': expected an object");
    node n = node::object_with_keys(s.row_keys);
    for (auto field : simdjson::dom::object(e)) {
      const std::string_view key = field.key;
      if (const column_kind* kind = s.kind_of(key)) {
        n.add(key, scalar(field.value, *kind, s.table, key));
      } else if (const shape* child = s.child(key)) {
        if (field.value.is_array()) {
          node items = node::make(node::kind::array);
          for (auto item : simdjson::dom::array(field.value)) items.push_back(object(item, *child));
          n.add(key, std::move(items));
        } else {
          n.add(key, field.value.is_null() ? node() : object(field.value, *child));
        }
      } else {
        n.add(key, generic(field.value));
      }
    }
    if (n.keys() != s.row_keys) s.row_keys = n.keys();
    return n;
  }

  simdjson::dom::parser parser_;
};


namespace {
static_assert(sizeof(simdjson::dom::element) <= 16 && std::is_trivially_copyable_v<simdjson::dom::element>);

simdjson::dom::element element_of(const unsigned char* raw) {
  simdjson::dom::element e;
  std::memcpy(static_cast<void*>(&e), raw, sizeof e);
  return e;
}
}  // namespace

template <>
json_value row_decoder::wrap(const simdjson::dom::element& e) {
  json_value v;
  std::memcpy(v.element_, static_cast<const void*>(&e), sizeof e);
  return v;
}

bool json_value::is_null() const { return element_of(element_).is_null(); }

node json_value::column(column_kind kind, std::string_view table, std::string_view column) const {
  try {
    return row_decoder::parser::scalar(element_of(element_), kind, table, column);
  } catch (const simdjson::simdjson_error& e) {
    throw row_decoder::parser::error_for(e.error());
  }
}

std::optional<json_value> json_value::member(std::string_view key) const {
  const simdjson::dom::element e = element_of(element_);
  if (!e.is_object()) return std::nullopt;
  simdjson::dom::element found;
  if (simdjson::dom::object(e).at_key(key).get(found)) return std::nullopt;
  return row_decoder::wrap(found);
}

std::vector<json_value> json_value::items() const {
  const simdjson::dom::element e = element_of(element_);
  std::vector<json_value> out;
  if (!e.is_array()) return out;
  for (simdjson::dom::element item : simdjson::dom::array(e)) out.push_back(row_decoder::wrap(item));
  return out;
}

row_decoder::row_decoder() : parser_(std::make_unique<parser>()) {}
row_decoder::~row_decoder() = default;
row_decoder::row_decoder(row_decoder&&) noexcept = default;
row_decoder& row_decoder::operator=(row_decoder&&) noexcept = default;

node row_decoder::decode(std::string_view json, const shape& s) { return parser_->decode(json, s); }

json_value row_decoder::parse(std::string_view json) { return wrap(parser_->parse(json)); }

node row_decoder::decode_nested(std::string_view json, const shape& rows) { return parser_->nested(json, rows); }

bool is_utf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

}  // namespace orm::runtime
