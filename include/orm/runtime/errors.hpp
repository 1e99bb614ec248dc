#pragma once
// The runtime's errors, the same on every backend (a backend adds its own for what the
// database itself reports): one type per guard, each message naming the table, the
// relation and the way out, as the matching ormlint check does.
#include <stdexcept>
#include <string>

namespace orm::runtime {

struct error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A table, column or value the schema does not have.
struct schema_error : error {
  using error::error;
};

// The guards (seed 000, seed 003).
struct missing_index_error : error {
  using error::error;
};
struct unbounded_many_error : error {
  using error::error;
};
struct fan_out_error : error {
  using error::error;
};
struct depth_error : error {
  using error::error;
};
struct unknown_relation_error : error {
  using error::error;
};
struct ambiguous_relation_error : error {
  using error::error;
};
struct missing_inverse_error : error {
  using error::error;
};
struct discriminator_write_error : error {
  using error::error;
};
// An update or remove with an empty where, which would touch every row (seed 000).
struct full_scan_error : error {
  using error::error;
};

}  // namespace orm::runtime
