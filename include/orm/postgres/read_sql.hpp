#pragma once
// Compiles a find into PostgreSQL statements (one, unless a relation loads by a statement
// of its own: runtime/read_plan.hpp): the parent rows' columns as
// plain result columns, each loaded relation a LEFT JOIN LATERAL that returns one JSON
// value (json_agg of json_build_object for a many(), json_build_object or null for a
// one()), nested loads joined the same way inside it. The guards, the shapes the
// decoder reads and the result columns are SQLite's (sqlite/read_sql.hpp): only the SQL
// text is this dialect's.
#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <orm/postgres/dialect.hpp>
#include <orm/postgres/vocabulary.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/runtime/read_plan.hpp>
#include <orm/runtime/sql_text.hpp>

namespace orm::postgres {



class read_compiler {
 public:
  // `joined_parents`: the most parents whose loads `automatic` joins (joined_parents_for).
  read_compiler(const model::schema& schema, const find_options& top, warning_sink warn, bool unique = false,
                std::int64_t joined_parents = few_parents)
      : schema_(schema), top_(top), warn_(std::move(warn)), unique_(unique), joined_parents_(joined_parents) {}

  // Plans the query first (model/query_plan.hpp): what renders below is known to be valid.
  compiled_read compile(const model::table& table, const find_options& o) {
    runtime::planning::check(schema_, table, o, warn_, unique_);
    compiled_read out;
    path_ = table.name;
    parents_ = o.limit;
    const std::string alias = next_alias();
    std::string joins;
    const std::string select = result_columns(table, alias, o, out, joins);
    const std::optional<std::int64_t> limit = runtime::fan_out_bounded(schema_, o, out);
    const std::string where = o.where.empty() ? "" : " WHERE " + render(o.where, table, alias);
    // Locked rows are the parents', chosen where they are chosen.
    const std::string lock = o.lock == runtime::row_lock::for_update ? " FOR UPDATE"
                             : o.lock == runtime::row_lock::for_share ? " FOR SHARE"
                                                                     : "";
    if (joins.empty()) {
      out.sql = "SELECT " + select + " FROM " + sql::identifier(table.name) + " AS " + alias + where +
                runtime::order_clause(schema_, table, alias, runtime::top_order_of(o), dialect) + limit_clause(limit, o.offset) + lock;
    } else {
      // The parents are chosen first, so that relations load for those rows only; the
      // id breaks ties, so that the outer order is the inner one.
      out.sql = "SELECT " + select + " FROM (SELECT * FROM " + sql::identifier(table.name) + " AS " + alias + where +
                runtime::order_clause(schema_, table, alias, runtime::top_order_of(o), dialect) + limit_clause(limit, o.offset) + lock + ") AS " + alias + joins +
                runtime::order_clause(schema_, table, alias, runtime::top_order_of(o), dialect);
    }
    out.params = std::move(params_);
    out.levels = {{table.name, alias}};  // the top; its loads are lateral joins the plan names by their own aliases
    return out;
  }

  // The statement that loads `w` (relation `r` of `parent`) for many parents at once, or
  // for one parent key at a time (runtime/read_plan.hpp, separate_load_sql).
  compiled_read compile_separate(const model::table& parent, const model::relation& r, const with_relation& w,
                                 load_strategy how, const std::string& path) {
    const model::table& target = *schema_.find_table(r.target);
    const runtime::load_key key = *runtime::separate_key_of(schema_, parent, r);
    compiled_read out;
    path_ = path;
    const std::string alias = next_alias();
    const std::string junction = r.resolved_through ? next_alias() : std::string();
    runtime::separate_load_parts p;
    p.alias = alias;
    p.select = result_columns(target, alias, w.options, out, p.joins);
    p.from = runtime::join_of(r, target, alias, junction, alias).from;  // its tie to a parent row is the key's test
    if (!r.where.empty()) p.conditions.push_back(render(runtime::condition(r.where), target, alias));
    if (!w.options.where.empty()) p.conditions.push_back(render(w.options.where, target, alias));
    p.key_expression = sql::column_ref(r.resolved_through ? junction : alias, key.child_column);
    p.key_kind = key.kind;
    p.order = runtime::order_clause(schema_, target, alias, w.options.order_by, dialect);
    p.limit = r.kind == relation_kind::one ? std::optional<std::int64_t>(1) : runtime::load_limit(schema_, w.options, top_);
    p.offset = r.kind == relation_kind::one ? std::nullopt : w.options.offset;  // one row: no offset, as in a join
    p.per_key = how == load_strategy::nested;
    out.per_key = p.per_key;
    runtime::separate_load_sql(p, params_, out, dialect);
    out.key_column = static_cast<int>(out.columns.size());
    out.columns.push_back({"", key.kind, -1, -1, true});
    out.params = std::move(params_);
    out.levels = {{path, alias}};
    return out;
  }

  // `automatic` on PostgreSQL: a statement per level (select_in) costs a round trip per
  // level, which a join saves; the join costs building and parsing its JSON per parent.
  // So a load is joined where its parents are few enough that their JSON costs less than
  // a round trip: on the Unix socket of the benchmarks (a round trip of about 34 us), up
  // to 10 parents, measured (docs/performance.md, "Load strategies"); a round trip of
  // 0.8 ms joins up to 235 (measured there too: at 100 parents the join took 2.6 ms and
  // select_in 3.9 ms). A load's statement reads parents that no limit bounds.
  load_strategy automatic_for(std::optional<std::int64_t> parents) const {
    return parents && *parents <= joined_parents_ ? load_strategy::join : load_strategy::select_in;
  }
  static constexpr std::int64_t few_parents = 10;
  static constexpr std::chrono::nanoseconds join_cost_per_parent{3400};
  // The most parents joined for the connection's round trip (its time, measured).
  static std::int64_t joined_parents_for(std::chrono::nanoseconds round_trip) {
    return std::max<std::int64_t>(few_parents, round_trip / join_cost_per_parent);
  }

 private:
  static constexpr std::size_t longest_identifier = 63;  // NAMEDATALEN - 1

  std::string next_alias() { return "t" + std::to_string(aliases_++); }

  std::string render(const runtime::condition& c, const model::table& t, const std::string& alias) {
    return sql::render(c, t, alias, &params_, dialect, &schema_);
  }


  static std::string limit_clause(std::optional<std::int64_t> limit, std::optional<std::int64_t> offset) {
    std::string out;
    if (limit) out += " LIMIT " + std::to_string(*limit);
    if (offset) out += " OFFSET " + std::to_string(*offset);
    return out;
  }

  // A parent column as the result's text carries it: timestamps as the runtime's integer
  // (microseconds since the epoch), the rest in PostgreSQL's own text form.
  static std::string column_expression(const model::column& c, const std::string& alias) {
    const std::string ref = sql::column_ref(alias, c.name);
    if (c.kind == column_kind::timestamp) return dialect_detail::microseconds_of(ref);
    return ref;
  }

  // A column's value inside JSON as the shared decoder reads it (src/runtime/decode.cpp):
  // bytes as hex, timestamps as integers; booleans are JSON's, reals are numbers in
  // their shortest exact form ("Infinity" and "NaN" are text, which the decoder parses).
  static std::string json_expression(const model::column& c, const std::string& alias) {
    const std::string ref = sql::column_ref(alias, c.name);
    switch (c.kind) {
      case column_kind::bytes: return "encode(" + ref + ", 'hex')";
      case column_kind::timestamp: return column_expression(c, alias);
      default: return ref;
    }
  }

  // json_build_object takes 100 arguments: a wider row is built from a row value.
  static std::string object(const std::vector<std::pair<std::string, std::string>>& members) {
    std::string out;
    if (members.size() <= 50) {
      for (const auto& [key, expr] : members) out += (out.empty() ? "" : ", ") + sql::string_literal(key) + ", " + expr;
      return "json_build_object(" + out + ")";
    }
    for (const auto& [key, expr] : members) out += (out.empty() ? "" : ", ") + expr + " AS " + sql::identifier(key);
    return "(SELECT row_to_json(r) FROM (SELECT " + out + ") AS r)";
  }

  std::string result_columns(const model::table& t, const std::string& alias, const find_options& o,
                             compiled_read& out, std::string& joins) {
    std::string list;
    auto add = [&](const std::string& expr) { list += (list.empty() ? "" : ", ") + expr; };
    shape& s = out.decode;
    s.table = t.name;
    for (const model::column& c : t.columns) {
      if (!c.variants.empty() || !o.columns.selects(c.name)) continue;
      add(column_expression(c, alias));
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
      const load_strategy how = runtime::strategy_of(schema_, r, w.options, top_, automatic_for(parents_));
      if (how == load_strategy::join) {
        nested(w.relation, load(t, alias, w, s, joins));
        continue;
      }
      compiled_load& l = runtime::add_separate_load(out, schema_, t, r, alias, add);
      read_compiler separate(schema_, top_, warn_, false, joined_parents_);
      separate.aliases_ = aliases_;  // one read's aliases are its own across its statements
      l.read = separate.compile_separate(t, r, w, how, path_ + "." + r.name);
      aliases_ = separate.aliases_;
    }
    if (o.with_variants)
      for (const model::relation* r : runtime::variant_relations(schema_, t, o)) nested(r->name, load(t, alias, {r->name, {}}, s, joins));
    for (const std::string& relation : o.count) {
      add(count_of(t, alias, relation));
      out.columns.push_back({model::count_key(relation), column_kind::integer, -1});
    }
    return list.empty() ? "NULL" : list;
  }

  // One row of `t` at `alias` as JSON, with its loads joined into `joins`. The row's
  // members are the columns of a record joined laterally (`o`), which to_json and
  // json_agg write with their names as keys: about twice as fast as json_build_object,
  // which looks up each argument's type on every call (docs/performance.md). Returns the
  // record's alias, or an expression where a key is longer than an identifier may be.
  std::string object_of(const model::table& t, const std::string& alias, const find_options& o, shape& out,
                        std::string& joins) {
    std::vector<std::pair<std::string, std::string>> members;
    out.table = t.name;
    for (const model::column& c : t.columns) {
      if (!c.variants.empty() || !o.columns.selects(c.name)) continue;
      members.emplace_back(c.name, json_expression(c, alias));
      out.columns.emplace_back(c.name, c.kind);
    }
    for (const model::discriminator& d : t.discriminators)
      if (o.columns.selects(d.column)) members.emplace_back(d.as, variant_object(t, d, alias, out));
    for (const with_relation& w : o.with) members.emplace_back(w.relation, load(t, alias, w, out, joins));
    if (o.with_variants)
      for (const model::relation* r : runtime::variant_relations(schema_, t, o))
        members.emplace_back(r->name, load(t, alias, {r->name, {}}, out, joins));
    for (const std::string& relation : o.count) {
      members.emplace_back(model::count_key(relation), count_of(t, alias, relation));
      out.columns.emplace_back(model::count_key(relation), column_kind::integer);
    }
    if (std::any_of(members.begin(), members.end(), [](const auto& m) { return m.first.size() > longest_identifier; }))
      return object(members);
    std::string list;
    for (const auto& [key, expr] : members) list += (list.empty() ? "" : ", ") + expr + " AS " + sql::identifier(key);
    const std::string record = "o" + std::to_string(aliases_++);
    joins += " CROSS JOIN LATERAL (SELECT " + list + ") AS " + record;
    return record;
  }

  // The active variant's fields, nested under the discriminator's alias.
  std::string variant_object(const model::table& t, const model::discriminator& d, const std::string& alias, shape& out) {
    shape fields;
    fields.table = t.name;
    std::string cases;
    for (int index : d.variants) {
      const model::variant& v = t.variants[static_cast<std::size_t>(index)];
      std::vector<std::pair<std::string, std::string>> members;
      for (const model::variant_field& f : v.fields) {
        const model::column* c = t.find_column(f.name);
        if (!c || c->variants.empty()) continue;  // shadowing a base column: reported by ormlint
        members.emplace_back(f.name, json_expression(*c, alias));
        if (!fields.kind_of(f.name)) fields.columns.emplace_back(f.name, f.kind);
      }
      cases += " WHEN " + sql::string_literal(v.name) + " THEN " + object(members);
    }
    out.nested_keys.push_back(d.as);
    out.nested.push_back(std::move(fields));
    return "CASE " + sql::column_ref(alias, d.column) + cases + " END";
  }

  std::string count_of(const model::table& t, const std::string& alias, const std::string& relation) {
    const std::string counted = next_alias(), junction = next_alias();
    return runtime::relation_count(schema_, t, relation, alias, counted, junction, &params_, dialect);
  }

  // The planner has refused unknown and twice-declared names already.
  const model::relation& find_relation(const model::table& t, const std::string& name) const {
    return schema_.relations[static_cast<std::size_t>(schema_.relations_named(t.name, name).front())];
  }

  // Joins the lateral subquery that loads `w.relation` for the row at `parent_alias` to
  // `joins`; returns the expression of its JSON value.
  std::string load(const model::table& parent, const std::string& parent_alias, const with_relation& w, shape& out,
                   std::string& joins) {
    const model::relation& r = find_relation(parent, w.relation);
    const model::table& target = *schema_.find_table(r.target);
    const std::string lateral = "l" + std::to_string(aliases_);
    const std::string alias = next_alias();

    runtime::relation_join join = runtime::join_of(r, target, alias, r.resolved_through ? next_alias() : std::string(), parent_alias);
    const std::string& from = join.from;
    std::vector<std::string>& conditions = join.conditions;
    if (!r.where.empty()) conditions.push_back(render(runtime::condition(r.where), target, alias));
    if (!w.options.where.empty()) conditions.push_back(render(w.options.where, target, alias));
    std::string where;
    for (const auto& c : conditions) where += (where.empty() ? " WHERE " : " AND ") + c;

    const std::optional<std::int64_t> limit =
        r.kind == relation_kind::one ? std::optional<std::int64_t>(1) : runtime::load_limit(schema_, w.options, top_);
    const std::string rows = "(SELECT " + alias + ".* FROM " + from + where + runtime::order_clause(schema_, target, alias, w.options.order_by, dialect) +
                             limit_clause(limit, r.kind == relation_kind::one ? std::nullopt : w.options.offset) + ") AS " + alias;

    shape child;
    std::string inner_joins;
    const std::string value = object_of(target, alias, w.options, child, inner_joins);
    out.nested_keys.push_back(r.name);
    out.nested.push_back(std::move(child));

    const std::string aggregate = r.kind == relation_kind::one
                                      ? "to_json(" + value + ")"
                                      : "coalesce(json_agg(" + value + runtime::order_clause(schema_, target, alias, w.options.order_by, dialect) + "), '[]'::json)";
    joins += " LEFT JOIN LATERAL (SELECT " + aggregate + " AS v FROM " + rows + inner_joins + ") AS " + lateral + " ON true";
    return lateral + ".v";
  }

  const model::schema& schema_;
  const find_options& top_;
  warning_sink warn_;
  bool unique_;
  std::vector<runtime::param> params_;
  std::optional<std::int64_t> parents_;  // the most rows the statement reads, when bounded
  std::int64_t joined_parents_;
  std::string path_;  // the statement's level: "users", or a separate load's "users.posts"
  int aliases_ = 0;
};

}  // namespace orm::postgres
