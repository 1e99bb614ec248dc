#pragma once
// Compiles a find into exactly one SQL statement: the parent rows as json_object(...),
// each many() a correlated subquery over json_group_array(json_object(...)), each one()
// a correlated json_object(...) or null. Loading a relation passes the guards first.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <orm/model/query_plan.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/sqlite/errors.hpp>
#include <orm/sqlite/find_options.hpp>
#include <orm/sqlite/node.hpp>
#include <orm/sqlite/sql_text.hpp>

namespace orm::sqlite {

// How to decode one JSON object of the result: column kinds (booleans come back as
// 0/1, bytes as hex) and the objects nested under relation names and variant aliases.
struct shape {
  std::string table;  // whose row this is, for decoding errors
  std::vector<std::pair<std::string, column_kind>> columns;
  std::vector<std::string> nested_keys;
  std::vector<shape> nested;
  // The keys of the last row decoded with this shape: the next rows share the list.
  mutable std::shared_ptr<node::key_list> row_keys;

  const shape* child(std::string_view key) const {
    for (std::size_t i = 0; i < nested_keys.size(); ++i)
      if (nested_keys[i] == key) return &nested[i];
    return nullptr;
  }
  const column_kind* kind_of(std::string_view key) const {
    for (const auto& [k, kind] : columns)
      if (k == key) return &kind;
    return nullptr;
  }
};

// One column of the statement's result. The parent row's own columns come back as SQL
// values, read with sqlite3_column_* (nothing to build or parse); each loaded relation and
// each variant alias comes back as one JSON text column.
struct result_column {
  std::string key;
  column_kind kind = column_kind::text;  // a column of the parent row
  int nested = -1;                       // a JSON column: the index of its shape in decode.nested
};

struct compiled_read {
  std::string sql;
  std::vector<param> params;
  shape decode;  // the parent row's table; its nested shapes decode the JSON columns
  std::vector<result_column> columns;
  // Parents beyond which the fan-out guard fires (the statement fetches one more); 0: none.
  std::int64_t fan_out_limit = 0;
  // Where the read may run, with read replicas (postgres/replicas.hpp): a read that locks
  // rows runs on the primary; one that must see its database's writes, on a replica that
  // has replayed them.
  bool locks_rows = false;
  bool read_your_writes = false;
};

using warning_sink = std::function<void(const std::string&)>;

// The fan-out guard's error: a read found more parents than relation_fan_out_max_keys.
inline fan_out_error too_many_parents(const std::string& table, std::int64_t limit) {
  return fan_out_error("the query on '" + table + "' loads relations for more than " + std::to_string(limit) +
                       " parent rows (relation_fan_out_max_keys); add a limit or a narrower where, raise "
                       "defaults.relation_fan_out_max_keys, or pass allow_full_scan");
}

// The one() relations of `t` whose keys are fields of a variant: with_variants loads
// them unless `with` names them already.
inline std::vector<const model::relation*> variant_relations(const model::schema& s, const model::table& t,
                                                             const find_options& o) {
  std::vector<const model::relation*> out;
  if (!o.with_variants) return out;
  for (const model::relation& r : s.relations) {
    if (r.source != t.name || r.kind != relation_kind::one || !r.is_resolved() || r.resolved_from.empty()) continue;
    const bool variant_keys = std::all_of(r.resolved_from.begin(), r.resolved_from.end(), [&](const std::string& c) {
      const model::column* col = t.find_column(c);
      return col && !col->variants.empty();
    });
    const bool requested = std::any_of(o.with.begin(), o.with.end(), [&](const with_relation& w) { return w.relation == r.name; });
    if (variant_keys && !requested) out.push_back(&r);
  }
  return out;
}

// The top level's limit: loading relations for more parents than the schema allows
// fails fast, so the statement fetches one parent more than relation_fan_out_max_keys
// (and `out` says where the guard fires).
inline std::optional<std::int64_t> fan_out_bounded(const model::schema& s, const find_options& o, compiled_read& out) {
  std::optional<std::int64_t> limit = o.limit;
  if (!o.with.empty() && !o.allow_full_scan && s.settings.relation_fan_out_max_keys > 0 &&
      (!limit || *limit > s.settings.relation_fan_out_max_keys)) {
    out.fan_out_limit = s.settings.relation_fan_out_max_keys;
    limit = out.fan_out_limit + 1;
  }
  return limit;
}

// A many() load's limit: its own, or the schema's default_limit unless the query allows
// full scans.
inline std::optional<std::int64_t> load_limit(const model::schema& s, const find_options& load, const find_options& top) {
  if (!load.limit && s.settings.default_limit > 0 && !top.allow_full_scan) return s.settings.default_limit;
  return load.limit;
}

// find_first's row, and find_unique's (which ran with limit 2, to tell one from many).
template <class Row>
std::optional<Row> first_row(std::vector<Row> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}
template <class Row>
std::optional<Row> unique_row(std::vector<Row> rows, const std::string& table) {
  if (rows.size() > 1) throw schema_error("find_unique on '" + table + "' matched more than one row; filter on a unique column");
  return first_row(std::move(rows));
}

// How a loaded relation's rows at `alias` are found: the target table (with the junction
// at `junction` joined for a .through() relation), and the conditions that tie them to
// the parent row at `parent_alias`. The same in both dialects.
struct relation_join {
  std::string from;
  std::vector<std::string> conditions;
};
inline relation_join join_of(const model::relation& r, const model::table& target, const std::string& alias,
                             const std::string& junction, const std::string& parent_alias) {
  relation_join out{sql::identifier(target.name) + " AS " + alias, {}};
  if (r.resolved_through) {
    std::string on;
    for (std::size_t i = 0; i < r.resolved_to.size(); ++i)
      on += (i ? " AND " : "") + sql::column_ref(junction, r.resolved_through->to[i]) + " = " +
            sql::column_ref(alias, r.resolved_to[i]);
    out.from += " JOIN " + sql::identifier(r.resolved_through->table) + " AS " + junction + " ON " + on;
    for (std::size_t i = 0; i < r.resolved_from.size(); ++i)
      out.conditions.push_back(sql::column_ref(junction, r.resolved_through->from[i]) + " = " +
                               sql::column_ref(parent_alias, r.resolved_from[i]));
  } else {
    for (std::size_t i = 0; i < r.resolved_to.size(); ++i)
      out.conditions.push_back(sql::column_ref(alias, r.resolved_to[i]) + " = " + sql::column_ref(parent_alias, r.resolved_from[i]));
  }
  return out;
}

namespace planning {

inline model::query_options options_of(const model::schema& s, const model::table* t, const find_options& o) {
  using sel = model::query_options::selection;
  model::query_options out;
  out.columns_mode = o.columns.how == selection::mode::all ? sel::all
                     : o.columns.how == selection::mode::include ? sel::include : sel::exclude;
  for (const auto& c : o.columns.names) out.columns.push_back({c, {}});
  for (const auto& term : o.where.terms())
    if (!term.column.empty()) out.where_columns.push_back({term.column, {}});
  for (const order& by : o.order_by) out.order_columns.push_back({by.column, {}});
  out.limit = o.limit;
  out.offset = o.offset;
  out.limit_given = o.limit.has_value();
  for (const with_relation& w : o.with) {
    const std::vector<int> found = t ? s.relations_named(t->name, w.relation) : std::vector<int>{};
    const model::table* target = found.size() == 1 ? s.find_table(s.relations[static_cast<std::size_t>(found.front())].target) : nullptr;
    out.with.push_back({{w.relation, {}}, options_of(s, target, w.options)});
  }
  if (t)
    for (const model::relation* r : variant_relations(s, *t, o)) out.with.push_back({{r->name, {}}, {}});
  return out;
}

// Plans the query; warnings go to `warn`, the first refusal is thrown as its guard's error.
// `unique`: the call is a find_unique, whose where must pin a unique key.
inline void check(const model::schema& s, const model::table& t, const find_options& o, const warning_sink& warn,
                  bool unique) {
  model::query q;
  q.table = t.name;
  q.unique = unique;
  if (unique) q.pinned = model::pinned_columns(o.where.terms());
  q.top = options_of(s, &t, o);
  q.allow_full_scan = o.allow_full_scan;
  q.max_depth = o.max_depth;
  using k = model::query_problem::kind;
  for (const model::query_problem& p : model::plan_query(s, q)) {
    if (p.warning) {
      if (warn) warn(p.message);
      continue;
    }
    switch (p.what) {
      case k::unknown_relation: throw unknown_relation_error(p.message);
      case k::duplicate_relation:
      case k::ambiguous: throw ambiguous_relation_error(p.message);
      case k::depth: throw depth_error(p.message);
      case k::missing_inverse:
      case k::unmirrored: throw missing_inverse_error(p.message);
      case k::missing_index: throw missing_index_error(p.message);
      case k::unbounded: throw unbounded_many_error(p.message);
      case k::unknown_column:
      case k::negative_bound:
      case k::unpinned_unique:
      case k::unknown_name: throw schema_error(p.message);
      case k::full_scan_write: throw full_scan_error(p.message);  // writes only
      case k::value_type: throw schema_error(p.message);
      case k::discriminator_write: throw discriminator_write_error(p.message);
    }
  }
}

}  // namespace planning

// The ORDER BY of a read or a load: the user's order, then the id, ascending, unless the
// order names it already, so that rows tied on the user's columns come back in one order,
// the same on both backends, and a limit cuts the same rows.
inline std::string order_clause(const std::string& alias, const std::vector<order>& by) {
  std::string out;
  bool has_id = false;
  for (const order& o : by) {
    out += (out.empty() ? " ORDER BY " : ", ") + sql::column_ref(alias, o.column) + (o.descending ? " DESC" : " ASC");
    has_id = has_id || o.column == "id";
  }
  if (!out.empty() && !has_id) out += ", " + sql::column_ref(alias, "id") + " ASC";
  return out;
}

class read_compiler {
 public:
  read_compiler(const model::schema& schema, const find_options& top, warning_sink warn, bool unique = false)
      : schema_(schema), top_(top), warn_(std::move(warn)), unique_(unique) {}

  // Plans the query first (model/query_plan.hpp): what renders below is known to be valid.
  compiled_read compile(const model::table& table, const find_options& o) {
    planning::check(schema_, table, o, warn_, unique_);
    compiled_read out;
    const std::string alias = next_alias();
    const std::string select = result_columns(table, alias, o, out);
    std::string sql = "SELECT " + select + " FROM " + sql::identifier(table.name) + " AS " + alias;
    if (!o.where.empty()) sql += " WHERE " + sql::render(o.where, table, alias, &params_);
    sql += order_clause(alias, o);
    sql += limit_clause(fan_out_bounded(schema_, o, out), o.offset);
    out.sql = std::move(sql);
    out.params = std::move(params_);
    return out;
  }

 private:
  std::string next_alias() { return "t" + std::to_string(aliases_++); }

  static std::string order_clause(const std::string& alias, const find_options& o) {
    return sqlite::order_clause(alias, o.order_by);
  }

  static std::string limit_clause(std::optional<std::int64_t> limit, std::optional<std::int64_t> offset) {
    std::string out;
    if (limit) out += " LIMIT " + std::to_string(*limit);
    if (offset) out += (limit ? "" : " LIMIT -1") + std::string(" OFFSET ") + std::to_string(*offset);
    return out;
  }

  // A column's value as the row's JSON carries it, so that it decodes exactly: blobs as
  // hex (JSON cannot hold them), reals as 17 significant digits in text (json_object
  // prints 15, and refuses infinities), NULL as null for both. SQLite keeps no sign on
  // a stored -0.0: it reads back as 0.0.
  static std::string value_expression(const model::column& c, const std::string& alias) {
    const std::string ref = sql::column_ref(alias, c.name);
    if (c.kind == column_kind::bytes) return "CASE WHEN " + ref + " IS NULL THEN NULL ELSE hex(" + ref + ") END";
    if (c.kind == column_kind::real) {
      // SQLite 3.40's printf is exact for magnitudes below about 1e100 only: larger reals
      // are scaled by an exact power of two first, and the text says which ("...p700").
      // printf of ref / 2^(50 * fifties), marked so that the decoder scales it back.
      const auto scaled = [&](int fifties) {
        std::string power = "1125899906842624.0";  // 2^50, exact
        for (int i = 1; i < fifties; ++i) power += "*1125899906842624.0";
        return "printf('%!.17gp" + std::to_string(50 * fifties) + "', " + ref + " / (" + power + "))";
      };
      return "CASE typeof(" + ref + ") WHEN 'real' THEN CASE WHEN abs(" + ref + ") >= 1e200 THEN " + scaled(14) +
             " WHEN abs(" + ref + ") >= 1e90 THEN " + scaled(8) + " ELSE printf('%!.17g', " + ref + ") END ELSE " + ref +
             " END";
    }
    return ref;
  }

  // The parent row's select list: its columns as they are stored, then one JSON column
  // per variant alias and per loaded relation (the same order as a nested object's keys).
  std::string result_columns(const model::table& t, const std::string& alias, const find_options& o, compiled_read& out) {
    std::string list;
    auto add = [&](const std::string& expr) { list += (list.empty() ? "" : ", ") + expr; };
    shape& s = out.decode;
    s.table = t.name;
    for (const model::column& c : t.columns) {
      if (!c.variants.empty() || !o.columns.selects(c.name)) continue;
      add(sql::column_ref(alias, c.name));
      out.columns.push_back({c.name, c.kind, -1});
    }
    const auto nested = [&](const std::string& key, const std::string& expr) {
      add(expr);
      out.columns.push_back({key, column_kind::text, static_cast<int>(s.nested.size()) - 1});
    };
    for (const model::discriminator& d : t.discriminators)
      if (o.columns.selects(d.column)) nested(d.as, variant_object(t, d, alias, s));
    for (const with_relation& w : o.with) nested(w.relation, load(t, alias, w, 1, s, t.name));
    if (o.with_variants)
      for (const model::relation* r : variant_relations(schema_, t, o)) nested(r->name, load(t, alias, {r->name, {}}, 1, s, t.name));
    return list.empty() ? "NULL" : list;  // no column selected, no relation: rows with no fields
  }

  // json_object(...) of one row of `t` at `alias`, with its nested loads.
  std::string object_of(const model::table& t, const std::string& alias, const find_options& o, int depth, shape& out,
                        const std::string& path) {
    std::string args;
    auto add = [&](const std::string& key, const std::string& expr) {
      args += (args.empty() ? "" : ", ") + sql::string_literal(key) + ", " + expr;
    };
    out.table = t.name;
    for (const model::column& c : t.columns) {
      if (!c.variants.empty() || !o.columns.selects(c.name)) continue;
      add(c.name, value_expression(c, alias));
      out.columns.emplace_back(c.name, c.kind);
    }
    for (const model::discriminator& d : t.discriminators)
      if (o.columns.selects(d.column)) add(d.as, variant_object(t, d, alias, out));
    for (const with_relation& w : o.with) add(w.relation, load(t, alias, w, depth + 1, out, path));
    if (o.with_variants) add_variant_relations(t, alias, o, depth, out, path, add);
    return "json_object(" + args + ")";
  }

  // The active variant's fields, nested under the discriminator's alias.
  std::string variant_object(const model::table& t, const model::discriminator& d, const std::string& alias, shape& out) {
    shape fields;
    fields.table = t.name;
    std::string cases;
    for (int index : d.variants) {
      const model::variant& v = t.variants[static_cast<std::size_t>(index)];
      std::string args;
      for (const model::variant_field& f : v.fields) {
        const model::column* c = t.find_column(f.name);
        if (!c || c->variants.empty()) continue;  // shadowing a base column: reported by ormlint
        args += (args.empty() ? "" : ", ") + sql::string_literal(f.name) + ", " + value_expression(*c, alias);
        if (!fields.kind_of(f.name)) fields.columns.emplace_back(f.name, f.kind);
      }
      cases += " WHEN " + sql::string_literal(v.name) + " THEN json_object(" + args + ")";
    }
    out.nested_keys.push_back(d.as);
    out.nested.push_back(std::move(fields));
    return "CASE " + sql::column_ref(alias, d.column) + cases + " END";
  }

  template <class Add>
  void add_variant_relations(const model::table& t, const std::string& alias, const find_options& o, int depth,
                             shape& out, const std::string& path, Add& add) {
    for (const model::relation* r : variant_relations(schema_, t, o)) add(r->name, load(t, alias, {r->name, {}}, depth + 1, out, path));
  }

  // The planner has refused unknown and twice-declared names already.
  const model::relation& find_relation(const model::table& t, const std::string& name) const {
    return schema_.relations[static_cast<std::size_t>(schema_.relations_named(t.name, name).front())];
  }

  // The subquery that loads relation `w.relation` of the row at `parent_alias`.
  std::string load(const model::table& parent, const std::string& parent_alias, const with_relation& w, int depth,
                   shape& out, const std::string& path) {
    const model::relation& r = find_relation(parent, w.relation);
    const model::table& target = *schema_.find_table(r.target);
    const std::string alias = next_alias();
    shape child;
    const std::string object = object_of(target, alias, w.options, depth, child, path + "." + r.name);
    out.nested_keys.push_back(r.name);
    out.nested.push_back(std::move(child));

    relation_join join = join_of(r, target, alias, r.resolved_through ? next_alias() : std::string(), parent_alias);
    std::string& from = join.from;
    std::vector<std::string>& conditions = join.conditions;
    if (!r.where.empty()) conditions.push_back(sql::render(condition(r.where), target, alias, &params_));
    if (!w.options.where.empty()) conditions.push_back(sql::render(w.options.where, target, alias, &params_));
    std::string where;
    for (const auto& c : conditions) where += (where.empty() ? " WHERE " : " AND ") + c;

    if (r.kind == relation_kind::one)
      return "json((SELECT " + object + " FROM " + from + where + order_clause(alias, w.options) + " LIMIT 1))";
    const std::optional<std::int64_t> limit = load_limit(schema_, w.options, top_);
    // An ordered or offset load needs a subquery, through which SQLite 3.40 loses the
    // children's JSON subtype, so json() parses each again. Without one, json_object()
    // goes straight into the aggregate, and a limit picks the rows by rowid: 1.25-1.7x
    // faster (docs/performance.md).
    if (!w.options.order_by.empty() || w.options.offset)
      return "(SELECT json_group_array(json(o)) FROM (SELECT " + object + " AS o FROM " + from + where +
             order_clause(alias, w.options) + limit_clause(limit, w.options.offset) + "))";
    if (!limit) return "(SELECT json_group_array(" + object + ") FROM " + from + where + ")";
    return "(SELECT json_group_array(" + object + ") FROM " + sql::identifier(target.name) + " AS " + alias + " WHERE " +
           alias + ".rowid IN (SELECT " + alias + ".rowid FROM " + from + where + limit_clause(limit, {}) + "))";
  }

  const model::schema& schema_;
  const find_options& top_;
  warning_sink warn_;
  bool unique_;
  std::vector<param> params_;
  int aliases_ = 0;
};

}  // namespace orm::sqlite
