#include <orm/runtime/sql_text.hpp>

#include <cmath>

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

namespace {

// One condition, and the relation filters nested in it: each level of EXISTS names its
// related table f1, f2, ... by depth, so that a nested filter can refer to its parent's.
class condition_renderer {
 public:
  condition_renderer(std::vector<param>* params, const dialect& d, const model::schema* schema, int depth)
      : params_(params), d_(d), schema_(schema), depth_(depth) {}

  std::string render(const std::vector<condition_term>& terms, const model::table& table, const std::string& alias) const {
    std::vector<std::string> stack;
    for (const condition_term& t : terms) {
      if (t.op == predicate_op::all || t.op == predicate_op::any || t.op == predicate_op::negate) {
        if (stack.size() < t.arity) throw schema_error("malformed condition");
        std::string joined;
        for (std::size_t i = stack.size() - t.arity; i < stack.size(); ++i) {
          if (!joined.empty()) joined += t.op == predicate_op::all ? " AND " : " OR ";
          joined += stack[i];
        }
        stack.resize(stack.size() - t.arity);
        stack.push_back(t.op == predicate_op::negate ? "(NOT " + joined + ")" : "(" + joined + ")");
      } else if (is_relation_filter(t.op)) {
        stack.push_back(relation_filter(t, table, alias));
      } else {
        stack.push_back(comparison(t, table, alias));
      }
    }
    if (stack.empty()) return d_.true_literal;
    if (stack.size() != 1) throw schema_error("malformed condition: terms left without a connective");
    return stack.front();
  }

 private:
  std::string value(const param& v, const model::table& table) const {
    if (v.type() == param::kind::add || v.type() == param::kind::now)
      throw schema_error("a filter on '" + table.name + "' compares with orm::add, orm::sub or orm::now, which are values "
                         "of an update's columns only; compare with the value itself");
    if (!params_) return literal(v, d_);
    params_->push_back(v);
    return d_.placeholder(params_->size());
  }

  std::string comparison(const condition_term& t, const model::table& table, const std::string& alias) const {
    const model::column* column = table.find_column(t.column);
    if (!column) throw schema_error("table '" + table.name + "' has no column '" + t.column + "' to filter on");
    const std::string col = column_ref(alias, t.column);
    const auto operand = [&](const param& v) { return d_.value_for(column->kind, value(v, table)); };
    switch (t.op) {
      case predicate_op::eq: return t.operand.is_null() ? col + " IS NULL" : col + " = " + operand(t.operand);
      case predicate_op::ne: return t.operand.is_null() ? col + " IS NOT NULL" : col + " <> " + operand(t.operand);
      case predicate_op::lt: return col + " < " + operand(t.operand);
      case predicate_op::le: return col + " <= " + operand(t.operand);
      case predicate_op::gt: return col + " > " + operand(t.operand);
      case predicate_op::ge: return col + " >= " + operand(t.operand);
      case predicate_op::like: return col + " " + d_.like + " " + operand(t.operand);
      case predicate_op::is_null: return col + " IS NULL";
      case predicate_op::is_not_null: return col + " IS NOT NULL";
      case predicate_op::in: {
        if (t.list.empty()) return d_.false_literal;
        if (params_) {
          // One bound list, whatever its length: no limit on the number of parameters
          // (SQLite's 32,766, PostgreSQL's 65,535), and one statement for every length.
          if (auto list = d_.bound_list(t.list, column->kind)) {
            param bound(std::move(list->text));
            // The list's number, when the read cache numbered it: it binds the next call's list.
            bound.set_origin(t.list.front().origin(), static_cast<std::uint8_t>(static_cast<int>(column->kind) + 1));
            params_->push_back(std::move(bound));
            return col + list->test_before + d_.placeholder(params_->size()) + list->test_after;
          }
        }
        std::string items;
        for (const param& v : t.list) items += (items.empty() ? "" : ", ") + operand(v);
        return col + " IN (" + items + ")";
      }
      default: throw schema_error("malformed condition");
    }
  }

  // [NOT] EXISTS (SELECT 1 FROM target AS fN [JOIN junction] WHERE <tied to the row> [AND
  // the relation's where] AND <the filter>). `every` is "no related row fails the filter",
  // and a filter that is NULL for a row fails it (IS NOT TRUE), as Prisma's every does.
  std::string relation_filter(const condition_term& t, const model::table& table, const std::string& alias) const {
    if (!schema_)
      throw schema_error("relation filter '" + table.name + "." + t.column +
                         "' is not allowed here: some/none/every filter reads and writes only");
    if (t.op == predicate_op::every && t.inner.empty()) return d_.true_literal;  // every row matches no filter at all
    const std::string related = "f" + std::to_string(depth_ + 1);
    related_rows rows = related_rows_of(*schema_, table, t.column, related, related + "j", alias, params_, d_);
    if (!t.inner.empty()) {
      const std::string test = condition_renderer(params_, d_, schema_, depth_ + 1).render(t.inner, *rows.target, related);
      rows.where += " AND " + (t.op == predicate_op::every ? "(" + test + ") IS NOT TRUE" : test);
    }
    const std::string exists = "EXISTS (SELECT 1 FROM " + rows.from + " WHERE " + rows.where + ")";
    return t.op == predicate_op::some ? exists : "(NOT " + exists + ")";
  }

  std::vector<param>* params_;
  const dialect& d_;
  const model::schema* schema_;
  int depth_;
};

}  // namespace

std::string render(const condition& c, const model::table& table, const std::string& alias, std::vector<param>* params,
                   const dialect& d, const model::schema* schema) {
  return condition_renderer(params, d, schema, 0).render(c.terms(), table, alias);
}

}  // namespace orm::runtime::sql

namespace orm::runtime {

relation_join join_of(const model::relation& r, const model::table& target, const std::string& alias,
                             const std::string& junction, const std::string& parent_alias) {
  relation_join out{sql::identifier(target.name) + " AS " + alias, {}};
  if (r.resolved_through) {
    std::string on;
    for (std::size_t i = 0; i < r.resolved_to.size(); ++i)
      on += (i ? " AND " : "") + sql::column_ref(junction, r.resolved_through->to[i]) + " = " +
            sql::column_ref(alias, r.resolved_to[i]);
    out.from += " JOIN " + sql::identifier(r.resolved_through->table) + " AS " + junction + " ON " + on;
    for (std::size_t i = 0; i < r.resolved_from.size(); ++i)
      out.conditions.push_back(sql::column_ref(junction, r.resolved_through->from[i]) + " = " +
                               sql::column_ref(parent_alias, r.resolved_from[i]));
  } else {
    for (std::size_t i = 0; i < r.resolved_to.size(); ++i)
      out.conditions.push_back(sql::column_ref(alias, r.resolved_to[i]) + " = " +
                               sql::column_ref(parent_alias, r.resolved_from[i]));
  }
  return out;
}

related_rows related_rows_of(const model::schema& s, const model::table& parent, const std::string& relation,
                             const std::string& alias, const std::string& junction, const std::string& parent_alias,
                             std::vector<param>* params, const sql::dialect& d) {
  const std::vector<int> found = s.relations_named(parent.name, relation);
  if (found.size() != 1)
    throw schema_error("table '" + parent.name + "' has " + (found.empty() ? "no relation '" : "two relations named '") +
                       relation + "'");
  const model::relation& r = s.relations[static_cast<std::size_t>(found.front())];
  const model::table* target = s.find_table(r.target);
  if (!r.is_resolved() || !target)
    throw schema_error("relation '" + parent.name + "." + relation +
                       "' cannot be read: its columns are not resolved (see the schema's findings)");
  const relation_join join = join_of(r, *target, alias, junction, parent_alias);
  related_rows out{target, join.from, {}};
  for (const std::string& c : join.conditions) out.where += (out.where.empty() ? "" : " AND ") + c;
  if (!r.where.empty()) out.where += " AND " + sql::render(condition(r.where), *target, alias, params, d);
  return out;
}

}  // namespace orm::runtime
