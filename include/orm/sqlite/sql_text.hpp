#pragma once
// Pieces of SQL text: quoted identifiers and literals, and conditions rendered with
// bound parameters (queries) or inline literals (CHECK constraints in DDL, which take
// no parameters).
#include <cstdio>
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>
#include <orm/sqlite/condition.hpp>
#include <orm/sqlite/errors.hpp>

namespace orm::sqlite::sql {

inline std::string quoted(const std::string& text, char quote) {
  std::string out(1, quote);
  for (char c : text) {
    out += c;
    if (c == quote) out += quote;
  }
  return out + quote;
}
inline std::string identifier(const std::string& name) { return quoted(name, '"'); }
inline std::string string_literal(const std::string& text) { return quoted(text, '\''); }
inline std::string column_ref(const std::string& alias, const std::string& column) { return alias + "." + identifier(column); }

// A literal written into DDL: defaults and CHECK constraints come from the schema, not
// from users at run time, and DDL cannot bind parameters.
inline std::string literal(const param& v) {
  switch (v.type()) {
    case param::kind::null: return "NULL";
    case param::kind::boolean:
    case param::kind::integer: return std::to_string(v.integer());
    case param::kind::real: {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.17g", v.real());  // round-trips a double
      return buffer;
    }
    case param::kind::text: return string_literal(v.text());
    case param::kind::bytes: {
      static const char* hex = "0123456789ABCDEF";
      std::string out = "X'";
      for (unsigned char c : v.text()) (out += hex[c >> 4]) += hex[c & 15];
      return out + "'";
    }
  }
  return "NULL";
}

// Renders a postfix condition over the columns of `table` (as `alias`). With `params`,
// operands become `?` and are appended to it; without, they are written as literals.
inline std::string render(const condition& c, const model::table& table, const std::string& alias,
                          std::vector<param>* params) {
  std::vector<std::string> stack;
  auto operand = [&](const param& v) {
    if (!params) return literal(v);
    params->push_back(v);
    return std::string("?");
  };
  for (const condition_term& t : c.terms()) {
    if (t.op == predicate_op::all || t.op == predicate_op::any || t.op == predicate_op::negate) {
      if (stack.size() < t.arity) throw schema_error("malformed condition");
      std::string joined;
      for (std::size_t i = stack.size() - t.arity; i < stack.size(); ++i) {
        if (!joined.empty()) joined += t.op == predicate_op::all ? " AND " : " OR ";
        joined += stack[i];
      }
      stack.resize(stack.size() - t.arity);
      stack.push_back(t.op == predicate_op::negate ? "(NOT " + joined + ")" : "(" + joined + ")");
      continue;
    }
    if (!table.find_column(t.column))
      throw schema_error("table '" + table.name + "' has no column '" + t.column + "' to filter on");
    const std::string col = column_ref(alias, t.column);
    switch (t.op) {
      case predicate_op::eq: stack.push_back(t.operand.is_null() ? col + " IS NULL" : col + " = " + operand(t.operand)); break;
      case predicate_op::ne: stack.push_back(t.operand.is_null() ? col + " IS NOT NULL" : col + " <> " + operand(t.operand)); break;
      case predicate_op::lt: stack.push_back(col + " < " + operand(t.operand)); break;
      case predicate_op::le: stack.push_back(col + " <= " + operand(t.operand)); break;
      case predicate_op::gt: stack.push_back(col + " > " + operand(t.operand)); break;
      case predicate_op::ge: stack.push_back(col + " >= " + operand(t.operand)); break;
      case predicate_op::like: stack.push_back(col + " LIKE " + operand(t.operand)); break;
      case predicate_op::is_null: stack.push_back(col + " IS NULL"); break;
      case predicate_op::is_not_null: stack.push_back(col + " IS NOT NULL"); break;
      case predicate_op::in: {
        if (t.list.empty()) {
          stack.push_back("0");
          break;
        }
        std::string items;
        for (const param& v : t.list) items += (items.empty() ? "" : ", ") + operand(v);
        stack.push_back(col + " IN (" + items + ")");
        break;
      }
      default: throw schema_error("malformed condition");
    }
  }
  if (stack.empty()) return "1";
  if (stack.size() != 1) throw schema_error("malformed condition: terms left without a connective");
  return stack.front();
}

}  // namespace orm::sqlite::sql
