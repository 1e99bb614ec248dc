#include "checks/unknown_reference.hpp"

#include <orm/model/names.hpp>

namespace orm::checks {

// An error: migrate refuses the schema with the same message (model/names.hpp).
void unknown_reference(const schema_index& schema, findings& out) {
  for (const model::unknown_name& n : model::unknown_names(schema.schema())) {
    finding f = make_finding("orm-unknown-reference", severity::error, n.site, n.message);
    if (n.is_literal) f.literal = n.written;
    if (!n.suggestion.empty()) f.fixes.push_back(replace_literal{n.site, n.written, n.suggestion});
    out.push_back(std::move(f));
  }
}

}  // namespace orm::checks
