#include <orm/runtime/sql_text.hpp>

namespace orm::runtime::sql {

std::string index_name(const std::string& table, const std::string& index, const dialect& d) {
  std::string whole = table + "." + index;
  if (d.longest_identifier == 0 || whole.size() <= d.longest_identifier) return whole;
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits: short, stable, header-only
  for (unsigned char c : whole) hash = (hash ^ c) * 1099511628211ull;
  std::size_t keep = d.longest_identifier - 17;
  while (keep > 0 && (static_cast<unsigned char>(whole[keep]) & 0xC0) == 0x80) --keep;  // not inside a character
  char suffix[18];
  std::snprintf(suffix, sizeof suffix, "~%016llx", static_cast<unsigned long long>(hash));
  return whole.substr(0, keep) + suffix;
}

std::string quoted(const std::string& text, char quote) {
  std::string out(1, quote);
  for (char c : text) {
    out += c;
    if (c == quote) out += quote;
  }
  return out + quote;
}

std::string identifier(const std::string& name) { return quoted(name, '"'); }

std::string string_literal(const std::string& text) { return quoted(text, '\''); }

std::string column_ref(const std::string& alias, const std::string& column) { return alias + "." + identifier(column); }

std::string real_text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

std::string literal(const param& v, const dialect& d) {
  switch (v.type()) {
    case param::kind::null: return "NULL";
    case param::kind::boolean: return v.integer() ? d.true_literal : d.false_literal;
    case param::kind::integer: return std::to_string(v.integer());
    case param::kind::real: {
      if (d.non_finite_literal && !std::isfinite(v.real())) return d.non_finite_literal(v.real());
      return real_text(v.real());
    }
    case param::kind::text: return string_literal(v.text());
    case param::kind::bytes: {
      static const char* hex = "0123456789ABCDEF";
      std::string digits;
      for (unsigned char c : v.text()) (digits += hex[c >> 4]) += hex[c & 15];
      return d.bytes_literal(digits);
    }
    case param::kind::add:
    case param::kind::now: break;  // computed by the database: never a literal (render refuses them)
  }
  return "NULL";
}

std::string render(const condition& c, const model::table& table, const std::string& alias,
                          std::vector<param>* params, const dialect& d) {
  std::vector<std::string> stack;
  auto value = [&](const param& v) {
    if (v.type() == param::kind::add || v.type() == param::kind::now)
      throw schema_error("a filter on '" + table.name + "' compares with orm::add, orm::sub or orm::now, which are values "
                         "of an update's columns only; compare with the value itself");
    if (!params) return literal(v, d);
    params->push_back(v);
    return d.placeholder(params->size());
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
    const model::column* column = table.find_column(t.column);
    if (!column) throw schema_error("table '" + table.name + "' has no column '" + t.column + "' to filter on");
    const std::string col = column_ref(alias, t.column);
    const auto operand = [&](const param& v) { return d.value_for(column->kind, value(v)); };
    switch (t.op) {
      case predicate_op::eq: stack.push_back(t.operand.is_null() ? col + " IS NULL" : col + " = " + operand(t.operand)); break;
      case predicate_op::ne: stack.push_back(t.operand.is_null() ? col + " IS NOT NULL" : col + " <> " + operand(t.operand)); break;
      case predicate_op::lt: stack.push_back(col + " < " + operand(t.operand)); break;
      case predicate_op::le: stack.push_back(col + " <= " + operand(t.operand)); break;
      case predicate_op::gt: stack.push_back(col + " > " + operand(t.operand)); break;
      case predicate_op::ge: stack.push_back(col + " >= " + operand(t.operand)); break;
      case predicate_op::like: stack.push_back(col + " " + d.like + " " + operand(t.operand)); break;
      case predicate_op::is_null: stack.push_back(col + " IS NULL"); break;
      case predicate_op::is_not_null: stack.push_back(col + " IS NOT NULL"); break;
      case predicate_op::in: {
        if (t.list.empty()) {
          stack.push_back(d.false_literal);
          break;
        }
        if (params) {
          // One bound list, whatever its length: no limit on the number of parameters
          // (SQLite's 32,766, PostgreSQL's 65,535), and one statement for every length.
          if (auto list = d.bound_list(t.list, column->kind)) {
            params->push_back(param(std::move(list->text)));
            stack.push_back(col + list->test_before + d.placeholder(params->size()) + list->test_after);
            break;
          }
        }
        std::string items;
        for (const param& v : t.list) items += (items.empty() ? "" : ", ") + operand(v);
        stack.push_back(col + " IN (" + items + ")");
        break;
      }
      default: throw schema_error("malformed condition");
    }
  }
  if (stack.empty()) return d.true_literal;
  if (stack.size() != 1) throw schema_error("malformed condition: terms left without a connective");
  return stack.front();
}

}  // namespace orm::runtime::sql
