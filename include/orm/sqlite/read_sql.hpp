#pragma once
// Compiles a find into SQL: the parent rows as plain columns; each relation loaded by
// join a correlated subquery over json_group_array(json_object(...)) (a many()) or a
// correlated json_object(...) or null (a one()); each relation loaded by a statement of
// its own (select_in, nested: runtime/read_plan.hpp) a statement of its own beside it.
// Loading a relation passes the guards first.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <orm/sqlite/dialect.hpp>
#include <orm/model/query_plan.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/runtime/read_plan.hpp>
#include <orm/sqlite/vocabulary.hpp>

namespace orm::sqlite {

class read_compiler {
 public:
  read_compiler(const model::schema& schema, const find_options& top, warning_sink warn, bool unique = false)
      : schema_(schema), top_(top), warn_(std::move(warn)), unique_(unique) {}

  // Plans the query first (model/query_plan.hpp): what renders below is known to be valid.
  compiled_read compile(const model::table& table, const find_options& o) {
    planning::check(schema_, table, o, warn_, unique_);
    compiled_read out;
    const std::string alias = next_alias();
    levels_.push_back({table.name, alias});
    const std::string select = result_columns(table, alias, o, out, table.name);
    std::string sql = "SELECT " + select + " FROM " + sql::identifier(table.name) + " AS " + alias;
    if (!o.where.empty()) sql += " WHERE " + sql::render(o.where, table, alias, &params_, dialect, &schema_);
    sql += runtime::order_clause(schema_, table, alias, top_order_of(o), dialect);
    sql += limit_clause(fan_out_bounded(schema_, o, out), o.offset);
    out.sql = std::move(sql);
    out.params = std::move(params_);
    out.levels = std::move(levels_);
    return out;
  }

  // The statement that loads `w` (relation `r` of `parent`) for many parents at once, or
  // for one parent key at a time (runtime/read_plan.hpp, separate_load_sql).
  compiled_read compile_separate(const model::table& parent, const model::relation& r, const with_relation& w,
                                 load_strategy how, const std::string& path) {
    const model::table& target = *schema_.find_table(r.target);
    const load_key key = *separate_key_of(schema_, parent, r);
    compiled_read out;
    const std::string alias = next_alias();
    levels_.push_back({path, alias});
    const std::string junction = r.resolved_through ? next_alias() : std::string();
    separate_load_parts p;
    p.alias = alias;
    p.select = result_columns(target, alias, w.options, out, path);
    p.from = join_of(r, target, alias, junction, alias).from;  // its tie to a parent row is the key's test
    if (!r.where.empty()) p.conditions.push_back(sql::render(condition(r.where), target, alias, &params_, dialect));
    if (!w.options.where.empty())
      p.conditions.push_back(sql::render(w.options.where, target, alias, &params_, dialect, &schema_));
    p.key_expression = sql::column_ref(r.resolved_through ? junction : alias, key.child_column);
    p.key_kind = key.kind;
    p.order = order_clause(target, alias, w.options);
    p.limit = r.kind == relation_kind::one ? std::optional<std::int64_t>(1) : load_limit(schema_, w.options, top_);
    p.offset = r.kind == relation_kind::one ? std::nullopt : w.options.offset;  // one row: no offset, as in a join
    p.per_key = how == load_strategy::nested;
    out.per_key = p.per_key;
    separate_load_sql(p, params_, out, dialect);
    out.key_column = static_cast<int>(out.columns.size());
    out.columns.push_back({"", key.kind, -1, -1, true});
    out.params = std::move(params_);
    out.levels = std::move(levels_);
    return out;
  }

  // The measured rule (docs/performance.md, "Load strategies"): in one process, SQLite
  // steps a prepared statement per parent key faster than it builds and parses the JSON of
  // a join, at every number of parents measured (1 to 5,000).
  static constexpr load_strategy automatic = load_strategy::nested;

 private:
  std::string next_alias() { return "t" + std::to_string(aliases_++); }

  std::string order_clause(const model::table& table, const std::string& alias, const find_options& o) const {
    return runtime::order_clause(schema_, table, alias, o.order_by, dialect);
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
  std::string result_columns(const model::table& t, const std::string& alias, const find_options& o, compiled_read& out,
                             const std::string& path) {
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
    for (const with_relation& w : o.with) {
      const model::relation& r = find_relation(t, w.relation);
      const load_strategy how = strategy_of(schema_, r, w.options, top_, automatic);
      if (how == load_strategy::join) {
        nested(w.relation, load(t, alias, w, 1, s, path));
        continue;
      }
      compiled_load& l = add_separate_load(out, schema_, t, r, alias, add);
      read_compiler separate(schema_, top_, warn_);
      separate.aliases_ = aliases_;  // one read's aliases are its own across its statements
      l.read = separate.compile_separate(t, r, w, how, path + "." + r.name);
      aliases_ = separate.aliases_;
    }
    if (o.with_variants)
      for (const model::relation* r : variant_relations(schema_, t, o)) nested(r->name, load(t, alias, {r->name, {}}, 1, s, path));
    for (const std::string& relation : o.count) {
      add(count_of(t, alias, relation));
      out.columns.push_back({model::count_key(relation), column_kind::integer, -1});
    }
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
    for (const std::string& relation : o.count) {
      add(model::count_key(relation), count_of(t, alias, relation));
      out.columns.emplace_back(model::count_key(relation), column_kind::integer);
    }
    return "json_object(" + args + ")";
  }

  std::string count_of(const model::table& t, const std::string& alias, const std::string& relation) {
    const std::string counted = next_alias(), junction = next_alias();
    return relation_count(schema_, t, relation, alias, counted, junction, &params_, dialect);
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
    levels_.push_back({path + "." + r.name, alias});
    shape child;
    const std::string object = object_of(target, alias, w.options, depth, child, path + "." + r.name);
    out.nested_keys.push_back(r.name);
    out.nested.push_back(std::move(child));

    relation_join join = join_of(r, target, alias, r.resolved_through ? next_alias() : std::string(), parent_alias);
    std::string& from = join.from;
    std::vector<std::string>& conditions = join.conditions;
    if (!r.where.empty()) conditions.push_back(sql::render(condition(r.where), target, alias, &params_, dialect));
    if (!w.options.where.empty()) conditions.push_back(sql::render(w.options.where, target, alias, &params_, dialect, &schema_));
    std::string where;
    for (const auto& c : conditions) where += (where.empty() ? " WHERE " : " AND ") + c;

    if (r.kind == relation_kind::one)
      return "json((SELECT " + object + " FROM " + from + where + order_clause(target, alias, w.options) + " LIMIT 1))";
    const std::optional<std::int64_t> limit = load_limit(schema_, w.options, top_);
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
  bool unique_;
  std::vector<param> params_;
  std::vector<read_level> levels_;
  int aliases_ = 0;
};

}  // namespace orm::sqlite
