#pragma once
// The one list of checks. The ormlint CLI, the clang-tidy module and ormlint-clangd
// all run what this list holds.
#include <functional>
#include <span>
#include <string_view>

#include <orm/model/query_model.hpp>

#include "checks/finding.hpp"
#include "checks/planned_call.hpp"
#include "checks/schema_index.hpp"

namespace orm::checks {

struct check_info {
  std::string_view id;       // "orm-missing-relation-index"
  std::string_view summary;  // one sentence, the same in the docs and --list-checks
  severity level;            // the default: SARIF's rule level, the doc page's "Severity"
  void (*run)(const schema_index&, findings&);  // null for checks of call sites only, or found by the front ends
  // For checks that also look at the queries written against the schema; may be null.
  void (*run_on_query)(const schema_index&, const planned_query&, findings&) = nullptr;
  // For checks that also look at the writes (insert, update, remove); may be null.
  void (*run_on_write)(const schema_index&, const planned_write&, findings&) = nullptr;
};

// A schema variable whose initializer is not a constant expression: the front ends find
// it (only the compiler can tell), and report it under this id like any check's finding.
inline constexpr const char* unreadable_schema_check = "orm-unreadable-schema";

std::span<const check_info> all_checks();
const check_info* find_check(std::string_view id);

// Runs the enabled checks over one schema.
findings run_checks(const model::schema& schema, const std::function<bool(std::string_view id)>& enabled,
                    const std::vector<model::query>& queries = {}, const std::vector<model::write>& writes = {});

}  // namespace orm::checks
