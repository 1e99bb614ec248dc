#include <orm/model/structure.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace orm::model::structure {

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::string tuple(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c;
  return "(" + out + ")";
}

std::string qualified(const relation& r) { return quoted(r.source + "." + r.name); }

bool is_primary_key(const std::vector<std::string>& columns) { return columns == std::vector<std::string>{"id"}; }

bool unique_key(const table& t, const std::vector<std::string>& columns) {
  const auto among = [&](const std::string& c) { return std::find(columns.begin(), columns.end(), c) != columns.end(); };
  const auto keys = unique_keys(t);
  return std::any_of(keys.begin(), keys.end(), [&](const auto& key) { return std::all_of(key.begin(), key.end(), among); });
}

std::vector<std::vector<std::string>> unique_keys(const table& t) {
  std::vector<std::vector<std::string>> out{{"id"}};
  for (const column& c : t.columns)
    if (c.unique && c.variants.empty() && c.name != "id") out.push_back({c.name});
  for (const index& i : t.indexes)
    if (i.unique && !i.columns.empty()) out.push_back(i.columns);
  return out;
}

bool is_unique_key(const table& t, const std::vector<std::string>& columns) {
  std::vector<std::string> wanted = columns;
  std::sort(wanted.begin(), wanted.end());
  if (std::adjacent_find(wanted.begin(), wanted.end()) != wanted.end()) return false;
  for (std::vector<std::string> key : unique_keys(t)) {
    std::sort(key.begin(), key.end());
    if (key == wanted) return true;
  }
  return false;
}

class walk {
 public:
  explicit walk(const schema& s) : s_(s) {
    for (const table& t : s.tables) tables_.emplace(t.name, &t);
  }

  std::vector<structure_problem> run() {
    for (const table& t : s_.tables) table_rules(t);
    for (const relation& r : s_.relations) relation_rules(r);
    cycles();
    return std::move(out_);
  }

 private:
  const table* find(const std::string& name) const {
    const auto it = tables_.find(name);
    return it == tables_.end() ? nullptr : it->second;
  }

  structure_problem& add(structure_problem::kind k, bool error, const source_site& site, std::string message) {
    out_.push_back({k, error, site, std::move(message), {}, nullptr, nullptr, nullptr, {}});
    return out_.back();
  }

  // The table whose columns hold the foreign key of `r`, and those columns: a one()
  // holds it in its `from` unless that is the key; a many() in its target's `to`.
  struct foreign_key_side {
    const table* holder = nullptr;
    std::vector<std::string> columns;
    std::string referenced;  // the table the key's values are ids of
  };
  foreign_key_side fk_side(const relation& r, const table& source, const table& target) const {
    if (r.resolved_through) return {};
    if (!is_primary_key(r.resolved_from) && is_primary_key(r.resolved_to)) return {&source, r.resolved_from, r.target};
    if (is_primary_key(r.resolved_from) && !is_primary_key(r.resolved_to)) return {&target, r.resolved_to, r.source};
    return {};
  }

  void relation_rules(const relation& r) {
    const table* source = find(r.source);
    const table* target = find(r.target);
    if (!source || !target) return;
    if (const column* c = source->find_column(r.name))
      add(structure_problem::kind::relation_is_column, true, r.site,
          "relation " + qualified(r) + " is named like " + (c->variants.empty() ? "column " : "variant field ") +
              quoted(r.source + "." + r.name) + ", and a row can hold only one of them under that key; rename the relation")
          .about_relation = &r;
    if (!r.is_resolved()) return;

    if (r.kind == relation_kind::one && !r.resolved_through && !unique_key(*target, r.resolved_to)) {
      const bool one_to_one = r.inverse >= 0 && s_.relations[static_cast<std::size_t>(r.inverse)].kind == relation_kind::one;
      structure_problem& p = add(
          structure_problem::kind::one_to_non_unique, false, r.site,
          one_to_one ? "one-to-one " + qualified(r) + " loads " + quoted(r.target) + " by " + tuple(r.resolved_to) +
                           ", which is not unique, so one " + r.source + " row can have many; make the foreign key unique "
                           "(.unique() or a unique index)"
                     : "one() relation " + qualified(r) + " loads " + quoted(r.target) + " by " + tuple(r.resolved_to) +
                           ", which is not unique, so it can match many rows and loads an arbitrary one; make those "
                           "columns unique, or make the relation a many()");
      p.about_relation = &r;
      p.in_table = target;
      p.unique_columns = r.resolved_to;
    }

    const foreign_key_side fk = fk_side(r, *source, *target);
    if (!fk.holder) return;
    if (r.kind == relation_kind::one && !r.optional && fk.holder == source) {
      for (const std::string& name : fk.columns)
        if (const column* c = source->find_column(name); c && c->nullable_in_storage()) {
          add(structure_problem::kind::required_over_nullable, false, r.site,
              "relation " + qualified(r) + " is optional = false, but its foreign key '" + r.source + "." + name +
                  "' can be null, so a row can have no " + r.name + "; make the column .not_null(), or drop optional = false")
              .about_relation = &r;
          break;
        }
    }
    if (fk.columns.size() == 1)
      if (const column* c = fk.holder->find_column(fk.columns.front()); c && !c->id_table.empty() && c->id_table != fk.referenced)
        add(structure_problem::kind::id_names_other_table, true, r.site,
            "relation " + qualified(r) + " joins '" + fk.holder->name + "." + c->name + "' to " + quoted(fk.referenced) +
                ", but the column is id(\"" + c->id_table + "\"), ids of another table; point the relation at " +
                quoted(c->id_table) + ", or change the column's id() table")
            .about_relation = &r;
  }

  void table_rules(const table& t) {
    for (const foreign_key& f : t.foreign_keys) {
      const bool set_null = f.options.on_delete == fk_action::set_null || f.options.on_update == fk_action::set_null;
      for (const std::string& name : f.columns) {
        const column* c = t.find_column(name);
        if (set_null && c && !c->nullable_in_storage()) {
          add(structure_problem::kind::set_null_on_not_null, true, f.site,
              "a foreign key of '" + t.name + "' sets '" + t.name + "." + name + "' to null when its " + f.target_table +
                  " row goes, but the column is not_null, so that delete fails; drop .not_null(), or choose another "
                  "action");
          break;
        }
      }
      if (f.columns.size() == 1)
        if (const column* c = t.find_column(f.columns.front()); c && !c->id_table.empty() && c->id_table != f.target_table)
          add(structure_problem::kind::id_names_other_table, true, f.site,
              "a foreign key of '" + t.name + "' makes '" + t.name + "." + c->name + "' reference " +
                  quoted(f.target_table) + ", but the column is id(\"" + c->id_table +
                  "\"), ids of another table; reference " + quoted(c->id_table) + ", or change the column's id() table");
    }
    redundant_indexes(t);
  }

  void redundant_indexes(const table& t) {
    for (std::size_t i = 0; i < t.indexes.size(); ++i) {
      const index& x = t.indexes[i];
      std::string served_by;
      if (!x.unique && unique_key(t, x.columns) && x.columns.size() == 1)
        served_by = x.columns.front() == "id" ? std::string("the primary key") : "the .unique() column '" + x.columns.front() + "'";
      for (std::size_t j = 0; j < t.indexes.size() && served_by.empty(); ++j) {
        const index& y = t.indexes[j];
        if (i == j || y.columns.size() < x.columns.size() || !std::equal(x.columns.begin(), x.columns.end(), y.columns.begin()))
          continue;
        const bool same = y.columns.size() == x.columns.size();
        // A unique index enforces something: only its exact unique copy makes it redundant.
        if (x.unique && !(same && y.unique)) continue;
        // Of two equal indexes, the later one goes; a unique one serves a plain copy.
        if (same && x.unique == y.unique && j > i) continue;
        served_by = (same ? "index '" : "the longer index '") + y.name + "' " + tuple(y.columns);
      }
      if (served_by.empty()) continue;
      structure_problem& p = add(structure_problem::kind::redundant_index, false, x.site,
                                 "index '" + x.name + "' " + tuple(x.columns) + " of '" + t.name + "' is redundant: " +
                                     served_by + " serves every lookup it serves; remove it (each index slows every write)");
      p.in_table = &t;
      p.redundant = &x;
    }
  }

  // Tables whose rows need a row of another table first, by a not-null foreign key
  // (declared, or the `from` of a one()): a cycle of them can never get its first row.
  void cycles() {
    struct edge {
      std::string to;
      std::string label;  // "posts.authorId"
      source_site site;
    };
    std::map<std::string, std::vector<edge>> graph;
    auto required = [](const table& t, const std::vector<std::string>& columns) {
      return !columns.empty() && std::all_of(columns.begin(), columns.end(), [&](const std::string& name) {
        const column* c = t.find_column(name);
        return c && !c->nullable_in_storage() && !c->implicit;
      });
    };
    std::set<std::pair<std::string, std::string>> seen;  // (table.columns, target): one edge per key
    auto add_edge = [&](const table& t, const std::vector<std::string>& columns, const std::string& target,
                        const source_site& site) {
      if (!find(target) || !required(t, columns)) return;
      std::string label = t.name + "." + (columns.size() == 1 ? columns.front() : tuple(columns));
      if (!seen.emplace(label, target).second) return;
      if (target == t.name)
        report_self_reference(label, columns, site);
      else
        graph[t.name].push_back({target, std::move(label), site});
    };
    for (const table& t : s_.tables)
      for (const foreign_key& f : t.foreign_keys) add_edge(t, f.columns, f.target_table, f.site);
    for (const relation& r : s_.relations)
      if (r.kind == relation_kind::one && r.is_resolved() && !r.resolved_through && !is_primary_key(r.resolved_from))
        if (const table* t = find(r.source)) add_edge(*t, r.resolved_from, r.target, r.site);

    // Depth-first search with colours; each back edge closes a cycle, printed as its path.
    std::map<std::string, int> colour;  // 0 white, 1 on the stack, 2 done
    std::vector<const edge*> path;
    std::vector<std::string> stack;
    std::set<std::set<std::string>> reported;
    auto visit = [&](auto& self, const std::string& node) -> void {
      colour[node] = 1;
      stack.push_back(node);
      for (const edge& e : graph[node]) {
        path.push_back(&e);
        if (colour[e.to] == 1) {
          const auto start = std::find(stack.begin(), stack.end(), e.to) - stack.begin();
          const std::vector<const edge*> loop(path.begin() + start, path.end());
          std::set<std::string> members(stack.begin() + start, stack.end());
          if (reported.insert(members).second) report_cycle(loop);
        } else if (colour[e.to] == 0) {
          self(self, e.to);
        }
        path.pop_back();
      }
      stack.pop_back();
      colour[node] = 2;
    };
    for (const table& t : s_.tables)
      if (colour[t.name] == 0) visit(visit, t.name);
  }

  // A required key into its own table is a cycle of one (kitcn refuses it: "Circular
  // dependency detected in required one() relations"). Only a warning: a row can be
  // written referencing itself when its id is given in advance, as a tree's root can.
  void report_self_reference(const std::string& label, const std::vector<std::string>& columns, const source_site& site) {
    add(structure_problem::kind::required_cycle, false, site,
        "required foreign key '" + label + "' references its own table, so the first row can only be inserted with "
        "its own id given in advance; make " + (columns.size() == 1 ? quoted(columns.front()) : "one of " + tuple(columns)) +
        " nullable");
  }

  template <class Edge>
  void report_cycle(const std::vector<const Edge*>& loop) {
    std::string path;
    for (const Edge* e : loop) path += (path.empty() ? "" : ", ") + e->label + " -> " + e->to;
    structure_problem& p = add(structure_problem::kind::required_cycle, true, loop.front()->site,
                               "required foreign keys form a cycle (" + path + "): no row of these tables can be "
                               "inserted first; make one of these columns nullable");
    for (std::size_t k = 1; k < loop.size(); ++k) p.notes.emplace_back(loop[k]->site, "'" + loop[k]->label + "' is required here");
  }

  const schema& s_;
  std::unordered_map<std::string, const table*> tables_;
  std::vector<structure_problem> out_;
};

}  // namespace orm::model::structure

namespace orm::model {

std::vector<structure_problem> structure_problems(const schema& s) { return structure::walk(s).run(); }

}  // namespace orm::model
