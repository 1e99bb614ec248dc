#pragma once
// A run-time filter: what `where` takes in queries, updates and deletes. The DSL's
// predicates (eq, lt, like, is_null, &&, ||, !, all_of, any_of) convert to it; `in` is
// run-time only, since its list has no fixed size.
#include <string>
#include <utility>
#include <vector>

#include <orm/model/build.hpp>
#include <orm/model/schema_model.hpp>
#include <orm/predicate.hpp>
#include <orm/runtime/param.hpp>

namespace orm::runtime {

// A schema literal (a default, a relation filter's operand) as a run-time value.
param value_of(const model::literal& v);

struct condition_term {
  predicate_op op = predicate_op::eq;
  std::string column;       // a relation filter: the relation's name
  param operand;
  std::vector<param> list;  // for `in`
  unsigned arity = 0;       // for all/any/negate
  std::vector<condition_term> inner;  // some/none/every: the filter on the related rows
};

class condition {
 public:
  condition() = default;
  // Implicit, so that `.where = eq("a", 1)` reads naturally; converted as the model converts.
  condition(const predicate& p);
  explicit condition(const model::condition& c) {
    for (const auto& t : c) terms_.push_back(term_of(t));
  }
  explicit condition(condition_term t) { terms_.push_back(std::move(t)); }
  // Terms in postfix order, as terms() gives them.
  explicit condition(std::vector<condition_term> terms) : terms_(std::move(terms)) {}

  bool empty() const { return terms_.empty(); }
  const std::vector<condition_term>& terms() const { return terms_; }

  friend condition operator&&(condition a, const condition& b) { return join(predicate_op::all, std::move(a), b); }
  friend condition operator||(condition a, const condition& b) { return join(predicate_op::any, std::move(a), b); }
  friend condition operator!(condition a) {
    if (!a.empty()) a.terms_.push_back({predicate_op::negate, {}, {}, {}, 1, {}});
    return a;
  }

 private:
  static condition join(predicate_op op, condition a, const condition& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    a.terms_.insert(a.terms_.end(), b.terms_.begin(), b.terms_.end());
    a.terms_.push_back({op, {}, {}, {}, 2, {}});
    return a;
  }

  // A model's term as the runtime's (by value: a term converted for the call is moved).
  static condition_term term_of(model::predicate_term t) {
    return {t.op, std::move(t.column), value_of(t.operand), {}, t.arity, {}};
  }

  std::vector<condition_term> terms_;
};

// column IN (values...); an empty list matches nothing.
condition in(std::string column, std::vector<param> values);

// Filters on a relation's rows (Prisma's words), each an EXISTS subquery that keeps the
// relation's own `where`: some("labels", eq("name", "bug")) holds when at least one
// related row matches, none(...) when none does, every(...) when no related row fails
// to match (a row with no related rows passes `every`; NULL counts as not matching).
// Nested filters name the related table's columns and relations.
condition some(std::string relation, const condition& where = {});
condition none(std::string relation, const condition& where = {});
condition every(std::string relation, const condition& where);

}  // namespace orm::runtime
