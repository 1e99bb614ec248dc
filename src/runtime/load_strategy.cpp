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
  if (asked == load_strategy::automatic) asked = s.settings.default_load;
  if (asked == load_strategy::automatic) asked = automatic;
  // The planner has refused a value that is none of the four (orm-unknown-strategy).
  if (asked == load_strategy::join || asked == load_strategy::automatic) return load_strategy::join;
  const model::table* parent = s.find_table(r.source);
  if (!parent || !separate_key_of(s, *parent, r)) return load_strategy::join;
  return asked;
}

compiled_load& add_separate_load(compiled_read& out, const model::schema& s, const model::table& t,
                                 const model::relation& r, const std::string& alias,
                                 const std::function<void(const std::string&)>& add) {
  add("NULL");
  out.columns.push_back({r.name, column_kind::text, -1, static_cast<int>(out.loads.size())});
  compiled_load& l = out.loads.emplace_back();
  const load_key key = *separate_key_of(s, t, r);
  l.key = r.name;
  l.many = r.kind == relation_kind::many;
  l.key_kind = key.kind;
  // The row's own column when it selects the key (a column more per row costs SQLite a
  // step of its program), else a hidden one.
  for (std::size_t i = 0; i < out.columns.size(); ++i) {
    const result_column& c = out.columns[i];
    if (c.key == key.parent_column && c.nested < 0 && c.load < 0 && !c.hidden) {
      l.parent_column = static_cast<int>(i);
      return l;
    }
  }
  add(sql::column_ref(alias, key.parent_column));
  l.parent_column = static_cast<int>(out.columns.size());
  out.columns.push_back({"", key.kind, -1, -1, true});
  return l;
}

void separate_load_sql(const separate_load_parts& p, std::vector<param>& params, compiled_read& out,
                       const sql::dialect& d) {
  std::string filters;
  for (const std::string& c : p.conditions) filters += c + " AND ";
  // The key's parameter comes after the filters' in the text.
  params.emplace_back();
  out.key_param = params.size() - 1;
  const std::string placeholder = d.placeholder(params.size());
  const std::string key = ", " + p.key_expression + " AS " + key_alias;
  const auto bounds = [&] {
    // No LIMIT -1 or LIMIT ALL that both databases read: the largest integer is no limit.
    std::string text;
    if (p.limit || p.offset) text += " LIMIT " + std::to_string(p.limit.value_or(INT64_MAX));
    if (p.offset) text += " OFFSET " + std::to_string(*p.offset);
    return text;
  };
  const auto in_list = [&] {
    const std::optional<sql::bound_in_list> list = d.bound_list({}, p.key_kind);
    if (!list) throw schema_error("this database binds no list of keys of this kind");
    return p.key_expression + list->test_before + placeholder + list->test_after;
  };
  if (p.per_key) {  // its rows are the bound key's: no key column to read back
    out.sql = "SELECT " + p.select + " FROM " + p.from + p.joins + " WHERE " + filters + p.key_expression + " = " +
              placeholder + p.order + bounds();
    return;
  }
  const std::string every_key = "SELECT " + p.select + key + " FROM " + p.from + p.joins + " WHERE " + filters + in_list();
  if (!p.limit && !p.offset) {
    out.sql = every_key + p.order;
    return;
  }
  std::string bounded;
  if (d.list_rows) {
    // Each key's rows by a subquery of their own, bounded as a statement per key would be:
    // the database reads at most the bound for each (an index scan that stops).
    const std::string keys = "orm_keys";
    bounded = "SELECT " + p.select + ", " + keys + "." + key_alias + " FROM " +
              d.list_rows(placeholder, p.key_kind, keys, key_alias) + " CROSS JOIN LATERAL (SELECT " + p.alias +
              ".* FROM " + p.from + " WHERE " + filters + p.key_expression + " = " + keys + "." + key_alias + p.order +
              bounds() + ") AS " + p.alias + p.joins + p.order;
  } else {
    // Every parent's rows at once, each parent's numbered in the load's order: its bounds
    // keep the rows a statement per parent would.
    const std::int64_t first = p.offset.value_or(0);
    std::string kept = std::string(" WHERE ") + p.alias + "." + row_number_alias + " > " + std::to_string(first);
    if (p.limit) kept += " AND " + p.alias + "." + row_number_alias + " <= " + std::to_string(first + *p.limit);
    bounded = "SELECT " + p.select + ", " + p.alias + "." + key_alias + " FROM (SELECT " + p.alias + ".*" + key +
              ", ROW_NUMBER() OVER (PARTITION BY " + p.key_expression + p.order + ") AS " + row_number_alias +
              " FROM " + p.from + " WHERE " + filters + in_list() + ") AS " + p.alias + p.joins + kept + p.order;
  }
  if (p.offset || !p.order.empty() || p.limit.value_or(0) <= 0) {
    out.sql = std::move(bounded);
    return;
  }
  // Bounded in no order: any `limit` rows of a key are its rows (compiled_read::per_key_cap).
  params.emplace_back();
  out.cap_param = params.size() - 1;
  const std::string cap = " LIMIT " + d.placeholder(params.size());
  out.per_key_cap = *p.limit;
  out.sql = every_key + cap;
  out.bounded_sql = bounded + cap;  // the same parameters, in the same places
}

std::int64_t capped_rows_bound(std::size_t keys, std::int64_t per_key_cap) {
  const auto n = static_cast<std::int64_t>(keys);
  if (per_key_cap <= 0 || n > (INT64_MAX - 1) / per_key_cap) return INT64_MAX;
  return n * per_key_cap + 1;
}

bool capped_load_was_cut(const compiled_read& statement, std::size_t keys, std::size_t rows) {
  return statement.per_key_cap > 0 && static_cast<std::int64_t>(rows) >= capped_rows_bound(keys, statement.per_key_cap);
}

void keep_first_per_group(std::vector<std::size_t>& group_of, std::size_t groups, std::int64_t per_key_cap) {
  if (per_key_cap <= 0) return;
  std::vector<std::int64_t> kept(groups, 0);
  for (std::size_t& g : group_of)
    if (g != index_groups::none && ++kept[g] > per_key_cap) g = index_groups::none;
}

namespace {
void swap_statements(compiled_read& r) {
  std::swap(r.sql, r.bounded_sql);
  // statement_hint's copies start empty (a hint is its statement's own): swapped by field.
  std::swap(r.prepared.generation, r.bounded_prepared.generation);
  std::swap(r.prepared.entry, r.bounded_prepared.entry);
}
}  // namespace

void bounded_instead::swap_in(compiled_read& statement) {
  swap_statements(statement);
  statement_ = &statement;
}

bounded_instead::~bounded_instead() {
  if (statement_) swap_statements(*statement_);
}

index_groups index_groups::from(const std::vector<std::size_t>& group_of, std::size_t groups) {
  index_groups out;
  out.first.assign(groups + 1, 0);
  for (std::size_t g : group_of)
    if (g != none) ++out.first[g + 1];
  for (std::size_t g = 0; g < groups; ++g) out.first[g + 1] += out.first[g];
  out.items.resize(out.first[groups]);
  std::vector<std::size_t> next(out.first.begin(), out.first.end() - 1);
  for (std::size_t i = 0; i < group_of.size(); ++i)
    if (group_of[i] != none) out.items[next[group_of[i]]++] = i;
  return out;
}

key_groups group_parents(const load_keys& keys) {
  key_groups out;
  if (keys.is_text()) out.text_index.reserve(keys.size());  // one allocation, no rehash as parents come
  else out.integer_index.reserve(keys.size());
  std::vector<std::size_t> group_of(keys.size(), index_groups::none);
  for (std::size_t p = 0; p < keys.size(); ++p) {
    if (keys.is_null(p)) continue;
    const std::size_t next = out.keys.size();
    const std::size_t g = keys.is_text() ? out.text_index.emplace(keys.text(p), next).first->second
                                         : out.integer_index.emplace(keys.integer(p), next).first->second;
    if (g == next) {  // the key's first parent
      if (keys.is_text()) out.keys.emplace_back(keys.text(p));
      else out.keys.emplace_back(static_cast<long long>(keys.integer(p)));
    }
    group_of[p] = g;
  }
  out.parents = index_groups::from(group_of, out.keys.size());
  return out;
}

std::size_t key_groups::group_of(const load_keys& rows, std::size_t i) const {
  if (rows.is_null(i)) return index_groups::none;
  if (rows.is_text()) {
    const auto g = text_index.find(rows.text(i));
    return g == text_index.end() ? index_groups::none : g->second;
  }
  const auto g = integer_index.find(rows.integer(i));
  return g == integer_index.end() ? index_groups::none : g->second;
}

void bind_key_list(compiled_read& statement, const std::vector<param>& keys, const sql::dialect& d) {
  const column_kind kind = statement.columns[static_cast<std::size_t>(statement.key_column)].kind;
  statement.params[statement.key_param] = param(d.bound_list(keys, kind)->text);
  if (statement.per_key_cap > 0)
    statement.params[statement.cap_param] = param(static_cast<long long>(capped_rows_bound(keys.size(), statement.per_key_cap)));
}

}  // namespace orm::runtime
