#include <orm/runtime/read_plan.hpp>

namespace orm::runtime {

fan_out_error too_many_parents(const std::string& table, std::int64_t limit) {
  return fan_out_error("the query on '" + table + "' loads relations for more than " + std::to_string(limit) +
                       " parent rows (relation_fan_out_max_keys); add a limit or a narrower where, raise "
                       "defaults.relation_fan_out_max_keys, or pass allow_full_scan");
}

std::vector<const model::relation*> variant_relations(const model::schema& s, const model::table& t,
                                                             const find_options& o) {
  std::vector<const model::relation*> out;
  if (!o.with_variants) return out;
  for (const model::relation& r : s.relations) {
    if (r.source != t.name || r.kind != relation_kind::one || !r.is_resolved() || r.resolved_from.empty()) continue;
    const bool variant_keys = std::all_of(r.resolved_from.begin(), r.resolved_from.end(), [&](const std::string& c) {
      const model::column* col = t.find_column(c);
      return col && !col->variants.empty();
    });
    const bool requested =
        std::any_of(o.with.begin(), o.with.end(), [&](const with_relation& w) { return w.relation == r.name; });
    if (variant_keys && !requested) out.push_back(&r);
  }
  return out;
}

std::optional<std::int64_t> fan_out_bounded(const model::schema& s, const find_options& o, compiled_read& out) {
  std::optional<std::int64_t> limit = o.limit;
  if (!o.with.empty() && !o.allow_full_scan && s.settings.relation_fan_out_max_keys > 0 &&
      (!limit || *limit > s.settings.relation_fan_out_max_keys)) {
    out.fan_out_limit = s.settings.relation_fan_out_max_keys;
    limit = out.fan_out_limit + 1;
  }
  return limit;
}

std::optional<std::int64_t> load_limit(const model::schema& s, const find_options& load,
                                              const find_options& top) {
  if (!load.limit && s.settings.default_limit > 0 && !top.allow_full_scan) return s.settings.default_limit;
  return load.limit;
}

}  // namespace orm::runtime

namespace orm::runtime {

std::string relation_count(const model::schema& s, const model::table& parent, const std::string& relation,
                           const std::string& parent_alias, const std::string& alias, const std::string& junction,
                           std::vector<param>* params, const sql::dialect& d) {
  const related_rows rows = related_rows_of(s, parent, relation, alias, junction, parent_alias, params, d);
  return "(SELECT COUNT(*) FROM " + rows.from + " WHERE " + rows.where + ")";
}

}  // namespace orm::runtime

namespace orm::runtime::planning {

model::query_options options_of(const model::schema& s, const model::table* t, const find_options& o) {
  using sel = model::query_options::selection;
  model::query_options out;
  out.columns_mode = o.columns.how == selection::mode::all       ? sel::all
                     : o.columns.how == selection::mode::include ? sel::include
                                                                 : sel::exclude;
  for (const auto& c : o.columns.names) out.columns.push_back({c, {}});
  // The runtime knows the whole filter and order (a call site may not).
  out.filter.emplace();
  describe_filter(o.where.terms(), out.where_columns, out.filter_relations);
  for (const auto& term : o.where.terms()) out.filter->push_back({term.op, term.column, {}, term.arity});
  out.order_descending.emplace();
  for (const order& by : o.order_by) {
    out.order_columns.push_back({by.column, {}});
    out.order_descending->push_back(by.descending);
  }
  out.limit = o.limit;
  out.offset = o.offset;
  out.strategy = static_cast<std::int64_t>(o.strategy);
  using paging = model::query_options::paging;
  out.pages = o.after && o.before ? paging::both : o.after ? paging::after : o.before ? paging::before : paging::none;
  out.limit_given = o.limit.has_value();
  for (const with_relation& w : o.with) {
    const std::vector<int> found = t ? s.relations_named(t->name, w.relation) : std::vector<int>{};
    const model::table* target =
        found.size() == 1 ? s.find_table(s.relations[static_cast<std::size_t>(found.front())].target) : nullptr;
    out.with.push_back({{w.relation, {}}, options_of(s, target, w.options)});
  }
  if (t)
    for (const model::relation* r : variant_relations(s, *t, o)) out.with.push_back({{r->name, {}}, {}});
  for (const std::string& c : o.count) out.counts.push_back({c, {}});
  return out;
}

void describe_filter(const std::vector<condition_term>& terms, std::vector<model::written_name>& columns,
                     std::vector<model::query_load>& relations) {
  for (const condition_term& term : terms) {
    if (is_relation_filter(term.op)) {
      model::query_load& tested = relations.emplace_back();
      tested.relation = {term.column, {}};
      describe_filter(term.inner, tested.options.where_columns, tested.options.filter_relations);
    } else if (!term.column.empty()) {
      columns.push_back({term.column, {}});
    }
  }
}

void check(const model::schema& s, const model::table& t, const find_options& o, const warning_sink& warn,
                  bool unique) {
  model::query q;
  q.table = t.name;
  q.unique = unique;
  if (unique) q.pinned = model::pinned_columns(o.where.terms());
  q.top = options_of(s, &t, o);
  q.allow_full_scan = o.allow_full_scan;
  q.max_depth = o.max_depth;
  check(s, q, warn);
}

void check(const model::schema& s, const model::query& q, const warning_sink& warn) {
  for (const model::query_problem& p : model::plan_query(s, q)) {
    if (!p.warning) refuse(p);
    if (warn) warn(p.message);
  }
}

void refuse(const model::query_problem& p) {
  using k = model::query_problem::kind;
  switch (p.what) {
    case k::unknown_relation: throw unknown_relation_error(p.message);
    case k::duplicate_relation:
    case k::ambiguous: throw ambiguous_relation_error(p.message);
    case k::depth: throw depth_error(p.message);
    case k::missing_inverse:
    case k::unmirrored: throw missing_inverse_error(p.message);
    case k::missing_index: throw missing_index_error(p.message);
    case k::unbounded: throw unbounded_many_error(p.message);
    case k::full_scan_write: throw full_scan_error(p.message);  // writes only
    case k::discriminator_write: throw discriminator_write_error(p.message);
    case k::unknown_column:
    case k::negative_bound:
    case k::unknown_strategy:
    case k::unpinned_unique:
    case k::unknown_name:
    case k::conflict_target:
    case k::cursor_order:
    case k::aggregate_type:
    case k::value_type: break;
  }
  throw schema_error(p.message);
}

}  // namespace orm::runtime::planning

namespace orm::runtime {

namespace {
// (SELECT related.column FROM target AS related WHERE related.to = alias.from [AND the relation's where])
std::string related_value(const model::related_column& c, const std::string& alias, const std::string& related,
                          const sql::dialect& d) {
  const model::relation& r = *c.via;
  std::string where;
  for (std::size_t i = 0; i < r.resolved_to.size() && i < r.resolved_from.size(); ++i)
    where += (where.empty() ? "" : " AND ") + sql::column_ref(related, r.resolved_to[i]) + " = " +
             sql::column_ref(alias, r.resolved_from[i]);
  if (!r.where.empty()) where += " AND " + sql::render(condition(r.where), *c.target, related, nullptr, d);
  return "(SELECT " + sql::column_ref(related, c.column) + " FROM " + sql::identifier(c.target->name) + " AS " + related +
         " WHERE " + where + ")";
}
}  // namespace

const std::vector<order>& top_order_of(const find_options& o) {
  static const std::vector<order> by_id{asc("id")};
  return o.order_by.empty() && (o.limit || o.offset) ? by_id : o.order_by;
}

std::string order_clause(const model::schema& s, const model::table& t, const std::string& alias,
                         const std::vector<order>& by, const sql::dialect& d) {
  std::string out;
  bool has_id = false;
  for (std::size_t i = 0; i < by.size(); ++i) {
    const order& o = by[i];
    const auto related = model::related_order_column(s, t, o.column);
    const std::string value =
        related ? related_value(*related, alias, alias + "_by" + std::to_string(i), d) : sql::column_ref(alias, o.column);
    // A row with no related row orders as NULL: first ascending, last descending, as
    // SQLite does by default; said outright, so that PostgreSQL (NULLs last ascending)
    // returns the same order. No index serves such an order, so nothing is lost by it.
    const char* nulls = !related ? "" : o.descending ? " NULLS LAST" : " NULLS FIRST";
    out += (out.empty() ? " ORDER BY " : ", ") + value + (o.descending ? " DESC" : " ASC") + nulls;
    has_id = has_id || o.column == "id";
  }
  if (!out.empty() && !has_id) out += ", " + sql::column_ref(alias, "id") + " ASC";
  return out;
}

}  // namespace orm::runtime
