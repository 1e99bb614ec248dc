#include <orm/runtime/condition.hpp>

namespace orm::runtime {

param value_of(const model::literal& v) {
  switch (v.kind) {
    case value_kind::boolean: return param(v.integer != 0);
    case value_kind::integer: return param(static_cast<long long>(v.integer));
    case value_kind::real: return param(v.real);
    case value_kind::text: return param(v.text);
    default: return param();
  }
}

condition::condition(const predicate& p) {
  // Node by node as the model converts them, without the model's condition in between:
  // a filter built per call allocates once.
  terms_.reserve(p.size);
  for (const predicate_node& n : p) terms_.push_back(term_of(model::convert::term_of(n)));
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
