#include <orm/model/write_plan.hpp>

#include <orm/model/query_plan.hpp>
#include <orm/model/structure.hpp>

namespace orm::model::detail {

const char* kind_name(written_kind k) {
  switch (k) {
    case written_kind::boolean: return "a boolean";
    case written_kind::integer: return "an integer";
    case written_kind::real: return "a real";
    case written_kind::text: return "text";
    case written_kind::bytes: return "bytes";
    case written_kind::add_integer: return "orm::add of an integer";
    case written_kind::add_real: return "orm::add of a real";
    case written_kind::clock: return "orm::now()";
    default: return "null";
  }
}

const char* holds(column_kind k) {
  switch (k) {
    case column_kind::integer: return "integers";
    case column_kind::id: return "integer keys";
    case column_kind::real: return "reals";
    case column_kind::boolean: return "booleans";
    case column_kind::bytes: return "bytes";
    case column_kind::timestamp: return "timestamps (integers)";
    default: return "text";
  }
}

bool fits(column_kind column, written_kind value) {
  switch (value) {
    case written_kind::unknown:
    case written_kind::null: return true;  // NOT NULL is the database's to enforce
    case written_kind::boolean: return column == column_kind::boolean;
    case written_kind::integer:
      return column == column_kind::integer || column == column_kind::id || column == column_kind::timestamp ||
             column == column_kind::real || column == column_kind::boolean;
    case written_kind::real: return column == column_kind::real;
    case written_kind::text: return column == column_kind::text || column == column_kind::discriminator;
    case written_kind::bytes: return column == column_kind::bytes;
    // Added to the stored number: integers to integer and real columns, reals to reals.
    case written_kind::add_integer: return column == column_kind::integer || column == column_kind::real;
    case written_kind::add_real: return column == column_kind::real;
    case written_kind::clock: return column == column_kind::timestamp;
  }
  return true;
}

bool adds(written_kind k) { return k == written_kind::add_integer || k == written_kind::add_real; }

const written_field* field_named(const write& w, std::string_view name) {
  for (const written_field& f : w.fields)
    if (f.name.text == name) return &f;
  return nullptr;
}

void plan_variants(const table& t, const write& w, std::vector<query_problem>& out) {
  auto problem = [&](const source_site& at, std::string message) {
    out.push_back({query_problem::kind::discriminator_write, false, at, {}, {}, std::move(message)});
  };
  for (const discriminator& d : t.discriminators) {
    const written_field* chosen = field_named(w, d.column);
    std::vector<std::string> names;
    for (int v : d.variants) names.push_back(t.variants[static_cast<std::size_t>(v)].name);
    std::string listed;
    for (const auto& n : names) listed += (listed.empty() ? "'" : ", '") + n + "'";
    if (!chosen) {
      if (w.inserts()) {
        if (w.fields_complete) problem(w.table.site, "a row of '" + t.name + "' needs '" + d.column + "', one of " + listed);
        continue;
      }
      for (const written_field& f : w.fields)
        if (const column* c = t.find_column(f.name.text); c && !c->variants.empty())
          problem(f.name.site, "setting '" + t.name + "." + f.name.text + "', a field of a variant, needs '" + d.column +
                                   "' in the same update, so that the variant's rules can be checked");
      continue;
    }
    if (chosen->kind == written_kind::unknown || (chosen->kind == written_kind::text && !chosen->text)) continue;
    const auto it = chosen->text ? std::find(names.begin(), names.end(), *chosen->text) : names.end();
    if (chosen->kind != written_kind::text || it == names.end()) {
      problem(chosen->value_site, "'" + t.name + "." + d.column + "' must be one of " + listed);
      continue;
    }
    const int active = d.variants[static_cast<std::size_t>(it - names.begin())];
    for (const variant_field& f : t.variants[static_cast<std::size_t>(active)].fields) {
      const written_field* v = field_named(w, f.name);
      if (f.required && ((!v && w.fields_complete) || (v && v->kind == written_kind::null)))
        problem(chosen->value_site, "variant '" + *it + "' of '" + t.name + "' requires '" + f.name + "'");
    }
    for (const written_field& f : w.fields) {
      const column* c = t.find_column(f.name.text);
      // An unknown value may be null, which clears the field: only the runtime can tell.
      if (!c || c->variants.empty() || f.kind == written_kind::null || f.kind == written_kind::unknown) continue;
      if (std::find(c->variants.begin(), c->variants.end(), active) == c->variants.end())
        problem(f.name.site, "'" + f.name.text + "' is not a field of variant '" + *it + "' of '" + t.name + "'; leave it out");
    }
  }
}

}  // namespace orm::model::detail

namespace orm::model {

namespace {

// Each field names a column of `t` and holds a value it stores; adding to the current
// value is for updates only.
void plan_fields(const table& t, const std::vector<written_field>& fields, bool inserts, std::vector<query_problem>& out) {
  for (const written_field& f : fields) {
    const column* c = t.find_column(f.name.text);
    if (!c)
      out.push_back(detail::unknown_column(t, f.name, ""));
    else if (!detail::fits(c->kind, f.kind))
      out.push_back({query_problem::kind::value_type, false, f.value_site, {}, {},
                     "'" + t.name + "." + c->name + "' holds " + detail::holds(c->kind) + ", and this value is " +
                         detail::kind_name(f.kind)});
    else if (inserts && detail::adds(f.kind))
      out.push_back({query_problem::kind::value_type, false, f.value_site, {}, {},
                     "'" + t.name + "." + c->name + "' is inserted with " + detail::kind_name(f.kind) +
                         ", which adds to the row's current value and so is for updates only; insert the value itself"});
  }
}

std::string keys_of(const table& t) {
  std::string out;
  for (const auto& key : structure::unique_keys(t)) out += (out.empty() ? "" : ", ") + structure::tuple(key);
  return out;
}

// An upsert's .on must be exactly a unique key (the databases match ON CONFLICT against
// one unique index), set by the row; its .update is planned as an update of the row.
void plan_conflict(const table& t, const write& w, std::vector<query_problem>& out) {
  bool known = w.conflict_on_known;
  std::vector<std::string> on;
  for (const written_name& n : w.conflict_on) {
    if (t.find_column(n.text)) {
      on.push_back(n.text);
      continue;
    }
    out.push_back(detail::unknown_column(t, n, "to upsert on"));
    known = false;
  }
  const source_site& at = !w.conflict_on.empty() && w.conflict_on.front().site.line ? w.conflict_on.front().site : w.site;
  auto problem = [&](const source_site& site, std::string message) {
    out.push_back({query_problem::kind::conflict_target, false, site, {}, {}, std::move(message)});
  };
  if (!known) {
    // a name not seen, or misspelt (reported above): the key cannot be judged
  } else if (on.empty()) {
    problem(w.site, "an upsert of '" + t.name + "' needs .on, the columns of the unique key a row conflicts on: one of " +
                        keys_of(t));
  } else if (!structure::is_unique_key(t, on)) {
    problem(at, "an upsert of '" + t.name + "' on " + structure::tuple(on) + " needs exactly a unique key to conflict on, "
                "and " + structure::tuple(on) + " is not one; name one of " + keys_of(t) + ", or add a unique index on " +
                structure::tuple(on));
  } else if (w.fields_complete) {
    for (const std::string& c : on)
      if (!detail::field_named(w, c))
        problem(at, "an upsert of '" + t.name + "' on " + structure::tuple(on) + " inserts no '" + c +
                        "', so the row could never conflict on it; set it in the row");
  }
  if (!w.on_conflict) return;
  plan_fields(t, *w.on_conflict, false, out);
  write update;
  update.what = write::kind::update;
  update.table = w.table;
  update.fields = *w.on_conflict;
  update.fields_complete = w.on_conflict_complete;
  update.site = w.site;
  detail::plan_variants(t, update, out);
}

}  // namespace

std::vector<query_problem> plan_write(const schema& s, const write& w) {
  std::vector<query_problem> out;
  const table* t = s.find_table(w.table.text);
  if (!t) {
    out.push_back(detail::unknown_table(s, w.table));
    return out;
  }
  plan_fields(*t, w.fields, w.inserts(), out);
  for (const written_name& f : w.where_columns)
    if (!t->find_column(f.text)) out.push_back(detail::unknown_column(*t, f, "to filter on"));
  for (query_problem& p : plan_relation_filters(s, t->name, w.filter_relations, w.allow_full_scan))
    out.push_back(std::move(p));
  if (w.what != write::kind::remove) detail::plan_variants(*t, w, out);
  if (w.what == write::kind::upsert) plan_conflict(*t, w, out);
  if (!w.inserts() && w.where_empty && !w.allow_full_scan)
    out.push_back({query_problem::kind::full_scan_write, false, w.site, {}, {},
                   std::string(w.what == write::kind::update ? "an update" : "a remove") + " of '" + t->name +
                       "' with an empty where would change every row; filter it, or pass {.allow_full_scan = true}"});
  return out;
}

}  // namespace orm::model
