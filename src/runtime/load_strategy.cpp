// Loads by statements of their own (select_in, nested): which relations may, and the
// statement's shape around the pieces a backend's renderer makes.
#include <orm/runtime/read_plan.hpp>

namespace orm::runtime {

namespace {

// A key bound as one list (or one value) compares as its column does: integers and text.
bool bindable(column_kind k) {
  return k == column_kind::integer || k == column_kind::id || k == column_kind::text;
}

constexpr const char* key_alias = "orm_load_key";
constexpr const char* row_number_alias = "orm_load_row";

}  // namespace

std::optional<load_key> separate_key_of(const model::schema& s, const model::table& parent, const model::relation& r) {
  if (!r.is_resolved() || r.resolved_from.size() != 1 || r.resolved_to.size() != 1) return std::nullopt;
  const model::column* from = parent.find_column(r.resolved_from.front());
  if (!from || !from->variants.empty() || !bindable(from->kind)) return std::nullopt;
  load_key out{from->name, r.resolved_through ? r.resolved_through->from.front() : r.resolved_to.front(), from->kind};
  if (r.resolved_through && r.resolved_through->from.size() != 1) return std::nullopt;
  // The loaded side must compare as the parent's does (an id beside an integer is fine).
  const model::table* side = s.find_table(r.resolved_through ? r.resolved_through->table : r.target);
  const model::column* to = side ? side->find_column(out.child_column) : nullptr;
  if (!to || !bindable(to->kind) || (to->kind == column_kind::text) != (from->kind == column_kind::text))
    return std::nullopt;
  return out;
}

load_strategy strategy_of(const model::schema& s, const model::relation& r, const find_options& load,
                          const find_options& top, load_strategy automatic) {
  load_strategy asked = load.strategy != load_strategy::automatic ? load.strategy : top.strategy;
  if (asked == load_strategy::automatic) asked = automatic;
  if (asked == load_strategy::join || asked == load_strategy::automatic) return load_strategy::join;
  const model::table* parent = s.find_table(r.source);
  if (!parent || !separate_key_of(s, *parent, r)) return load_strategy::join;
  return asked;
}

std::string separate_load_sql(const separate_load_parts& p, std::vector<param>& params, std::size_t& key_param,
                              const sql::dialect& d) {
  std::string where;
  for (const std::string& c : p.conditions) where += c + " AND ";
  // The key's test comes last, so that its parameter follows the filters' in the text.
  params.emplace_back();
  key_param = params.size() - 1;
  const std::string placeholder = d.placeholder(params.size());
  if (p.per_key) {
    where += p.key_expression + " = " + placeholder;
  } else {
    const std::optional<sql::bound_in_list> list = d.bound_list({}, p.key_kind);
    if (!list) throw schema_error("this database binds no list of keys of this kind");
    where += p.key_expression + list->test_before + placeholder + list->test_after;
  }
  const std::string key = ", " + p.key_expression + " AS " + key_alias;
  const bool bounded = p.limit || p.offset;
  if (p.per_key || !bounded) {
    std::string sql = "SELECT " + p.select + key + " FROM " + p.from + p.joins + " WHERE " + where + p.order;
    // No LIMIT -1 or LIMIT ALL that both databases read: the largest integer is no limit.
    if (p.limit || p.offset) sql += " LIMIT " + std::to_string(p.limit.value_or(INT64_MAX));
    if (p.offset) sql += " OFFSET " + std::to_string(*p.offset);
    return sql;
  }
  // Every parent's rows at once, each parent's numbered in the load's order: its bounds
  // keep the rows a statement per parent would.
  const std::int64_t first = p.offset.value_or(0);
  std::string kept = std::string(" WHERE ") + p.alias + "." + row_number_alias + " > " + std::to_string(first);
  if (p.limit) kept += " AND " + p.alias + "." + row_number_alias + " <= " + std::to_string(first + *p.limit);
  return "SELECT " + p.select + ", " + p.alias + "." + key_alias + " FROM (SELECT " + p.alias + ".*" + key +
         ", ROW_NUMBER() OVER (PARTITION BY " + p.key_expression + p.order + ") AS " + row_number_alias + " FROM " +
         p.from + " WHERE " + where + ") AS " + p.alias + p.joins + kept + p.order;
}

std::vector<param> distinct_keys(const std::vector<std::optional<std::string>>& keys, column_kind kind) {
  std::vector<param> out;
  std::unordered_set<std::string_view> seen;
  for (const std::optional<std::string>& k : keys) {
    if (!k || !seen.insert(*k).second) continue;
    if (kind == column_kind::text) out.emplace_back(*k);
    else out.emplace_back(static_cast<long long>(std::stoll(*k)));
  }
  return out;
}

void bind_keys(compiled_read& statement, const std::vector<param>& keys, bool per_key, const sql::dialect& d) {
  if (per_key) {
    statement.params[statement.key_param] = keys.front();
    return;
  }
  const column_kind kind = statement.columns[static_cast<std::size_t>(statement.key_column)].kind;
  statement.params[statement.key_param] = param(d.bound_list(keys, kind)->text);
}

std::unordered_map<std::string_view, std::vector<std::size_t>> rows_by_key(const std::vector<std::string>& keys) {
  std::unordered_map<std::string_view, std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < keys.size(); ++i) out[keys[i]].push_back(i);
  return out;
}

}  // namespace orm::runtime
