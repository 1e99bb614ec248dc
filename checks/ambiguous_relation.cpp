#include "checks/ambiguous_relation.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace orm::checks {

namespace {

constexpr const char* id = "orm-ambiguous-relation";

// An error: the runtime refuses to load an ambiguous relation.
finding make(const model::relation& r, std::string message) { return make_finding(id, severity::error, r.site, std::move(message)); }

std::string others(const schema_index& schema, const std::vector<int>& group, int self) {
  std::string list;
  for (int i : group) {
    if (i == self) continue;
    if (!list.empty()) list += ", ";
    list += "'" + qualified(schema.relation(i)) + "'";
  }
  return list;
}

// Several relations in one direction between two tables, under the same alias (or none).
void same_direction(const schema_index& schema, const std::vector<int>& group, findings& out) {
  std::map<std::string, std::vector<int>> by_alias;
  for (int i : group) by_alias[schema.relation(i).alias].push_back(i);
  for (const auto& [alias, members] : by_alias) {
    const model::relation& first = schema.relation(members.front());
    const bool self = first.source == first.target;
    // A self-reference's two ends share one alias; more than two is ambiguous.
    if (self ? alias.empty() || members.size() <= 2 : members.size() <= 1) continue;
    for (int i : members) {
      const model::relation& r = schema.relation(i);
      finding f = make(r, alias.empty()
          ? fmt::format("relation '{}' and {} all lead from '{}' to '{}' with no alias to tell them apart; "
                        "give each edge its own alias, on both of its ends",
                        qualified(r), others(schema, members, i), r.source, r.target)
          : fmt::format("relation '{}' and {} all lead from '{}' to '{}' under alias '{}'; give each edge its "
                        "own alias, on both of its ends",
                        qualified(r), others(schema, members, i), r.source, r.target, alias));
      for (int j : members)
        if (j != i) f.notes.push_back({schema.relation(j).site, fmt::format("'{}' is declared here", qualified(schema.relation(j)))});
      f.fixes = alias_both_ends(schema, r);
      out.push_back(std::move(f));
    }
  }
}

void self_reference_without_alias(const schema_index& schema, const model::relation& r, findings& out) {
  finding f = make(r, fmt::format("self-referencing relation '{}' has no alias; give it and its inverse the same "
                                  "alias so that each end finds the other",
                                  qualified(r)));
  f.fixes = alias_both_ends(schema, r);
  out.push_back(std::move(f));
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
  std::set<std::pair<std::string, std::string>> seen_pairs;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> pairs_by_alias;
  std::map<std::pair<std::string, std::string>, int> first_by_name;

  for (std::size_t i = 0; i < relations.size(); ++i) {
    const model::relation& r = relations[i];
    if (seen_pairs.insert({r.source, r.target}).second) same_direction(schema, schema.between(r.source, r.target), out);
    if (r.source == r.target && r.alias.empty()) self_reference_without_alias(schema, r, out);

    if (!r.alias.empty()) {
      const std::pair<std::string, std::string> pair = std::minmax(r.source, r.target);
      auto& pairs = pairs_by_alias[r.alias];
      if (pairs.empty() || std::find(pairs.begin(), pairs.end(), pair) == pairs.end()) pairs.push_back(pair);
      if (pairs.front() != pair)
        out.push_back(make(r, fmt::format("alias '{}' of '{}' already names the edge between '{}' and '{}'; an alias "
                                          "names one edge, so choose another for this one",
                                          r.alias, qualified(r), pairs.front().first, pairs.front().second)));
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
