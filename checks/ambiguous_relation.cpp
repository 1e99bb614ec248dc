#include "checks/ambiguous_relation.hpp"

#include <orm/model/rules.hpp>

namespace orm::checks {

// An error: the runtime refuses to load an ambiguous relation, with the same words.
void ambiguous_relation(const schema_index& schema, findings& out) {
  for (const model::ambiguity& a : schema.ambiguities()) {
    const model::relation& first = schema.relation(a.members.front());
    finding f = make_finding("orm-ambiguous-relation", severity::error, first.site, a.message(schema.schema()));
    for (std::size_t k = 1; k < a.members.size(); ++k) {
      const model::relation& r = schema.relation(a.members[k]);
      f.notes.push_back({r.site, "'" + qualified(r) + "' is declared here"});
    }
    for (int c : a.candidates) f.notes.push_back({schema.relation(c).site, "candidate inverse '" + qualified(schema.relation(c)) + "' is declared here"});
    out.push_back(std::move(f));
  }
}

}  // namespace orm::checks
