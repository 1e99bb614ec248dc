#pragma once
// A result row as a tree: a table's columns, nested one() objects (or null), many()
// arrays, and a discriminator's variant fields nested under its alias.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <orm/sqlite/errors.hpp>

namespace orm::sqlite {

class node {
 public:
  enum class kind : unsigned char { null, boolean, integer, real, text, bytes, array, object };

  static node make(kind k) { node n; n.kind_ = k; return n; }
  static node of_integer(std::int64_t i) { node n = make(kind::integer); n.integer_ = i; return n; }
  static node of_boolean(bool b) { node n = make(kind::boolean); n.integer_ = b; return n; }
  static node of_real(double d) { node n = make(kind::real); n.real_ = d; return n; }
  static node of_text(std::string s, kind k = kind::text) { node n = make(k); n.text_ = std::move(s); return n; }

  kind type() const { return kind_; }
  bool is_null() const { return kind_ == kind::null; }
  bool is_array() const { return kind_ == kind::array; }
  bool is_object() const { return kind_ == kind::object; }

  std::int64_t as_integer() const { expect(kind_ == kind::integer || kind_ == kind::boolean, "an integer"); return integer_; }
  bool as_boolean() const { expect(kind_ == kind::boolean || kind_ == kind::integer, "a boolean"); return integer_ != 0; }
  double as_real() const {
    expect(kind_ == kind::real || kind_ == kind::integer, "a number");
    return kind_ == kind::real ? real_ : static_cast<double>(integer_);
  }
  const std::string& as_text() const { expect(kind_ == kind::text || kind_ == kind::bytes, "text"); return text_; }

  // Arrays.
  std::size_t size() const { return items_.size(); }
  const node& operator[](std::size_t i) const { expect(kind_ == kind::array && i < items_.size(), "an array element"); return items_[i]; }
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }
  void push_back(node n) { items_.push_back(std::move(n)); }

  // Objects: keys in the order the query selected them.
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  const node& operator[](std::string_view key) const {
    const node* n = find(key);
    if (!n) throw schema_error("the row has no field '" + std::string(key) + "'");
    return *n;
  }
  const std::vector<std::pair<std::string, node>>& fields() const { return fields_; }
  void add(std::string key, node n) { fields_.emplace_back(std::move(key), std::move(n)); }

 private:
  const node* find(std::string_view key) const {
    for (const auto& [k, v] : fields_)
      if (k == key) return &v;
    return nullptr;
  }
  void expect(bool ok, const char* what) const {
    if (!ok) throw schema_error(std::string("the value is not ") + what);
  }

  kind kind_ = kind::null;
  std::int64_t integer_ = 0;
  double real_ = 0;
  std::string text_;
  std::vector<node> items_;
  std::vector<std::pair<std::string, node>> fields_;
};

}  // namespace orm::sqlite
