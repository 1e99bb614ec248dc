#include <orm/model/resolve.hpp>

namespace orm::model {

std::pair<column_names, column_names> declared_ends(const relation& r) {
  if (!r.declares_columns() && !r.through) return {};
  auto or_primary_key = [](const column_names& c) { return c.empty() ? column_names{"id"} : c; };
  return {or_primary_key(r.from), or_primary_key(r.to)};
}

}  // namespace orm::model

namespace orm::model::detail {

bool shapes_pair(const relation& r, const relation& q) {
  if (r.through.has_value() != q.through.has_value()) return false;
  if (r.through) return r.through->table == q.through->table;
  // A many() is always the far side of a one(); a one() pairs with either (1:1 or 1:n).
  return r.kind == relation_kind::one || q.kind == relation_kind::one;
}

bool mirrors(const relation& r, const relation& q) {
  if (r.through) {
    const auto [rf, rt] = model::declared_ends(r);
    const auto [qf, qt] = model::declared_ends(q);
    return rf == qt && rt == qf && r.through->from == q.through->to && r.through->to == q.through->from;
  }
  if (!r.declares_columns() || !q.declares_columns()) return true;  // nothing to contradict
  const auto [rf, rt] = model::declared_ends(r);
  const auto [qf, qt] = model::declared_ends(q);
  return rf == qt && rt == qf;
}

}  // namespace orm::model::detail

namespace orm::model {

void resolve(schema& s) {
  // Relations grouped by (source, target), so finding inverses is one lookup each.
  std::map<std::pair<std::string, std::string>, std::vector<int>> by_ends;
  for (std::size_t i = 0; i < s.relations.size(); ++i)
    by_ends[{s.relations[i].source, s.relations[i].target}].push_back(static_cast<int>(i));
  const auto unknown = relations_with_unknown_names(unknown_names(s));
  auto infers = [](const relation& r) { return !r.declares_columns() && !r.through; };

  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    relation& r = s.relations[i];
    r.inverse = -1;
    r.inverse_candidates.clear();
    r.other_part_candidates.clear();
    r.unmirrored_partners.clear();

    // As the seed system does it: a relation that writes its columns needs no partner;
    // one that does not takes them from the one relation back under the same alias
    // that writes them (a one(), a many() with columns, or a through()).
    const auto reverse = by_ends.find({r.target, r.source});
    const bool needs_inference = infers(r);
    if (reverse != by_ends.end()) {
      for (int j : reverse->second) {
        if (j == static_cast<int>(i)) continue;
        const relation& q = s.relations[static_cast<std::size_t>(j)];
        if (q.alias != r.alias) continue;
        if (needs_inference) {
          if (infers(q)) continue;  // two inferring ends cannot lend each other columns
          (q.part != r.part ? r.other_part_candidates : r.inverse_candidates).push_back(j);
        } else if (detail::shapes_pair(r, q)) {
          (detail::mirrors(r, q) ? r.inverse_candidates : r.unmirrored_partners).push_back(j);
        }
      }
    }
    if (r.inverse_candidates.size() == 1) r.inverse = r.inverse_candidates.front();

    r.resolved_through = r.through;
    r.resolved_from.clear();
    r.resolved_to.clear();
    if (unknown.count(&r)) {
      r.status = resolution::unknown_name;
    } else if (!needs_inference) {
      r.status = resolution::declared;
      std::tie(r.resolved_from, r.resolved_to) = declared_ends(r);
    } else if (r.inverse >= 0) {
      const relation& q = s.relations[static_cast<std::size_t>(r.inverse)];
      if (unknown.count(&q)) {
        r.status = resolution::unknown_name;  // the inverse's name is the one mistake to fix
        continue;
      }
      const auto [qf, qt] = declared_ends(q);
      r.status = resolution::inferred;
      r.resolved_from = qt;
      r.resolved_to = qf;
      if (q.through) r.resolved_through = through_junction{q.through->table, q.through->to, q.through->from};
    } else {
      r.status = r.inverse_candidates.empty() ? resolution::missing_inverse : resolution::ambiguous_inverse;
    }
  }
}

}  // namespace orm::model
