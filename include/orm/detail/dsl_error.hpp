#pragma once
// Compile-time errors in the DSL's own words. Calling this non-constexpr function
// inside a constant expression stops compilation; the compiler's note quotes the
// offending call, whose argument is the message. At run time it throws.
#include <stdexcept>

namespace orm::detail {

[[noreturn]] inline void dsl_error(const char* message) { throw std::logic_error(message); }

}  // namespace orm::detail
