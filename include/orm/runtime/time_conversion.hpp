#pragma once
// A std::chrono::sys_time<D> and the integer a timestamp column stores, both ways, with
// checked arithmetic: a value the other side cannot hold is refused, naming the column
// and the range, never wrapped (signed overflow is undefined, and the optimizer removes
// checks that rely on it) and never rounded.
//
// The integer counts D itself on SQLite, and microseconds since 1970 on PostgreSQL, whose
// timestamptz holds 4714-11-24 BC to 294276 AD (in microseconds since 1970, from
// -210866803200000000 up to the int64 limit).
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <ratio>
#include <string>
#include <string_view>

#include <orm/runtime/errors.hpp>

namespace orm::runtime::timestamps {

inline constexpr std::int64_t postgres_earliest = -210866803200000000;  // 4714-11-24 00:00 UTC BC, in µs

std::string range_text(bool microseconds);

// The integer stored for a written time point; refused when it has none.
template <class TimePoint>
std::int64_t stored_of(const TimePoint& value, bool microseconds, std::string_view column) {
  using duration = typename TimePoint::duration;
  const auto count = value.time_since_epoch().count();
  if (!microseconds) {
    long long stored = 0;
    if (__builtin_mul_overflow(count, 1LL, &stored))
      throw schema_error("the time point written to '" + std::string(column) + "' is beyond " + range_text(false));
    return stored;
  }
  // Finer than a microsecond: whether it lands on a whole microsecond.
  using factor = std::ratio_divide<typename duration::period, std::micro>;
  long long scaled = 0;
  const bool fits = !__builtin_mul_overflow(count, static_cast<long long>(factor::num), &scaled);
  if (fits && scaled % factor::den != 0)
    throw schema_error("the time point written to '" + std::string(column) +
                       "' is finer than a microsecond and cannot be stored exactly in PostgreSQL's timestamptz; round it "
                       "to microseconds first (std::chrono::floor<std::chrono::microseconds>)");
  if (!fits || scaled / factor::den < postgres_earliest)
    throw schema_error("the time point written to '" + std::string(column) + "' (" + std::to_string(count) +
                       " ticks since 1970) is outside " + range_text(true) + "; nothing was written");
  return scaled / factor::den;
}

// The time point of a stored integer; refused when the field's type cannot hold it.
template <class TimePoint>
TimePoint time_point_of(std::int64_t stored, bool microseconds, std::string_view column, std::string_view field) {
  using duration = typename TimePoint::duration;
  using rep = typename duration::rep;
  const auto refuse = [&] {
    return error("'" + std::string(column) + "' holds " + std::to_string(stored) +
                 (microseconds ? " microseconds since 1970" : "") + ", which field '" + std::string(field) +
                 "' cannot hold (its std::chrono::sys_time counts " + std::to_string(duration::period::num) + "/" +
                 std::to_string(duration::period::den) + " s in a " + std::to_string(sizeof(rep) * 8) +
                 "-bit integer); read it into a coarser sys_time, such as std::chrono::sys_time<std::chrono::microseconds>");
  };
  std::int64_t count = stored;
  if (microseconds) {
    // Whole units of the field's duration, rounded down (floor) when it is coarser.
    using factor = std::ratio_divide<std::micro, typename duration::period>;
    long long scaled = 0;
    if (__builtin_mul_overflow(stored, static_cast<long long>(factor::num), &scaled)) throw refuse();
    count = scaled / factor::den - ((scaled % factor::den) < 0 ? 1 : 0);
  }
  rep narrowed{};
  if (__builtin_add_overflow(count, 0LL, &narrowed)) throw refuse();
  return TimePoint(duration(narrowed));
}

}  // namespace orm::runtime::timestamps
