#include <orm/model/write_plan.hpp>

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
      if (w.what == write::kind::insert) {
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

std::vector<query_problem> plan_write(const schema& s, const write& w) {
  std::vector<query_problem> out;
  const table* t = s.find_table(w.table.text);
  if (!t) {
    out.push_back(detail::unknown_table(s, w.table));
    return out;
  }
  for (const written_field& f : w.fields) {
    const column* c = t->find_column(f.name.text);
    if (!c)
      out.push_back(detail::unknown_column(*t, f.name, ""));
    else if (!detail::fits(c->kind, f.kind))
      out.push_back({query_problem::kind::value_type, false, f.value_site, {}, {},
                     "'" + t->name + "." + c->name + "' holds " + detail::holds(c->kind) + ", and this value is " +
                         detail::kind_name(f.kind)});
    else if (w.what == write::kind::insert && detail::adds(f.kind))
      out.push_back({query_problem::kind::value_type, false, f.value_site, {}, {},
                     "'" + t->name + "." + c->name + "' is inserted with " + detail::kind_name(f.kind) +
                         ", which adds to the row's current value and so is for updates only; insert the value itself"});
  }
  for (const written_name& f : w.where_columns)
    if (!t->find_column(f.text)) out.push_back(detail::unknown_column(*t, f, "to filter on"));
  if (w.what != write::kind::remove) detail::plan_variants(*t, w, out);
  if (w.what != write::kind::insert && w.where_empty && !w.allow_full_scan)
    out.push_back({query_problem::kind::full_scan_write, false, w.site, {}, {},
                   std::string(w.what == write::kind::update ? "an update" : "a remove") + " of '" + t->name +
                       "' with an empty where would change every row; filter it, or pass {.allow_full_scan = true}"});
  return out;
}

}  // namespace orm::model
