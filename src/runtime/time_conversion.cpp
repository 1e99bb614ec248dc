#include <orm/runtime/time_conversion.hpp>

namespace orm::runtime::timestamps {

std::string range_text(bool microseconds) {
  return microseconds ? "4714-11-24 BC to 294247 AD, microseconds since 1970 (PostgreSQL's timestamptz)"
                      : "the 64-bit integer the column stores";
}

}  // namespace orm::runtime::timestamps
