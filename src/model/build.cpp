#include <orm/model/build.hpp>

namespace orm::model::convert {

std::string text(str s) { return std::string(s.view()); }

source_site where(const site& s) { return {s.file ? s.file : "", s.line, s.column}; }

std::vector<std::string> names(const name_list& list) {
  std::vector<std::string> out;
  for (str n : list) out.push_back(text(n));
  return out;
}

literal literal_of(const value& v) { return {v.kind, v.integer, v.real, text(v.text)}; }

predicate_term term_of(const predicate_node& n) { return {n.op, text(n.column), literal_of(n.operand), n.arity}; }

condition condition_of(const predicate& p) {
  condition out;
  for (const auto& n : p) out.push_back(term_of(n));
  return out;
}

}  // namespace orm::model::convert
