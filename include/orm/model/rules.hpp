#pragma once
// The facts about a schema that both ormlint's checks and the runtime's guards decide
// on, in one place, so that a finding exists exactly when the runtime refuses.
#include <algorithm>
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>

namespace orm::model {

// One lookup a relation load makes: rows of `table` found by `columns`.
struct lookup {
  std::string table;
  std::vector<std::string> columns;
  bool junction = false;
};

// What loading a resolved relation looks up: the junction by its `from` columns, then
// (or only) the target by `to`.
inline std::vector<lookup> lookups_of(const relation& r) {
  std::vector<lookup> out;
  if (r.resolved_through) out.push_back({r.resolved_through->table, r.resolved_through->from, true});
  out.push_back({r.target, r.resolved_to, false});
  return out;
}

// Whether `table` finds rows by `columns` without a scan: the primary key, a .unique()
// base column (SQLite indexes it), or an index whose leading columns match in order.
inline bool lookup_served(const table& t, const std::vector<std::string>& columns) {
  if (columns == std::vector<std::string>{"id"}) return true;
  if (columns.size() == 1) {
    const column* c = t.find_column(columns.front());
    if (c && c->unique && c->variants.empty()) return true;
  }
  return std::any_of(t.indexes.begin(), t.indexes.end(), [&](const index& i) {
    return i.columns.size() >= columns.size() && std::equal(columns.begin(), columns.end(), i.columns.begin());
  });
}

// The other relations that share `r`'s edge identity: the same direction between the
// same tables under the same alias (for a self-reference, the two ends of one edge may
// share it). Loading `r` is ambiguous when this is not empty, or when a self-reference
// has no alias.
inline std::vector<int> sharing_edge(const schema& s, int index) {
  const relation& r = s.relations[static_cast<std::size_t>(index)];
  std::vector<int> same;
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const relation& q = s.relations[i];
    if (static_cast<int>(i) != index && q.source == r.source && q.target == r.target && q.alias == r.alias)
      same.push_back(static_cast<int>(i));
  }
  if (r.source == r.target && !r.alias.empty() && same.size() <= 1) same.clear();
  return same;
}

inline bool self_reference_without_alias(const relation& r) { return r.source == r.target && r.alias.empty(); }

// The first relation to use `r`'s alias owns it for its pair of tables; `r` reuses it
// for another pair when that first relation joins other tables. Returns the owner, or -1.
inline int alias_elsewhere(const schema& s, int index) {
  const relation& r = s.relations[static_cast<std::size_t>(index)];
  if (r.alias.empty()) return -1;
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const relation& owner = s.relations[i];
    if (owner.alias != r.alias) continue;
    return std::minmax(owner.source, owner.target) == std::minmax(r.source, r.target) ? -1 : static_cast<int>(i);
  }
  return -1;
}

}  // namespace orm::model
