#pragma once
// A value the runtime binds as a parameter: owning, unlike the DSL's constexpr orm::value.
#include <chrono>
#include <concepts>
#include <cstdint>
#include <limits>
#include <ratio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <orm/runtime/errors.hpp>

namespace orm::runtime {

struct blob {
  std::string bytes;  // any bytes, NUL included
};

class param {
 public:
  // add and now are computed by the database when the row is written (orm::add,
  // orm::sub, orm::now below): values of a written column only, never of a filter.
  enum class kind : unsigned char { null, boolean, integer, real, text, bytes, add, now };

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

  // orm::add: the amount, an integer or a real parameter.
  param amount() const { return real_amount_ ? param(real_) : param(static_cast<long long>(integer_)); }
  bool adds_real() const { return real_amount_; }
  // orm::now: the unit its integer counts, as std::ratio's num / den seconds.
  std::int64_t unit_num() const { return integer_; }
  std::int64_t unit_den() const { return unit_den_; }

  static param added(std::int64_t amount) {
    param p;
    p.kind_ = kind::add;
    p.integer_ = amount;
    return p;
  }
  static param added(double amount) {
    param p;
    p.kind_ = kind::add;
    p.real_ = amount;
    p.real_amount_ = true;
    return p;
  }
  static param clock(std::int64_t num, std::int64_t den) {
    param p;
    p.kind_ = kind::now;
    p.integer_ = num;
    p.unit_den_ = den;
    return p;
  }

  // Where the value came from in the options of a read being compiled: the read cache
  // (runtime/read_cache.hpp) numbers the values of the options, renders them, and reads
  // the numbers back from the statements' parameters, so that a cached statement takes
  // the next call's values. 0: from nowhere in the options (the schema's, the runtime's).
  // A bound list (`in`) also says the kind of its column, as kind + 1. Not part of the
  // value: operator== ignores it.
  std::uint16_t origin() const { return origin_; }
  std::uint8_t origin_list_kind() const { return origin_list_kind_; }
  void set_origin(std::uint16_t origin, std::uint8_t list_kind = 0) {
    origin_ = origin;
    origin_list_kind_ = list_kind;
  }

  friend bool operator==(const param& a, const param& b) {
    return a.kind_ == b.kind_ && a.integer_ == b.integer_ && a.real_ == b.real_ && a.text_ == b.text_ &&
           a.real_amount_ == b.real_amount_ && a.unit_den_ == b.unit_den_;
  }

 private:
  kind kind_ = kind::null;
  std::uint16_t origin_ = 0;  // in the padding after kind_: a param is no larger for it
  std::uint8_t origin_list_kind_ = 0;
  std::int64_t integer_ = 0;
  double real_ = 0;
  std::string text_;
  bool real_amount_ = false;
  std::int64_t unit_den_ = 0;
};

// Atomic updates: {"views", orm::add(1)} sets views = views + 1 in the statement itself,
// so concurrent updates never lose one (a read, then a write of the read value + 1,
// does). NULL stays NULL, as in SQL. An integer column that would pass the int64 range
// is an error on both databases, never a wrapped or rounded value.
template <std::integral I>
  requires(!std::same_as<I, bool>)
param add(I amount) {
  if (std::cmp_greater(amount, std::numeric_limits<std::int64_t>::max()))
    throw schema_error("orm::add(" + std::to_string(amount) + "): the amount is past the int64 range");
  return param::added(static_cast<std::int64_t>(amount));
}
param add(double amount);
template <std::integral I>
  requires(!std::same_as<I, bool>)
param sub(I amount) {
  if (std::cmp_less(amount, -std::numeric_limits<std::int64_t>::max()))
      throw schema_error("orm::sub(" + std::to_string(amount) + "): its negation is past the int64 range");
  if (std::cmp_greater(amount, std::numeric_limits<std::int64_t>::max()))
    throw schema_error("orm::sub(" + std::to_string(amount) + "): the amount is past the int64 range");
  return param::added(-static_cast<std::int64_t>(amount));
}
param sub(double amount);

// The database's clock when the statement runs (PostgreSQL: the transaction's start, so
// every row a transaction writes has the same), for a timestamp() column, truncated to
// `Duration`: on SQLite the stored integer counts Duration since the epoch, as a
// std::chrono::sys_time<Duration> field reads it; on PostgreSQL the timestamptz is cut to
// whole Durations, so that such a field reads it exactly. SQLite's clock has millisecond
// resolution.
template <class Duration>
param now() {
  using unit = typename Duration::period;
  static_assert(std::is_integral_v<typename Duration::rep>, "orm::now<Duration>: Duration counts in an integer type");
  static_assert(std::ratio_less_equal_v<unit, std::ratio<86400>>, "orm::now<Duration>: at most a day");
  static_assert((unit::num * 1000) % unit::den == 0 || unit::den % (unit::num * 1000) == 0,
                "orm::now<Duration>: a whole number of milliseconds, or a whole fraction of one");
  return param::clock(unit::num, unit::den);
}

// Column values of one row to write: {{"name", "ann"}, {"age", 3}}.
using fields = std::vector<std::pair<std::string, param>>;

}  // namespace orm::runtime

namespace orm {
using runtime::add;
using runtime::now;
using runtime::sub;
}  // namespace orm
