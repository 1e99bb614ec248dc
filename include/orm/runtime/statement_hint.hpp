#pragma once
#include <cstdint>

namespace orm::runtime {

// Where a backend found a read's prepared statement last, so that a kept read (run again
// and again, its text unchanged) finds it without looking its text up. A copy starts
// without one: a copy's text may be changed (explain's), and a hint must never lead to
// another text's statement. The backend checks the hint is still good (statement.hpp).
struct statement_hint {
  std::uint64_t generation = 0;  // the backend's statement cache as it was then; 0: none
  void* entry = nullptr;
  statement_hint() = default;
  statement_hint(const statement_hint&) noexcept {}
  statement_hint& operator=(const statement_hint&) noexcept {
    generation = 0;
    entry = nullptr;
    return *this;
  }
};

}  // namespace orm::runtime
