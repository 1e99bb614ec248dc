#pragma once
// A value the runtime binds as a parameter: owning, unlike the DSL's constexpr orm::value.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orm::sqlite {

struct blob {
  std::string bytes;  // any bytes, NUL included
};

class param {
 public:
  enum class kind : unsigned char { null, boolean, integer, real, text, bytes };

  param() = default;
  param(std::nullptr_t) {}
  param(bool b) : kind_(kind::boolean), integer_(b) {}
  param(int i) : kind_(kind::integer), integer_(i) {}
  param(long i) : kind_(kind::integer), integer_(i) {}
  param(long long i) : kind_(kind::integer), integer_(i) {}
  param(double d) : kind_(kind::real), real_(d) {}
  param(const char* s) : kind_(kind::text), text_(s) {}
  param(std::string s) : kind_(kind::text), text_(std::move(s)) {}
  param(std::string_view s) : kind_(kind::text), text_(s) {}
  param(blob b) : kind_(kind::bytes), text_(std::move(b.bytes)) {}

  kind type() const { return kind_; }
  bool is_null() const { return kind_ == kind::null; }
  std::int64_t integer() const { return integer_; }
  double real() const { return real_; }
  const std::string& text() const { return text_; }  // text, or the bytes of a blob

  friend bool operator==(const param&, const param&) = default;

 private:
  kind kind_ = kind::null;
  std::int64_t integer_ = 0;
  double real_ = 0;
  std::string text_;
};

// Column values of one row to write: {{"name", "ann"}, {"age", 3}}.
using fields = std::vector<std::pair<std::string, param>>;

}  // namespace orm::sqlite
