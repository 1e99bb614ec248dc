#pragma once
// Compiles a find into exactly one SQL statement: the parent rows as json_object(...),
// each many() a correlated subquery over json_group_array(json_object(...)), each one()
// a correlated json_object(...) or null. Loading a relation passes the guards first.
#include <functional>
#include <string>
#include <vector>

#include <orm/model/names.hpp>
#include <orm/model/rules.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/sqlite/errors.hpp>
#include <orm/sqlite/find_options.hpp>
#include <orm/sqlite/sql_text.hpp>

namespace orm::sqlite {

// How to decode one JSON object of the result: column kinds (booleans come back as
// 0/1, bytes as hex) and the objects nested under relation names and variant aliases.
struct shape {
  std::vector<std::pair<std::string, column_kind>> columns;
  std::vector<std::string> nested_keys;
  std::vector<shape> nested;

  const shape* child(const std::string& key) const {
    for (std::size_t i = 0; i < nested_keys.size(); ++i)
      if (nested_keys[i] == key) return &nested[i];
    return nullptr;
  }
  const column_kind* kind_of(const std::string& key) const {
    for (const auto& [k, kind] : columns)
      if (k == key) return &kind;
    return nullptr;
  }
};

struct compiled_read {
  std::string sql;
  std::vector<param> params;
  shape decode;
  // Parents beyond which the fan-out guard fires (the statement fetches one more); 0: none.
  std::int64_t fan_out_limit = 0;
};

using warning_sink = std::function<void(const std::string&)>;

class read_compiler {
 public:
  read_compiler(const model::schema& schema, const find_options& top, warning_sink warn)
      : schema_(schema), top_(top), warn_(std::move(warn)) {}

  compiled_read compile(const model::table& table, const find_options& o) {
    compiled_read out;
    const std::string alias = next_alias();
    const std::string object = object_of(table, alias, o, 0, out.decode, table.name);
    std::string sql = "SELECT " + object + " FROM " + sql::identifier(table.name) + " AS " + alias;
    if (!o.where.empty()) sql += " WHERE " + sql::render(o.where, table, alias, &params_);
    sql += order_clause(table, alias, o);
    std::optional<std::int64_t> limit = o.limit;
    // Fan-out: loading relations for more parents than the schema allows fails fast.
    if (!o.with.empty() && !top_.allow_full_scan && schema_.settings.relation_fan_out_max_keys > 0 &&
        (!limit || *limit > schema_.settings.relation_fan_out_max_keys)) {
      out.fan_out_limit = schema_.settings.relation_fan_out_max_keys;
      limit = out.fan_out_limit + 1;
    }
    sql += limit_clause(limit, o.offset);
    out.sql = std::move(sql);
    out.params = std::move(params_);
    return out;
  }

 private:
  std::string next_alias() { return "t" + std::to_string(aliases_++); }

  std::string order_clause(const model::table& t, const std::string& alias, const find_options& o) const {
    std::string out;
    for (const order& by : o.order_by) {
      if (!t.find_column(by.column)) throw schema_error("table '" + t.name + "' has no column '" + by.column + "' to order by");
      out += (out.empty() ? " ORDER BY " : ", ") + sql::column_ref(alias, by.column) + (by.descending ? " DESC" : " ASC");
    }
    return out;
  }

  static std::string limit_clause(std::optional<std::int64_t> limit, std::optional<std::int64_t> offset) {
    std::string out;
    if (limit) out += " LIMIT " + std::to_string(*limit);
    if (offset) out += (limit ? "" : " LIMIT -1") + std::string(" OFFSET ") + std::to_string(*offset);
    return out;
  }

  static std::string value_expression(const model::column& c, const std::string& alias) {
    const std::string ref = sql::column_ref(alias, c.name);
    return c.kind == column_kind::bytes ? "hex(" + ref + ")" : ref;  // JSON cannot hold blobs
  }

  // json_object(...) of one row of `t` at `alias`, with its nested loads.
  std::string object_of(const model::table& t, const std::string& alias, const find_options& o, int depth, shape& out,
                        const std::string& path) {
    std::string args;
    auto add = [&](const std::string& key, const std::string& expr) {
      args += (args.empty() ? "" : ", ") + sql::string_literal(key) + ", " + expr;
    };
    for (const auto& name : o.columns.names)
      if (!t.find_column(name)) throw schema_error("table '" + t.name + "' has no column '" + name + "' to select");
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
    for (std::size_t i = 0; i < schema_.relations.size(); ++i) {
      const model::relation& r = schema_.relations[i];
      if (r.source != t.name || r.kind != relation_kind::one || !r.is_resolved() || r.resolved_from.empty()) continue;
      const bool variant_keys = std::all_of(r.resolved_from.begin(), r.resolved_from.end(), [&](const std::string& c) {
        const model::column* col = t.find_column(c);
        return col && !col->variants.empty();
      });
      const bool requested = std::any_of(o.with.begin(), o.with.end(), [&](const with_relation& w) { return w.relation == r.name; });
      if (variant_keys && !requested) add(r.name, load(t, alias, {r.name, {}}, depth + 1, out, path));
    }
  }

  const model::relation& find_relation(const model::table& t, const std::string& name) const {
    const std::vector<int> found = schema_.relations_named(t.name, name);
    if (found.empty()) {
      std::string available;
      for (const auto& r : schema_.relations)
        if (r.source == t.name) available += (available.empty() ? "" : ", ") + r.name;
      throw unknown_relation_error("table '" + t.name + "' has no relation '" + name + "'; its relations are: " +
                                   (available.empty() ? "(none)" : available));
    }
    if (found.size() > 1)
      throw ambiguous_relation_error(model::ambiguity{model::ambiguity::kind::duplicate_name, found, {}}.message(schema_));
    return schema_.relations[static_cast<std::size_t>(found.front())];
  }

  // The guards of DESIGN.md section 4, in the order a user would fix them.
  void guard(const model::relation& r, const with_relation& w, int depth, const std::string& path) {
    const std::string name = "'" + r.source + "." + r.name + "'";
    if (depth > top_.max_depth)
      throw depth_error("the query nests `with` " + std::to_string(depth) + " deep at " + path + "." + r.name +
                        ", deeper than max_depth " + std::to_string(top_.max_depth) +
                        "; raise max_depth or load the rest in another query");
    const auto index = static_cast<int>(&r - schema_.relations.data());
    if (r.status == model::resolution::unknown_name) {
      // The names of this relation, or of the inverse it takes its columns from.
      std::string message;
      for (const model::unknown_name& n : model::unknown_names(schema_))
        if (n.in_relation == &r || (r.inverse >= 0 && n.in_relation == &schema_.relations[static_cast<std::size_t>(r.inverse)]))
          message += (message.empty() ? "" : "; ") + n.message;
      throw schema_error(message);
    }
    if (!ambiguities_) ambiguities_ = model::ambiguities(schema_);
    for (const model::ambiguity& a : *ambiguities_)
      if (a.what == model::ambiguity::kind::inference && std::count(a.members.begin(), a.members.end(), index))
        throw ambiguous_relation_error(a.message(schema_));
    if (r.status == model::resolution::missing_inverse)
      throw missing_inverse_error("relation " + name + " has no from/to and no inverse on '" + r.target +
                                  "' to infer them from; write from/to or declare the inverse");
    if (!r.alias.empty() && r.inverse < 0 && !r.unmirrored_partners.empty())
      throw missing_inverse_error("relation " + name + " shares alias '" + r.alias +
                                  "' with a relation whose columns do not mirror it; swap them on the inverse");
    for (const model::lookup& l : model::lookups_of(r)) {
      const model::table* t = schema_.find_table(l.table);
      if (!t) throw schema_error("relation " + name + " names table '" + l.table + "', which the schema does not have");
      if (model::lookup_served(*t, l.columns)) continue;
      std::string columns;
      for (const auto& c : l.columns) columns += (columns.empty() ? "" : ", ") + c;
      const std::string message = "loading " + name + " looks up '" + l.table + "' by (" + columns +
                                  ") and no index serves it; add an index on those columns, or pass allow_full_scan";
      if (schema_.settings.strict && !top_.allow_full_scan) throw missing_index_error(message);
      if (!schema_.settings.strict && warn_) warn_(message);
    }
    if (r.kind == relation_kind::many && !w.options.limit && schema_.settings.default_limit <= 0 && !top_.allow_full_scan)
      throw unbounded_many_error("loading many() relation " + name +
                                 " has no bound: give this `with` a limit, set defaults.default_limit, or pass "
                                 "allow_full_scan");
  }

  // The subquery that loads relation `w.relation` of the row at `parent_alias`.
  std::string load(const model::table& parent, const std::string& parent_alias, const with_relation& w, int depth,
                   shape& out, const std::string& path) {
    const model::relation& r = find_relation(parent, w.relation);
    guard(r, w, depth, path);
    const model::table& target = *schema_.find_table(r.target);
    const std::string alias = next_alias();
    shape child;
    const std::string object = object_of(target, alias, w.options, depth, child, path + "." + r.name);
    out.nested_keys.push_back(r.name);
    out.nested.push_back(std::move(child));

    std::string from = sql::identifier(target.name) + " AS " + alias;
    std::vector<std::string> conditions;
    if (r.resolved_through) {
      const std::string junction = next_alias();
      std::string on;
      for (std::size_t i = 0; i < r.resolved_to.size(); ++i)
        on += (i ? " AND " : "") + sql::column_ref(junction, r.resolved_through->to[i]) + " = " +
              sql::column_ref(alias, r.resolved_to[i]);
      from += " JOIN " + sql::identifier(r.resolved_through->table) + " AS " + junction + " ON " + on;
      for (std::size_t i = 0; i < r.resolved_from.size(); ++i)
        conditions.push_back(sql::column_ref(junction, r.resolved_through->from[i]) + " = " +
                             sql::column_ref(parent_alias, r.resolved_from[i]));
    } else {
      for (std::size_t i = 0; i < r.resolved_to.size(); ++i)
        conditions.push_back(sql::column_ref(alias, r.resolved_to[i]) + " = " + sql::column_ref(parent_alias, r.resolved_from[i]));
    }
    if (!r.where.empty()) conditions.push_back(sql::render(condition(r.where), target, alias, &params_));
    if (!w.options.where.empty()) conditions.push_back(sql::render(w.options.where, target, alias, &params_));
    std::string where;
    for (const auto& c : conditions) where += (where.empty() ? " WHERE " : " AND ") + c;

    if (r.kind == relation_kind::one)
      return "json((SELECT " + object + " FROM " + from + where + order_clause(target, alias, w.options) + " LIMIT 1))";
    std::optional<std::int64_t> limit = w.options.limit;
    if (!limit && schema_.settings.default_limit > 0 && !top_.allow_full_scan) limit = schema_.settings.default_limit;
    // An ordered or offset load needs a subquery, through which SQLite 3.40 loses the
    // children's JSON subtype, so json() parses each again. Without one, json_object()
    // goes straight into the aggregate, and a limit picks the rows by rowid: 1.25-1.7x
    // faster (docs/performance.md).
    if (!w.options.order_by.empty() || w.options.offset)
      return "(SELECT json_group_array(json(o)) FROM (SELECT " + object + " AS o FROM " + from + where +
             order_clause(target, alias, w.options) + limit_clause(limit, w.options.offset) + "))";
    if (!limit) return "(SELECT json_group_array(" + object + ") FROM " + from + where + ")";
    return "(SELECT json_group_array(" + object + ") FROM " + sql::identifier(target.name) + " AS " + alias + " WHERE " +
           alias + ".rowid IN (SELECT " + alias + ".rowid FROM " + from + where + limit_clause(limit, {}) + "))";
  }

  const model::schema& schema_;
  const find_options& top_;
  warning_sink warn_;
  std::vector<param> params_;
  int aliases_ = 0;
  std::optional<std::vector<model::ambiguity>> ambiguities_;  // computed at the first relation loaded
};

}  // namespace orm::sqlite
