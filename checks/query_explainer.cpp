#include "checks/query_explainer.hpp"

#include <orm/sqlite.hpp>

namespace orm::checks {

namespace {

// A value of the kind column `name` holds, for a placeholder: SQLite plans an indexed
// comparison the same way whatever the value, as long as its kind matches the column's.
runtime::param stand_in(const model::table& t, const std::string& name, predicate_op op) {
  const model::column* c = t.find_column(name);
  if (op == predicate_op::like || (c && (c->kind == column_kind::text || c->kind == column_kind::discriminator)))
    return std::string(op == predicate_op::like ? "a%" : "a");
  if (c && c->kind == column_kind::real) return 1.0;
  return 1;
}

// The runtime's condition of a call's postfix filter; nullopt for a shape it does not take.
std::optional<runtime::condition> condition_of(const model::table& t, const model::condition& filter) {
  std::vector<runtime::condition> stack;
  for (const model::predicate_term& term : filter) {
    if (term.op == predicate_op::all || term.op == predicate_op::any || term.op == predicate_op::negate) {
      if (stack.size() < term.arity || term.arity == 0) return std::nullopt;
      runtime::condition joined = term.op == predicate_op::negate ? !stack.back() : stack[stack.size() - term.arity];
      if (term.op != predicate_op::negate)
        for (std::size_t k = stack.size() - term.arity + 1; k < stack.size(); ++k)
          joined = term.op == predicate_op::all ? std::move(joined) && stack[k] : std::move(joined) || stack[k];
      stack.resize(stack.size() - term.arity);
      stack.push_back(std::move(joined));
      continue;
    }
    if (is_relation_filter(term.op)) return std::nullopt;  // its own filter is not in the model's terms
    runtime::condition_term c{term.op, term.column, {}, {}, 0, {}};
    if (term.op == predicate_op::in)
      c.list = {stand_in(t, term.column, term.op), stand_in(t, term.column, term.op)};
    else if (term.op != predicate_op::is_null && term.op != predicate_op::is_not_null)
      c.operand = stand_in(t, term.column, term.op);
    stack.emplace_back(std::move(c));
  }
  if (stack.size() > 1) return std::nullopt;
  return stack.empty() ? runtime::condition{} : std::move(stack.front());
}

// The runtime's options for one level of a call; nullopt when part of it is not seen.
std::optional<runtime::find_options> options_of(const model::schema& s, const model::table& t,
                                                const model::query_options& o) {
  if (!o.filter) return std::nullopt;
  runtime::find_options out;
  auto where = condition_of(t, *o.filter);
  if (!where) return std::nullopt;
  out.where = std::move(*where);
  if (!o.order_columns.empty()) {
    if (!o.order_descending || o.order_descending->size() != o.order_columns.size()) return std::nullopt;
    for (std::size_t k = 0; k < o.order_columns.size(); ++k)
      out.order_by.push_back((*o.order_descending)[k] ? runtime::desc(o.order_columns[k].text) : runtime::asc(o.order_columns[k].text));
  }
  if (o.limit_given) out.limit = o.limit.value_or(10);
  out.offset = o.offset;
  std::vector<runtime::with_relation> loads;
  for (const model::query_load& load : o.with) {
    const auto found = s.relations_named(t.name, load.relation.text);
    if (found.size() != 1) return std::nullopt;
    const model::table* target = s.find_table(s.relations[static_cast<std::size_t>(found.front())].target);
    auto nested = target ? options_of(s, *target, load.options) : std::nullopt;
    if (!nested) return std::nullopt;
    loads.push_back({load.relation.text, std::move(*nested)});
  }
  out.with = runtime::with_list(std::move(loads));
  // The guards (bounds, fan-out) are other checks' business: render, do not refuse.
  out.allow_full_scan = true;
  return out;
}

}  // namespace

query_explainer::query_explainer(const model::schema& s) : schema_(s) {
  try {
    auto db = std::make_unique<sqlite::database>(":memory:");
    db->migrate(schema_);
    db_ = std::move(db);
  } catch (const runtime::error&) {
    // A schema the runtime refuses: the schema checks report why; nothing to explain.
  }
}

query_explainer::~query_explainer() = default;

std::optional<runtime::explained_read> query_explainer::explain(const model::query& q) const {
  const model::table* t = schema_.find_table(q.table);
  if (!db_ || !t) return std::nullopt;
  auto options = options_of(schema_, *t, q.top);
  if (!options) return std::nullopt;
  options->max_depth = q.max_depth;
  try {
    return db_->query(schema_, q.table).explain(*options);
  } catch (const runtime::error&) {
    return std::nullopt;  // refused: the planner's checks report it
  }
}

std::optional<runtime::explained_read> query_explainer::explain_with_index(const model::query& q, const std::string& table,
                                                                         const std::vector<std::string>& columns) const {
  if (!db_) return std::nullopt;
  std::string list;
  for (const std::string& c : columns) list += (list.empty() ? "" : ", ") + runtime::sql::identifier(c);
  db_->exec("CREATE INDEX orm_probe ON " + runtime::sql::identifier(table) + " (" + list + ")");
  auto explained = explain(q);
  db_->exec("DROP INDEX orm_probe");
  return explained;
}

}  // namespace orm::checks
