#include <orm/model/query_plan.hpp>

#include <algorithm>
#include <unordered_set>

#include <orm/model/aggregate.hpp>
#include <orm/model/names.hpp>
#include <orm/model/row_shape.hpp>
#include <orm/model/rules.hpp>
#include <orm/model/structure.hpp>

namespace orm::model::detail {

query_problem named_problem(query_problem::kind k, const written_name& name, std::string message,
                                   const std::vector<std::string_view>& candidates, bool warning) {
  query_problem p{k, warning, name.site, name.text, closest_name(name.text, candidates), std::move(message)};
  if (!p.suggestion.empty()) p.message += "; did you mean '" + p.suggestion + "'?";
  return p;
}

query_problem unknown_table(const schema& s, const written_name& name) {
  std::vector<std::string_view> tables;
  for (const table& t : s.tables) tables.push_back(t.name);
  return named_problem(query_problem::kind::unknown_column, name, "the schema has no table '" + name.text + "'", tables);
}

query_problem unknown_column(const table& t, const written_name& name, const std::string& purpose) {
  std::vector<std::string_view> columns;
  for (const column& c : t.columns) columns.push_back(c.name);
  return named_problem(query_problem::kind::unknown_column, name,
                       "table '" + t.name + "' has no column '" + name.text + "'" + (purpose.empty() ? "" : " " + purpose),
                       columns);
}

// How "relation.column" resolves on `t`, and the first step that fails: one walk for the
// planner's words and the renderer's subquery (related_order_column).
struct related_order {
  enum step_kind { found, no_relation, two_relations, unresolved, not_one, no_column } step = found;
  std::string relation_name, column_name;
  const relation* via = nullptr;
  const table* target = nullptr;
};

related_order resolve_related_order(const schema& s, const table& t, std::string_view name) {
  const std::size_t dot = name.find('.');
  related_order o;
  o.relation_name = std::string(name.substr(0, dot));
  o.column_name = std::string(name.substr(dot + 1));
  const std::vector<int> named = s.relations_named(t.name, o.relation_name);
  if (named.size() != 1) {
    o.step = named.empty() ? related_order::no_relation : related_order::two_relations;
    return o;
  }
  o.via = &s.relations[static_cast<std::size_t>(named.front())];
  o.target = s.find_table(o.via->target);
  if (!o.via->is_resolved() || !o.target) o.step = related_order::unresolved;
  else if (o.via->kind != relation_kind::one || o.via->resolved_through) o.step = related_order::not_one;
  else if (!o.target->find_column(o.column_name)) o.step = related_order::no_column;
  return o;
}

class planner {
 public:
  planner(const schema& s, const query& q) : s_(s), q_(q) {}

  std::vector<query_problem> run() {
    const table* t = s_.find_table(q_.table);
    if (!t) {
      out_.push_back(unknown_table(s_, {q_.table, q_.site}));
      return std::move(out_);
    }
    level(*t, q_.top, 0, t->name);
    if (q_.aggregate) aggregate(*t, *q_.aggregate);
    // Checked last, and only over known columns: a misspelt one is reported as such.
    const bool pins_known = q_.pinned && std::all_of(q_.pinned->begin(), q_.pinned->end(),
                                                     [&](const std::string& c) { return t->find_column(c) != nullptr; });
    if (q_.unique && pins_known && !structure::unique_key(*t, *q_.pinned)) {
      std::string pinned;
      for (const std::string& c : *q_.pinned) pinned += (pinned.empty() ? "'" : ", '") + c + "'";
      out_.push_back({query_problem::kind::unpinned_unique, false, q_.site, {}, {},
                      "find_unique on '" + t->name + "' must pin a unique key with eq(...), and its where pins " +
                          (pinned.empty() ? std::string("none") : pinned) +
                          "; filter on the id, a .unique() column or every column of a unique index, or use "
                          "find_first"});
    }
    return std::move(out_);
  }

 private:
  void add(query_problem::kind k, const written_name& name, std::string message,
           const std::vector<std::string_view>& candidates = {}, bool warning = false) {
    out_.push_back(named_problem(k, name, std::move(message), candidates, warning));
  }

  void expect_columns(const table& t, const std::vector<written_name>& names, const char* purpose) {
    for (const written_name& n : names)
      if (!t.find_column(n.text)) out_.push_back(unknown_column(t, n, purpose));
  }

  // Order columns: the table's, or "relation.column" through a one() relation.
  void expect_order(const table& t, const std::vector<written_name>& names) {
    for (const written_name& n : names) {
      const std::size_t dot = n.text.find('.');
      if (dot == std::string::npos) {
        if (!t.find_column(n.text)) out_.push_back(unknown_column(t, n, "to order by"));
        continue;
      }
      const related_order o = resolve_related_order(s_, t, n.text);
      const std::string via = o.via ? "'" + t.name + "." + o.via->name + "'" : "";
      switch (o.step) {
        case related_order::found: break;
        case related_order::no_relation:
        case related_order::two_relations: {
          // Suggested whole, so that the fix-it replaces the literal: "author.name".
          std::vector<std::string> spelled;
          for (const relation& r : s_.relations)
            if (r.source == t.name && r.kind == relation_kind::one) spelled.push_back(r.name + "." + o.column_name);
          const bool none = o.step == related_order::no_relation;
          add(none ? query_problem::kind::unknown_relation : query_problem::kind::duplicate_relation, n,
              "table '" + t.name + "' has " + (none ? "no relation '" : "two relations named '") + o.relation_name +
                  "' to order by '" + n.text + "'",
              {spelled.begin(), spelled.end()});
          break;
        }
        case related_order::unresolved:
          add(query_problem::kind::unknown_name, n,
              "relation " + via + " cannot order the rows: its columns are not resolved (see the schema's findings)");
          break;
        case related_order::not_one:
          add(query_problem::kind::unknown_relation, n,
              via + " is a many() relation: a row of '" + t.name + "' has no one '" + o.column_name +
                  "' through it to order by; order by a column of a one() relation");
          break;
        case related_order::no_column: {
          std::vector<std::string> spelled;
          for (const column& c : o.target->columns) spelled.push_back(o.via->name + "." + c.name);
          add(query_problem::kind::unknown_column, n,
              "table '" + o.target->name + "' has no column '" + o.column_name + "' to order '" + t.name +
                  "' by (through " + via + ")",
              {spelled.begin(), spelled.end()});
          break;
        }
      }
    }
  }

  void bound(const std::optional<std::int64_t>& value, const source_site& site, const char* what, const std::string& path) {
    if (value && *value < 0)
      add(query_problem::kind::negative_bound, {std::to_string(*value), site},
          std::string(what) + " " + std::to_string(*value) + " at " + path + " is negative; " + what +
              "s count rows, so give 0 or more");
  }

  // The options of one level of the query, on table `t`, in the order a user fixes them.
  void level(const table& t, const query_options& o, int depth, const std::string& path) {
    expect_columns(t, o.columns, "to select");
    for (const query_load& load : o.with) relation_load(t, load, depth + 1, path);
    expect_columns(t, o.where_columns, "to filter on");
    for (const query_load& f : o.filter_relations) relation_filter(t, f, depth + 1, path);
    for (const written_name& c : o.counts) relation_count(t, c);
    expect_order(t, o.order_columns);
    bound(o.limit, o.limit_site, "limit", path);
    if (o.strategy && (*o.strategy < 0 || *o.strategy > static_cast<std::int64_t>(load_strategy::nested)))
      add(query_problem::kind::unknown_strategy, {std::to_string(*o.strategy), o.strategy_site},
          "load strategy " + std::to_string(*o.strategy) + " at " + path +
              " is none of automatic, join, select_in and nested; use one of them (orm::load_strategy)");
    bound(o.offset, o.offset_site, "offset", path);
    if (o.pages != query_options::paging::none) cursor_order(t, o, depth, path);
  }

  // aggregate(): the groups' columns and each computed value's, which its function must
  // take, and the keys they are read as, which must differ.
  void aggregate(const table& t, const aggregation& a) {
    expect_columns(t, a.group_by, "to group by");
    std::vector<std::string> keys;
    for (const written_name& g : a.group_by) keys.push_back(g.text);
    for (const aggregate_term& term : a.terms) {
      keys.push_back(aggregate_key(term));
      if (term.fn == aggregate_fn::count) continue;
      const column* c = t.find_column(term.column.text);
      if (!c) {
        static constexpr const char* purpose[] = {"to count", "to sum", "to average", "to take the min of",
                                                   "to take the max of"};
        out_.push_back(unknown_column(t, term.column, purpose[static_cast<int>(term.fn)]));
        continue;
      }
      if (std::string why = aggregate_refusal(term.fn, t, *c); !why.empty())
        add(query_problem::kind::aggregate_type, term.column, std::move(why));
    }
    if (a.complete && a.terms.empty())
      add(query_problem::kind::aggregate_type, {"", q_.site},
          "the aggregate of '" + t.name + "' computes nothing; give .count = true, or columns to .sum, .avg, .min or "
          ".max");
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 1; i < keys.size(); ++i)
      if (keys[i] == keys[i - 1] && (i < 2 || keys[i - 2] != keys[i]))  // once per key read twice
        add(query_problem::kind::aggregate_type, {keys[i], q_.site},
            "the aggregate of '" + t.name + "' reads two values as '" + keys[i] +
                "'; group by a column once, and compute each value once");
  }

  // A cursor seeks past a row by the values of its order's columns, then its id: each must
  // be the table's own and never NULL (NULL compares as unknown: no row is after it).
  void cursor_order(const table& t, const query_options& o, int depth, const std::string& path) {
    const written_name at{"", o.pages_site};
    if (depth > 0) {
      add(query_problem::kind::cursor_order, at,
          "a cursor pages the rows of the read, and this one is given to the load " + path +
              "; page the top rows, or bound the load with limit and offset");
      return;
    }
    if (o.pages == query_options::paging::both) {
      add(query_problem::kind::cursor_order, at,
          "the read of '" + t.name + "' is given both .after and .before; give one: a page runs one way from its cursor");
      return;
    }
    for (const written_name& n : o.order_columns) {
      if (n.text.find('.') != std::string::npos) {
        add(query_problem::kind::cursor_order, n,
            "a cursor cannot page '" + t.name + "' ordered by '" + n.text +
                "': the value is another table's, which can change under the cursor; order by this table's own NOT "
                "NULL columns, or page with offset");
        continue;
      }
      const column* c = t.find_column(n.text);
      if (c && !c->never_null())
        add(query_problem::kind::cursor_order, n,
            "a cursor cannot page '" + t.name + "' ordered by '" + n.text + "': the column can be NULL, and no row "
            "compares as after a NULL; order by NOT NULL columns (the id is added last), or page with offset");
    }
  }

  void relation_load(const table& parent, const query_load& load, int depth, const std::string& path) {
    const std::string here = path + "." + load.relation.text;
    const relation* r = nested_relation(parent, load.relation, depth, here, "the query nests `with`",
                                        "load the rest in another query");
    if (!r || !guard(*r, load, use::load)) return;
    if (const table* target = s_.find_table(r->target)) level(*target, load.options, depth, here);
  }

  // some/none/every("relation", filter): the relation as a load finds it (an EXISTS over the
  // same lookup), then the filter's own columns and relation filters on the related table.
  void relation_filter(const table& parent, const query_load& filter, int depth, const std::string& path) {
    const std::string here = path + "." + filter.relation.text;
    const relation* r = nested_relation(parent, filter.relation, depth, here,
                                        "the filter nests relation filters (some/none/every)", "filter in two steps");
    if (!r || !guard(*r, filter, use::filter)) return;
    const table* target = s_.find_table(r->target);
    if (!target) return;
    expect_columns(*target, filter.options.where_columns, "to filter on");
    for (const query_load& nested : filter.options.filter_relations) relation_filter(*target, nested, depth + 1, here);
  }

  // .count = {"comments"}: the relation found as a load finds it, counted by the same
  // lookup; its key ("comments_count") must not be a column of the row already.
  void relation_count(const table& t, const written_name& name) {
    const relation* r = named_relation(t, name);
    if (!r || !guard(*r, {name, {}}, use::count)) return;
    const std::string key = count_key(name.text);
    if (t.find_column(key) || !s_.relations_named(t.name, key).empty())
      add(query_problem::kind::unknown_name, name,
          "the count of '" + t.name + "." + name.text + "' is read as '" + key + "', and '" + t.name +
              "' has a column or relation of that name already; rename it, or count in another query");
  }

  // The relation `name` names, `depth` levels down at `here`, when max_depth allows it; the
  // problem otherwise, in the words of what nests (`nests`) and the way out besides
  // raising max_depth.
  const relation* nested_relation(const table& parent, const written_name& name, int depth, const std::string& here,
                                  const std::string& nests, const std::string& way_out) {
    const relation* r = named_relation(parent, name);
    if (r && depth > q_.max_depth) {
      add(query_problem::kind::depth, name,
          nests + " " + std::to_string(depth) + " deep at " + here + ", deeper than max_depth " +
              std::to_string(q_.max_depth) + "; raise max_depth or " + way_out);
      return nullptr;
    }
    return r;
  }

  // The one relation of `parent` that `name` names; the problem when there is none or two.
  const relation* named_relation(const table& parent, const written_name& name) {
    const std::vector<int> found = s_.relations_named(parent.name, name.text);
    if (found.empty()) {
      std::vector<std::string_view> names;
      std::string available;
      for (const relation& r : s_.relations)
        if (r.source == parent.name) {
          names.push_back(r.name);
          available += (available.empty() ? "" : ", ") + r.name;
        }
      add(query_problem::kind::unknown_relation, name,
          "table '" + parent.name + "' has no relation '" + name.text + "'; its relations are: " +
              (available.empty() ? "(none)" : available),
          names);
      return nullptr;
    }
    if (found.size() > 1) {
      add(query_problem::kind::duplicate_relation, name, ambiguity{ambiguity::kind::duplicate_name, found, {}}.message(s_));
      return nullptr;
    }
    return &s_.relations[static_cast<std::size_t>(found.front())];
  }

  // The relation's own problems, as the schema checks find them, for loading it, filtering
  // by it or counting its rows. False: do not descend. Only a load returns rows to bound.
  enum class use : unsigned char { load, filter, count };
  bool guard(const relation& r, const query_load& load, use as) {
    const bool loads = as == use::load;
    const std::string doing = loads ? "loading" : as == use::filter ? "filtering by" : "counting";
    const std::string name = "'" + r.source + "." + r.name + "'";
    const int index = static_cast<int>(&r - s_.relations.data());
    if (r.status == resolution::unknown_name) {
      std::string message;
      const relation* inverse = r.inverse >= 0 ? &s_.relations[static_cast<std::size_t>(r.inverse)] : nullptr;
      for (const unknown_name& n : unknown_names(s_))
        if (n.in_relation == &r || (inverse && n.in_relation == inverse)) message += (message.empty() ? "" : "; ") + n.message;
      add(query_problem::kind::unknown_name, load.relation, message);
      return false;
    }
    if (!ambiguities_) ambiguities_ = ambiguities(s_);
    for (const ambiguity& a : *ambiguities_)
      // A name declared twice is refused where `with` names it (duplicate_relation).
      if (a.what != ambiguity::kind::duplicate_name && std::count(a.members.begin(), a.members.end(), index)) {
        add(query_problem::kind::ambiguous, load.relation, a.message(s_));
        return false;
      }
    if (r.status == resolution::missing_inverse) {
      add(query_problem::kind::missing_inverse, load.relation,
          "relation " + name + " has no from/to and no inverse on '" + r.target +
              "' to infer them from; write from/to or declare the inverse");
      return false;
    }
    if (!r.alias.empty() && r.inverse < 0 && !r.unmirrored_partners.empty()) {
      add(query_problem::kind::unmirrored, load.relation,
          "relation " + name + " shares alias '" + r.alias + "' with a relation whose columns do not mirror it; swap "
          "them on the inverse");
      return false;
    }
    for (const lookup& l : lookups_of(r)) {
      const table* t = s_.find_table(l.table);
      if (!t || lookup_served(*t, l.columns)) continue;
      std::string columns;
      for (const auto& c : l.columns) columns += (columns.empty() ? "" : ", ") + c;
      const bool refused = s_.settings.strict && !q_.allow_full_scan;
      if (refused || !s_.settings.strict)
        add(query_problem::kind::missing_index, load.relation,
            doing + " " + name + " looks up '" + l.table + "' by (" + columns +
                ") and no index serves it; add an index on those columns, or pass allow_full_scan",
            {}, !refused);
      if (refused) return false;
    }
    if (loads && r.kind == relation_kind::many && !load.options.limit_given && s_.settings.default_limit <= 0 && !q_.allow_full_scan) {
      add(query_problem::kind::unbounded, load.relation,
          "loading many() relation " + name + " has no bound: give this `with` a limit, set defaults.default_limit, or "
          "pass allow_full_scan");
      return false;
    }
    return true;
  }

  const schema& s_;
  const query& q_;
  std::vector<query_problem> out_;
  std::optional<std::vector<ambiguity>> ambiguities_;  // computed at the first relation loaded
};

}  // namespace orm::model::detail

namespace orm::model {

std::vector<query_problem> plan_query(const schema& s, const query& q) { return detail::planner(s, q).run(); }

std::vector<query_problem> plan_relation_filters(const schema& s, const std::string& table,
                                                 const std::vector<query_load>& filters, bool allow_full_scan) {
  if (filters.empty()) return {};
  query q;
  q.table = table;
  q.top.filter_relations = filters;
  q.allow_full_scan = allow_full_scan;
  return plan_query(s, q);
}

std::optional<related_column> related_order_column(const schema& s, const table& t, std::string_view name) {
  if (name.find('.') == std::string_view::npos) return std::nullopt;
  const detail::related_order o = detail::resolve_related_order(s, t, name);
  if (o.step != detail::related_order::found) return std::nullopt;
  return related_column{o.via, o.target, o.column_name};
}

}  // namespace orm::model
