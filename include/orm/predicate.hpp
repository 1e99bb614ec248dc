#pragma once
// A constexpr predicate over one table's columns, for relation `where` filters and
// `check(...)` constraints. Stored as a short postfix program of fixed capacity so
// that every relation has the same type and can live in one array.
#include <cstddef>

#include <orm/detail/dsl_error.hpp>
#include <orm/detail/pack.hpp>
#include <orm/str.hpp>
#include <orm/value.hpp>

namespace orm {

enum class predicate_op : unsigned char {
  eq, ne, lt, le, gt, ge, is_null, is_not_null, like,  // terms: column op operand
  all, any, negate,                                     // connectives over the stack
  in,                                                   // column in a list: run-time queries only
  // A relation's rows tested by a filter of their own (EXISTS): run-time queries only,
  // since the nested filter has no fixed size. `column` holds the relation's name.
  some, none, every,
};

constexpr bool is_relation_filter(predicate_op op) {
  return op == predicate_op::some || op == predicate_op::none || op == predicate_op::every;
}

struct predicate_node {
  predicate_op op;
  str column;
  value operand;
  unsigned char arity;  // for all/any: how many operands they pop
};

struct predicate {
  static constexpr std::size_t capacity = 12;
  predicate_node nodes[capacity];
  std::size_t size;

  constexpr bool empty() const { return size == 0; }
  constexpr const predicate_node* begin() const { return nodes; }
  constexpr const predicate_node* end() const { return nodes + size; }

  constexpr void append(const predicate& other) {
    for (const auto& n : other) push(n);
  }
  constexpr void push(const predicate_node& n) {
    if (size == capacity) detail::dsl_error("a where/check predicate has more than 12 terms and connectives");
    nodes[size++] = n;
  }
};

namespace detail {
constexpr predicate term(predicate_op op, str column, value operand = {}) {
  predicate p{};
  p.push({op, column, operand, 0});
  return p;
}
template <class... P>
constexpr predicate connective(predicate_op op, const P&... parts) {
  predicate p{};
  for_each_arg([&](const predicate& part) { p.append(part); }, parts...);
  p.push({op, {}, {}, static_cast<unsigned char>(sizeof...(P))});
  return p;
}
}  // namespace detail

constexpr predicate eq(str column, value v) { return detail::term(predicate_op::eq, column, v); }
constexpr predicate ne(str column, value v) { return detail::term(predicate_op::ne, column, v); }
constexpr predicate lt(str column, value v) { return detail::term(predicate_op::lt, column, v); }
constexpr predicate le(str column, value v) { return detail::term(predicate_op::le, column, v); }
constexpr predicate gt(str column, value v) { return detail::term(predicate_op::gt, column, v); }
constexpr predicate ge(str column, value v) { return detail::term(predicate_op::ge, column, v); }
constexpr predicate like(str column, str pattern) { return detail::term(predicate_op::like, column, value{pattern}); }
constexpr predicate is_null(str column) { return detail::term(predicate_op::is_null, column); }
constexpr predicate is_not_null(str column) { return detail::term(predicate_op::is_not_null, column); }

template <class... P>
constexpr predicate all_of(const P&... parts) { return detail::connective(predicate_op::all, parts...); }
template <class... P>
constexpr predicate any_of(const P&... parts) { return detail::connective(predicate_op::any, parts...); }
constexpr predicate negate(const predicate& p) { return detail::connective(predicate_op::negate, p); }

namespace detail {
// a && b && c becomes one all(3) node rather than all(all(a, b), c): shorter programs.
constexpr predicate chain(predicate_op op, const predicate& left, const predicate& right) {
  const predicate_node& last = left.nodes[left.size == 0 ? 0 : left.size - 1];
  if (left.size == 0 || last.op != op) return connective(op, left, right);
  predicate p = left;
  const unsigned char arity = last.arity;
  p.size -= 1;
  p.append(right);
  p.push({op, {}, {}, static_cast<unsigned char>(arity + 1)});
  return p;
}
}  // namespace detail

constexpr predicate operator&&(const predicate& a, const predicate& b) { return detail::chain(predicate_op::all, a, b); }
constexpr predicate operator||(const predicate& a, const predicate& b) { return detail::chain(predicate_op::any, a, b); }
constexpr predicate operator!(const predicate& p) { return negate(p); }

}  // namespace orm
