#pragma once
// A result row as a tree: a table's columns, nested one() objects (or null), many()
// arrays, and a discriminator's variant fields nested under its alias.
//
// Compact, because a large read holds one node per value: 16 bytes, the scalar inline,
// anything larger behind one pointer. The rows of one result share their list of keys
// (an object stores its values only, and a pointer to the keys), so a row costs about
// twice a plain struct of the same columns (bench/row_memory.cpp, docs/performance.md).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <orm/runtime/errors.hpp>

namespace orm::runtime {

class node {
 public:
  enum class kind : unsigned char { null, boolean, integer, real, text, bytes, array, object };
  using key_list = std::vector<std::string>;

  node() noexcept { value_.integer = 0; }
  node(const node& other) : kind_(other.kind_) { copy_from(other); }
  node(node&& other) noexcept : kind_(std::exchange(other.kind_, kind::null)), value_(other.value_) {}
  node& operator=(const node& other) {
    if (this != &other) {
      node copy(other);
      *this = std::move(copy);
    }
    return *this;
  }
  node& operator=(node&& other) noexcept {
    if (this != &other) {
      if (owns_storage()) release();
      kind_ = std::exchange(other.kind_, kind::null);
      value_ = other.value_;
    }
    return *this;
  }
  // Inline for the nodes that own nothing (scalars, null, moved-from ones): most nodes a
  // read destroys; only the others call release().
  ~node() {
    if (owns_storage()) release();
  }

  static node make(kind k) {
    node n;
    n.kind_ = k;
    if (k == kind::text || k == kind::bytes) n.value_.text = new std::string();
    if (k == kind::array) n.value_.items = new std::vector<node>();
    if (k == kind::object) n.value_.object = new object_body();
    return n;
  }
  // An object whose keys will be `keys`, in order: the rows of one result share them.
  static node object_with_keys(std::shared_ptr<key_list> keys) {
    node n = make(kind::object);
    n.value_.object->values.reserve(keys ? keys->size() : 0);
    n.value_.object->keys = std::move(keys);
    return n;
  }
  static node of_integer(std::int64_t i) { node n; n.kind_ = kind::integer; n.value_.integer = i; return n; }
  static node of_boolean(bool b) { node n; n.kind_ = kind::boolean; n.value_.integer = b; return n; }
  static node of_real(double d) { node n; n.kind_ = kind::real; n.value_.real = d; return n; }
  static node of_text(std::string s, kind k = kind::text) {
    node n;
    n.kind_ = k;
    n.value_.text = new std::string(std::move(s));
    return n;
  }

  kind type() const { return kind_; }
  bool is_null() const { return kind_ == kind::null; }
  bool is_array() const { return kind_ == kind::array; }
  bool is_object() const { return kind_ == kind::object; }

  std::int64_t as_integer() const { expect(kind_ == kind::integer || kind_ == kind::boolean, "an integer"); return value_.integer; }
  bool as_boolean() const { expect(kind_ == kind::boolean || kind_ == kind::integer, "a boolean"); return value_.integer != 0; }
  double as_real() const {
    expect(kind_ == kind::real || kind_ == kind::integer, "a number");
    return kind_ == kind::real ? value_.real : static_cast<double>(value_.integer);
  }
  const std::string& as_text() const { expect(kind_ == kind::text || kind_ == kind::bytes, "text"); return *value_.text; }
  // The text (or bytes) moved out; the node keeps an empty string.
  std::string take_text() && { expect(kind_ == kind::text || kind_ == kind::bytes, "text"); return std::move(*value_.text); }

  // Arrays (every other kind reads as an empty array).
  std::size_t size() const { return items().size(); }
  const node& operator[](std::size_t i) const { expect(kind_ == kind::array && i < items().size(), "an array element"); return items()[i]; }
  auto begin() const { return items().begin(); }
  auto end() const { return items().end(); }
  void push_back(node n) {
    expect(kind_ == kind::array, "an array");
    value_.items->push_back(std::move(n));
  }

  // Objects: keys in the order the query selected them.
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  const node& operator[](std::string_view key) const {
    const node* n = find(key);
    if (!n) throw schema_error("the row has no field '" + std::string(key) + "'");
    return *n;
  }
  // An object's value of `key`, to be replaced (a relation's rows, loaded after the row).
  node& at(std::string_view key) { return const_cast<node&>(std::as_const(*this)[key]); }
  void add(std::string_view key, node n) {
    expect(kind_ == kind::object, "an object");
    object_body& o = *value_.object;
    const std::size_t i = o.values.size();
    if (!o.keys || o.keys->size() <= i || (*o.keys)[i] != key) {
      // Not the shared key list's next key: this object gets a list of its own (copied
      // only while shared).
      if (!o.keys) o.keys = std::make_shared<key_list>();
      else if (o.keys.use_count() > 1 || o.keys->size() > i)
        o.keys = std::make_shared<key_list>(o.keys->begin(), o.keys->begin() + static_cast<std::ptrdiff_t>(i));
      o.keys->emplace_back(key);
    }
    o.values.push_back(std::move(n));
  }
  // The object's keys, shared with the other rows of its result; null for other kinds.
  const std::shared_ptr<key_list>& keys() const {
    static const std::shared_ptr<key_list> none;
    return kind_ == kind::object ? value_.object->keys : none;
  }

  // An object's (key, value) pairs, in order; empty for other kinds.
  class field_view {
   public:
    class iterator {
     public:
      iterator(const key_list* keys, const node* values, std::size_t i) : keys_(keys), values_(values), i_(i) {}
      std::pair<const std::string&, const node&> operator*() const { return {(*keys_)[i_], values_[i_]}; }
      iterator& operator++() { ++i_; return *this; }
      bool operator!=(const iterator& other) const { return i_ != other.i_; }
      bool operator==(const iterator& other) const { return i_ == other.i_; }

     private:
      const key_list* keys_;
      const node* values_;
      std::size_t i_;
    };
    explicit field_view(const node& n) : n_(n) {}
    std::size_t size() const { return n_.is_object() ? n_.value_.object->values.size() : 0; }
    bool empty() const { return size() == 0; }
    iterator begin() const { return at(0); }
    iterator end() const { return at(size()); }

   private:
    iterator at(std::size_t i) const {
      if (!n_.is_object()) return {nullptr, nullptr, 0};
      return {n_.value_.object->keys.get(), n_.value_.object->values.data(), i};
    }
    const node& n_;
  };
  field_view fields() const { return field_view(*this); }

 private:
  struct object_body {
    std::shared_ptr<key_list> keys;
    std::vector<node> values;
  };

  const std::vector<node>& items() const {
    static const std::vector<node> none;
    return kind_ == kind::array ? *value_.items : none;
  }
  const node* find(std::string_view key) const {
    if (kind_ != kind::object || !value_.object->keys) return nullptr;
    const object_body& o = *value_.object;
    for (std::size_t i = 0; i < o.values.size(); ++i)
      if ((*o.keys)[i] == key) return &o.values[i];
    return nullptr;
  }
  void expect(bool ok, const char* what) const {
    if (!ok) throw schema_error(std::string("the value is not ") + what);
  }

  void copy_from(const node& other) {
    switch (kind_) {
      case kind::text:
      case kind::bytes: value_.text = new std::string(*other.value_.text); break;
      case kind::array: value_.items = new std::vector<node>(*other.value_.items); break;
      case kind::object: value_.object = new object_body(*other.value_.object); break;
      default: value_ = other.value_;
    }
  }
  bool owns_storage() const noexcept { return kind_ >= kind::text; }  // text, bytes, array, object
  void release() noexcept {
    switch (kind_) {
      case kind::text:
      case kind::bytes: delete value_.text; break;
      case kind::array: delete value_.items; break;
      case kind::object: delete value_.object; break;
      default: break;
    }
    kind_ = kind::null;
  }

  kind kind_ = kind::null;
  union payload {
    std::int64_t integer;
    double real;
    std::string* text;
    std::vector<node>* items;
    object_body* object;
  } value_;
};

}  // namespace orm::runtime
