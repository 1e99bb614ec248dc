#include <orm/runtime/paging.hpp>

#include <algorithm>

#include <orm/model/row_rules.hpp>
#include <orm/runtime/errors.hpp>
#include <orm/runtime/write_sql.hpp>

namespace orm::runtime::paging {

namespace {

condition compare(predicate_op op, const std::string& column, const param& value) {
  return condition(condition_term{op, column, value, {}, 0, {}});
}

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return "(" + out + ")";
}

}  // namespace

std::vector<order> key_of(const std::vector<order>& by) {
  std::vector<std::string> names;
  for (const order& o : by) names.push_back(o.column);
  std::vector<order> key = by;
  for (std::size_t i = by.size(); i < model::cursor_columns(names).size(); ++i) key.push_back(asc("id"));
  return key;
}

find_options seek(const model::table& t, const find_options& o) {
  if (!o.after == !o.before) return o;  // no cursor; or both, which the planner refuses
  std::vector<order> key = key_of(o.order_by);
  for (const order& k : key) {
    const model::column* c = t.find_column(k.column);
    if (!c || !c->never_null()) return o;  // not an order to seek by: the planner says why
  }
  const cursor& at = o.after ? *o.after : *o.before;
  std::vector<std::string> expected, given;
  for (const order& k : key) expected.push_back(k.column);
  for (const auto& [name, value] : at.values) given.push_back(name);
  if (given != expected)
    throw schema_error("this cursor was made for a read of '" + t.name + "' ordered by " + listed(given) +
                       ", and this read is ordered by " + listed(expected) +
                       "; page with the order the cursor came from, or start again without a cursor");
  for (const auto& [name, value] : at.values)
    if (value.is_null())
      throw schema_error("this cursor's value for '" + t.name + "." + name +
                         "' is NULL, and no row is after a NULL; make cursors with find_page");
  find_options out = o;
  if (o.before)  // the rows before the cursor are the rows after it in the reversed order
    for (order& k : key) k.descending = !k.descending;
  // From the last column: strictly after it, or equal and after on the columns that follow.
  const auto past = [&](std::size_t i) {
    return compare(key[i].descending ? predicate_op::lt : predicate_op::gt, key[i].column, at.values[i].second);
  };
  condition rest = past(key.size() - 1);
  for (std::size_t i = key.size() - 1; i-- > 0;)
    rest = past(i) || (compare(predicate_op::eq, key[i].column, at.values[i].second) && rest);
  if (key.size() > 1)  // the same rows; the first column's range is what an index seeks by
    rest = compare(key[0].descending ? predicate_op::le : predicate_op::ge, key[0].column, at.values[0].second) && rest;
  out.where = o.where && rest;
  if (o.before) out.order_by = key;
  return out;
}

cursor cursor_of(const node& row, const std::vector<order>& key, const std::string& table) {
  cursor out;
  for (const order& k : key) {
    if (!row.contains(k.column))
      throw schema_error("find_page makes its cursors from the order's columns, and the rows of '" + table +
                         "' do not carry '" + k.column + "'; select it");
    const node& v = row[k.column];
    switch (v.type()) {
      case node::kind::boolean: out.values.emplace_back(k.column, param(v.as_boolean())); break;
      case node::kind::integer: out.values.emplace_back(k.column, param(static_cast<long long>(v.as_integer()))); break;
      case node::kind::real: out.values.emplace_back(k.column, param(v.as_real())); break;
      case node::kind::text: out.values.emplace_back(k.column, param(v.as_text())); break;
      case node::kind::bytes: out.values.emplace_back(k.column, param(blob{v.as_text()})); break;
      default:
        throw schema_error("find_page cannot make a cursor from '" + table + "." + k.column +
                           "' of this row: it is not one value (NULL, or a relation)");
    }
  }
  return out;
}

cursor cursor_of(const fields& row, const std::vector<order>& key, const std::string& table) {
  cursor out;
  for (const order& k : key) {
    const param* v = writes::field_value(row, k.column);
    // The fields were checked to hold every column of the key: only an empty optional is missing.
    if (!v)
      throw schema_error("find_page cannot make a cursor from '" + table + "." + k.column +
                         "' of this row: its field is empty (NULL)");
    out.values.emplace_back(k.column, *v);
  }
  return out;
}

void check_size(const find_options& o, const std::string& table) {
  if (!o.limit || *o.limit < 0)
    throw schema_error("find_page on '" + table + "' reads one page: give .limit, the page's size (0 or more)");
}

page page_of(std::vector<node> rows, const find_options& o, const std::string& table) {
  const std::vector<order> key = key_of(o.order_by);
  return page_of(std::move(rows), o, [&](const node& row) { return cursor_of(row, key, table); });
}

}  // namespace orm::runtime::paging
