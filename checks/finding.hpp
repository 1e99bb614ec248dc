#pragma once
// What a check reports: where, how bad, what to do, and the fix as intent in the
// schema's own terms. Front ends turn intents into source edits (tool/fixes).
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <orm/model/schema_model.hpp>

namespace orm::checks {

enum class severity { warning, error };

struct note {
  model::source_site site;
  std::string message;
};

// Insert index(name).on(columns...) (unique_index when `unique`) into the definition of `table`.
struct add_index {
  std::string table;
  model::source_site table_site;
  std::string name;
  std::vector<std::string> columns;
  bool unique = false;
};

// Give the schema a defaults.default_limit.
struct set_default_limit {
  model::source_site schema_site;
  std::int64_t limit = 0;
};

// Add designated options to the relation written at `relation_site`; each value is
// C++ source, e.g. {"alias", "\"author\""}. Fields are inserted in declaration order.
struct add_relation_options {
  model::source_site relation_site;
  std::vector<std::pair<std::string, std::string>> fields;
};

// Replace the string literal `written`, found from the element at `site` as the
// finding's location is (or the literal at `site` itself), with `replacement` (a close
// name: "did you mean").
struct replace_literal {
  model::source_site site;
  std::string written;
  std::string replacement;
  bool at_site = false;  // `site` is the literal's own (a query's names), not its element's
};

// Remove the index written at `index_site` from the table written at `table_site`.
struct remove_index {
  model::source_site table_site;
  model::source_site index_site;
};

// Replace the source from the token at `begin` through the token at `last` with
// `replacement`: a row struct's field name, or its type.
struct replace_source {
  model::source_site begin;
  model::source_site last;
  std::string replacement;
};

using fix = std::variant<add_index, set_default_limit, add_relation_options, replace_literal, remove_index, replace_source>;

struct finding {
  std::string check;  // "orm-missing-relation-index"
  severity level = severity::warning;
  model::source_site site;
  std::string message;  // lowercase, no final period, names table and relation, says the way out
  // The string literal, written in the element at `site`, that the finding is about;
  // front ends point at it rather than at the element's name. Empty: the element.
  std::string literal;
  std::vector<note> notes;
  std::vector<fix> fixes;  // all of them together make one fix
};

using findings = std::vector<finding>;

inline finding make_finding(const char* check, severity level, const model::source_site& site, std::string message) {
  return {check, level, site, std::move(message), {}, {}, {}};
}

}  // namespace orm::checks
