#include <orm/runtime/write_sql.hpp>

#include <cmath>

namespace orm::runtime::writes {

const param* field_value(const fields& row, const std::string& name) {
  for (const auto& [k, v] : row)
    if (k == name) return &v;
  return nullptr;
}

void check_values(const model::table& t, const fields& row, const sql::dialect& d) {
  for (const auto& [name, v] : row) {
    if (d.text_refuses_nul && v.type() == param::kind::text && v.text().find('\0') != std::string::npos)
      throw schema_error("'" + t.name + "." + name + "' is text, and the value holds a NUL character, which "
                         + std::string(d.name) + "'s text cannot store; store bytes in a bytes() column");
    // Reads return rows as JSON, which holds text only as UTF-8.
    if (v.type() == param::kind::text && !is_utf8(v.text()))
      throw schema_error("'" + t.name + "." + name + "' is text, and the value is not UTF-8; store bytes in a bytes() column");
    if (v.type() == param::kind::add && v.adds_real() && !std::isfinite(v.real()))
      throw schema_error("'" + t.name + "." + name + "' cannot be added " + std::to_string(v.real()) + ": the sum would "
                         "not be a finite number");
    if (v.type() == param::kind::real && std::isnan(v.real()))
      throw schema_error("'" + t.name + "." + name + "' cannot hold NaN: " + d.nan_reason + "; write nullptr for no value");
    // SQLite stores no sign on a zero, PostgreSQL does: refused on both, so that both keep
    // the same value (and a nested load reads what the top level reads).
    if (v.type() == param::kind::real && v.real() == 0 && std::signbit(v.real()))
      throw schema_error("'" + t.name + "." + name + "' cannot hold -0.0 on both databases (SQLite keeps no sign on a "
                         "zero); write 0.0");
    // Integers stand for booleans as 1 and 0 only, on both databases (SQLite's CHECK and
    // PostgreSQL's boolean input would each refuse others in their own words).
    if (v.type() == param::kind::integer && v.integer() != 0 && v.integer() != 1)
      if (const model::column* c = t.find_column(name); c && c->kind == column_kind::boolean)
        throw schema_error("'" + t.name + "." + name + "' is boolean: write true or false (or 1 or 0), not " +
                           std::to_string(v.integer()));
  }
}

std::string written_value(const model::table& t, const std::string& name, const param& v,
                                 std::vector<param>& params, const sql::dialect& d, bool qualified) {
  const model::column* c = t.find_column(name);
  if (v.type() == param::kind::now) return d.clock(v.unit_num(), v.unit_den());
  if (v.type() == param::kind::add) {
    params.push_back(v.amount());
    const std::string column = (qualified ? sql::identifier(t.name) + "." : std::string()) + sql::identifier(name);
    return d.added(column, d.placeholder(params.size()), t.name + "." + name);
  }
  params.push_back(v);
  return c ? d.value_for(c->kind, d.placeholder(params.size())) : d.placeholder(params.size());
}

statement_text insert(const model::table& t, const fields& row, const sql::dialect& d) {
  return insert_rows(t, std::span<const fields>(&row, 1), d);
}

statement_text insert_rows(const model::table& t, std::span<const fields> rows, const sql::dialect& d) {
  statement_text out{"INSERT INTO " + sql::identifier(t.name), {}};
  if (rows.front().empty() && rows.size() == 1) {
    out.sql += " DEFAULT VALUES";
    return out;
  }
  std::string columns;
  for (const auto& field : rows.front()) columns += (columns.empty() ? "" : ", ") + sql::identifier(field.first);
  out.sql += " (" + columns + ") VALUES ";
  out.params.reserve(rows.size() * rows.front().size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    check_values(t, rows[r], d);
    out.sql += r ? ", (" : "(";
    for (std::size_t i = 0; i < rows[r].size(); ++i) {
      const auto& [name, v] = rows[r][i];
      out.sql += (i ? ", " : "") + written_value(t, name, v, out.params, d, false);
    }
    out.sql += ")";
  }
  return out;
}

bool same_columns(const fields& a, const fields& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) { return x.first == y.first; });
}

std::string assignments(const model::table& t, const fields& changes, std::vector<param>& params, const sql::dialect& d,
                        bool qualified) {
  check_values(t, changes, d);
  // Naming the variant clears the fields of the others (a row changing variant drops the
  // old one's), never the named variant's own fields that the update leaves alone.
  fields all = changes;
  for (const auto& disc : t.discriminators)
    if (const param* chosen = field_value(changes, disc.column))
      for (int v : disc.variants) {
        if (t.variants[static_cast<std::size_t>(v)].name != chosen->text()) continue;
        for (const auto& c : t.columns)
          if (!c.variants.empty() && !field_value(all, c.name) && std::find(c.variants.begin(), c.variants.end(), v) == c.variants.end())
            all.emplace_back(c.name, param());
      }
  std::string out;
  for (std::size_t i = 0; i < all.size(); ++i)
    out += (i ? ", " : "") + sql::identifier(all[i].first) + " = " +
           written_value(t, all[i].first, all[i].second, params, d, qualified);
  return out;
}

statement_text update(const model::schema& s, const model::table& t, const fields& changes, const condition& where,
                      const sql::dialect& d) {
  if (changes.empty()) throw schema_error("an update of '" + t.name + "' needs at least one column to set");
  statement_text out{"UPDATE " + sql::identifier(t.name) + " SET ", {}};
  out.sql += assignments(t, changes, out.params, d, false);
  out.sql += " WHERE " + sql::render(where, t, sql::identifier(t.name), &out.params, d, &s);
  return out;
}

statement_text upsert(const model::table& t, const fields& row, const std::vector<std::string>& on,
                      const std::optional<fields>& update, const sql::dialect& d) {
  statement_text out = insert(t, row, d);
  fields changes;
  if (update) {
    changes = *update;
  } else {
    for (const auto& field : row)
      if (std::find(on.begin(), on.end(), field.first) == on.end()) changes.push_back(field);
  }
  std::string key;
  for (const std::string& c : on) key += (key.empty() ? "" : ", ") + sql::identifier(c);
  out.sql += " ON CONFLICT (" + key + ") DO UPDATE SET ";
  // Nothing to change: the row is set to itself, so that RETURNING still gives the row
  // (DO NOTHING returns none).
  if (changes.empty())
    out.sql += sql::identifier(on.front()) + " = " + sql::identifier(t.name) + "." + sql::identifier(on.front());
  else
    out.sql += assignments(t, changes, out.params, d, true);
  return out;
}

statement_text remove(const model::schema& s, const model::table& t, const condition& where, const sql::dialect& d) {
  statement_text out{"DELETE FROM " + sql::identifier(t.name) + " WHERE ", {}};
  out.sql += sql::render(where, t, sql::identifier(t.name), &out.params, d, &s);
  return out;
}

}  // namespace orm::runtime::writes
