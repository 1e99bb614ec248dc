#include <orm/runtime/condition.hpp>

namespace orm::runtime {

namespace {
// One mapping for a schema's literal and a DSL value (their fields are named alike; the
// text a std::string or a str).
template <class Value>
param param_of(const Value& v) {
  switch (v.kind) {
    case value_kind::boolean: return param(v.integer != 0);
    case value_kind::integer: return param(static_cast<long long>(v.integer));
    case value_kind::real: return param(v.real);
    case value_kind::text: return param(str(v.text).view());
    default: return param();
  }
}
}  // namespace

param value_of(const model::literal& v) { return param_of(v); }

condition::condition(const predicate& p) {
  // Node by node, each straight into its term: a filter built per call allocates once,
  // and no model term is built to be moved from.
  terms_.reserve(p.size);
  for (const predicate_node& n : p) terms_.push_back({n.op, std::string(n.column.view()), param_of(n.operand), {}, n.arity, {}});
}

condition in(std::string column, std::vector<param> values) {
  return condition(condition_term{predicate_op::in, std::move(column), {}, std::move(values), 0, {}});
}

namespace {
condition relation_filter(predicate_op op, std::string relation, const condition& where) {
  return condition(condition_term{op, std::move(relation), {}, {}, 0, where.terms()});
}
}  // namespace

condition some(std::string relation, const condition& where) {
  return relation_filter(predicate_op::some, std::move(relation), where);
}
condition none(std::string relation, const condition& where) {
  return relation_filter(predicate_op::none, std::move(relation), where);
}
condition every(std::string relation, const condition& where) {
  return relation_filter(predicate_op::every, std::move(relation), where);
}

}  // namespace orm::runtime
