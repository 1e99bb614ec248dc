#include "checks/missing_inverse.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <orm/model/resolve.hpp>

namespace orm::checks {

namespace {

constexpr const char* id = "orm-missing-inverse";

// An error: the runtime cannot load a relation it cannot resolve.
finding make(const model::relation& r, std::string message) { return make_finding(id, severity::error, r.site, std::move(message)); }

std::string quoted_list(const std::vector<std::string>& names) {
  if (names.size() == 1) return fmt::format("\"{}\"", names.front());
  return fmt::format("cols(\"{}\")", fmt::join(names, "\", \""));
}

// Writing the columns the inverse implies makes the relation independent of it.
fix explicit_columns(const model::relation& r, const model::relation& inverse) {
  const auto [inverse_from, inverse_to] = model::declared_ends(inverse);
  return add_relation_options{r.site, {{"from", quoted_list(inverse_to)}, {"to", quoted_list(inverse_from)}}};
}

void unresolved(const schema_index& schema, const model::relation& r, findings& out) {
  if (r.other_part_candidates.size() == 1) {
    const model::relation& q = schema.relation(r.other_part_candidates.front());
    finding f = make(r, fmt::format("relation '{}' has no from/to and its inverse '{}' is in relations part '{}', "
                                    "not in {}; inference does not cross parts, so write from/to or move both "
                                    "into one part",
                                    qualified(r), qualified(q), q.part,
                                    r.part.empty() ? std::string("the schema's own relations") : "part '" + r.part + "'"));
    f.notes.push_back({q.site, "inverse declared here"});
    f.fixes.push_back(explicit_columns(r, q));
    out.push_back(std::move(f));
    return;
  }
  out.push_back(make(r, fmt::format("relation '{}' has no from/to and no inverse on '{}'{} to infer them from; write "
                                    "from/to, or declare the inverse one() with from/to",
                                    qualified(r), r.target, r.alias.empty() ? "" : " with alias '" + r.alias + "'")));
}

void unmirrored(const schema_index& schema, const model::relation& r, findings& out) {
  for (int j : r.unmirrored_partners) {
    const model::relation& q = schema.relation(j);
    const bool through = r.through.has_value();
    const auto [from, to] = through ? std::pair{r.through->from, r.through->to} : model::declared_ends(r);
    finding f = make(r, fmt::format("relation '{}' and '{}' share alias '{}' but their {} do not mirror each other; "
                                    "the inverse must have {} and {} swapped",
                                    qualified(r), qualified(q), r.alias, through ? "junction columns" : "columns",
                                    column_tuple(from), column_tuple(to)));
    f.notes.push_back({q.site, "the other end is declared here"});
    out.push_back(std::move(f));
  }
}

}  // namespace

void missing_inverse(const schema_index& schema, findings& out) {
  // Ambiguous inverses and aliases shared by ends that cannot pair are
  // orm-ambiguous-relation's, unknown names orm-unknown-reference's.
  for (const model::relation& r : schema.schema().relations) {
    if (model::member_of(schema.ambiguities(), model::ambiguity::kind::shared_alias, static_cast<int>(&r - schema.schema().relations.data())))
      continue;
    if (r.status == model::resolution::missing_inverse) {
      unresolved(schema, r, out);
    } else if (!r.alias.empty() && r.inverse < 0) {
      // An aliased edge whose partner exists but does not mirror it is a mistake;
      // an aliased one-way relation with no partner at all is allowed.
      unmirrored(schema, r, out);
    }
  }
}

}  // namespace orm::checks
