#include "checks/ambiguous_relation.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include <orm/model/rules.hpp>

namespace orm::checks {

namespace {

constexpr const char* id = "orm-ambiguous-relation";

// An error: the runtime refuses to load an ambiguous relation.
finding make(const model::relation& r, std::string message) { return make_finding(id, severity::error, r.site, std::move(message)); }

std::string others(const schema_index& schema, const std::vector<int>& relations) {
  std::string list;
  for (int i : relations) list += (list.empty() ? "'" : ", '") + qualified(schema.relation(i)) + "'";
  return list;
}

// Several relations in one direction between two tables, under the same alias (or none).
finding same_direction(const schema_index& schema, const model::relation& r, const std::vector<int>& sharing) {
  finding f = make(r, r.alias.empty()
      ? fmt::format("relation '{}' and {} all lead from '{}' to '{}' with no alias to tell them apart; "
                    "give each edge its own alias, on both of its ends",
                    qualified(r), others(schema, sharing), r.source, r.target)
      : fmt::format("relation '{}' and {} all lead from '{}' to '{}' under alias '{}'; give each edge its "
                    "own alias, on both of its ends",
                    qualified(r), others(schema, sharing), r.source, r.target, r.alias));
  for (int j : sharing) f.notes.push_back({schema.relation(j).site, fmt::format("'{}' is declared here", qualified(schema.relation(j)))});
  f.fixes = alias_both_ends(schema, r);
  return f;
}

}  // namespace

std::vector<fix> alias_both_ends(const schema_index& schema, const model::relation& r) {
  if (r.inverse < 0 || !r.alias.empty()) return {};
  const model::relation& q = schema.relation(r.inverse);
  if (!q.alias.empty() || q.inverse < 0 || &schema.relation(q.inverse) != &r) return {};
  // Name the edge after its one() end: that is the name users think of ("author").
  const model::relation& named = r.kind == relation_kind::one || q.kind != relation_kind::one ? r : q;
  const std::string alias = fmt::format("\"{}\"", named.name);
  return {add_relation_options{r.site, {{"alias", alias}}}, add_relation_options{q.site, {{"alias", alias}}}};
}

void ambiguous_relation(const schema_index& schema, findings& out) {
  const auto& relations = schema.schema().relations;
  const model::edge_identities edges = model::identify_edges(schema.schema());
  std::map<std::pair<std::string, std::string>, int> first_by_name;

  for (std::size_t i = 0; i < relations.size(); ++i) {
    const model::relation& r = relations[i];
    if (model::self_reference_without_alias(r)) {
      finding f = make(r, fmt::format("self-referencing relation '{}' has no alias; give it and its inverse the same "
                                      "alias so that each end finds the other",
                                      qualified(r)));
      f.fixes = alias_both_ends(schema, r);
      out.push_back(std::move(f));
    } else if (!edges.sharing[i].empty()) {
      out.push_back(same_direction(schema, r, edges.sharing[i]));
    }

    if (const int owner = edges.alias_owner[i]; owner >= 0) {
      const auto pair = std::minmax(schema.relation(owner).source, schema.relation(owner).target);
      out.push_back(make(r, fmt::format("alias '{}' of '{}' already names the edge between '{}' and '{}'; an alias "
                                        "names one edge, so choose another for this one",
                                        r.alias, qualified(r), pair.first, pair.second)));
    }

    const auto [first, inserted] = first_by_name.try_emplace({r.source, r.name}, static_cast<int>(i));
    if (!inserted) {
      finding f = make(r, fmt::format("table '{}' declares relation '{}' more than once; rename one of them",
                                      r.source, r.name));
      f.notes.push_back({schema.relation(first->second).site, "first declared here"});
      out.push_back(std::move(f));
    }
  }
}

}  // namespace orm::checks
