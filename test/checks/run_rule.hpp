#pragma once
// Runs one rule on a model and offers what tests ask of its findings.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <orm/model/build.hpp>

#include "checks/finding.hpp"
#include "checks/schema_index.hpp"

namespace orm::testing {

template <class Schema>
checks::findings run_rule(void (*rule)(const checks::schema_index&, checks::findings&), const Schema& schema) {
  const model::schema m = model::build(schema);
  checks::findings out;
  rule(checks::schema_index(m), out);
  return out;
}

inline std::vector<std::string> messages(const checks::findings& found) {
  std::vector<std::string> out;
  for (const auto& f : found) out.push_back(f.message);
  return out;
}

// The findings whose message mentions `needle`.
inline checks::findings mentioning(const checks::findings& found, const std::string& needle) {
  checks::findings out;
  std::copy_if(found.begin(), found.end(), std::back_inserter(out),
               [&](const checks::finding& f) { return f.message.find(needle) != std::string::npos; });
  return out;
}

}  // namespace orm::testing
