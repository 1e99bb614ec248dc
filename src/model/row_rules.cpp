#include <orm/model/row_rules.hpp>

#include <algorithm>

#include <orm/model/row_shape.hpp>

namespace orm::model::detail {

const char* cpp_type_for(column_kind k) {
  switch (k) {
    case column_kind::text:
    case column_kind::discriminator: return "std::string";
    case column_kind::integer:
    case column_kind::id:
    case column_kind::timestamp: return "std::int64_t";
    case column_kind::real: return "double";
    case column_kind::boolean: return "bool";
    case column_kind::bytes: return "std::vector<std::byte>";
  }
  return "?";
}

bool holds(row_field::value_kind v, column_kind k) {
  using v_k = row_field::value_kind;
  switch (k) {
    case column_kind::text:
    case column_kind::discriminator: return v == v_k::text;
    case column_kind::integer:
    case column_kind::id: return v == v_k::integer;
    case column_kind::timestamp: return v == v_k::integer || v == v_k::time_point;
    case column_kind::real: return v == v_k::real;
    case column_kind::boolean: return v == v_k::boolean;
    case column_kind::bytes: return v == v_k::bytes;
  }
  return false;
}

class row_checker {
 public:
  row_checker(const schema& s, int max_depth) : s_(s), max_depth_(max_depth) {}

  void level(const table& t, const std::string& row_name, const std::vector<row_field>& fields,
             const query_options* given, int depth, const source_site& call) {
    for (const row_field& f : fields) field(t, row_name, f, given, depth);
    if (!given) return;
    for (const written_name& counted : given->counts) {
      const std::string key = count_key(counted.text);
      const bool named = std::any_of(fields.begin(), fields.end(), [&](const row_field& f) { return f.name == key; });
      if (!named)
        add(row_problem::kind::unrequested, counted.site.line ? counted.site : call,
            "`.count` counts '" + counted.text + "', and '" + row_name + "' has no field '" + key +
                "' to hold it; add the field or drop the count");
    }
    for (const query_load& load : given->with) {
      const bool named = std::any_of(fields.begin(), fields.end(), [&](const row_field& f) { return f.name == load.relation.text; });
      if (!named)
        add(row_problem::kind::unrequested, load.relation.site.line ? load.relation.site : call,
            "`with` loads '" + load.relation.text + "', and '" + row_name + "' has no field '" + load.relation.text +
                "' to hold it; add the field or drop the load");
    }
  }

  std::vector<row_problem> out;

 private:
  void add(row_problem::kind k, const source_site& site, std::string message, std::string suggestion = {}) {
    out.push_back({k, std::move(message), site, std::move(suggestion)});
  }

  static std::string field_ref(const std::string& row_name, const row_field& f) {
    return "field '" + f.name + "' of '" + row_name + "'";
  }

  void field(const table& t, const std::string& row_name, const row_field& f, const query_options* given, int depth) {
    if (const column* c = t.find_column(f.name); c && c->variants.empty()) return column_field(t, row_name, f, *c);
    for (const discriminator& d : t.discriminators)
      if (d.as == f.name) return alias_field(t, row_name, f, d);
    const std::vector<int> found = s_.relations_named(t.name, f.name);
    if (found.size() == 1) {
      const query_load* load = nullptr;
      if (given)
        for (const query_load& l : given->with)
          if (l.relation.text == f.name) load = &l;
      return relation_field(t, row_name, f, s_.relations[static_cast<std::size_t>(found.front())],
                            load ? &load->options : nullptr, depth + 1);
    }
    if (const auto counted = counted_relation(s_, t, f.name)) return count_field(t, row_name, f, *counted);
    std::vector<std::string_view> names;
    std::vector<std::string> count_names;  // "<relation>_count", held for the views
    for (const column& c : t.columns)
      if (c.variants.empty()) names.push_back(c.name);
    for (const relation& r : s_.relations)
      if (r.source == t.name) {
        names.push_back(r.name);
        count_names.push_back(count_key(r.name));
      }
    for (const std::string& n : count_names) names.push_back(n);
    for (const discriminator& d : t.discriminators) names.push_back(d.as);
    unknown_field(row_name, f, "names no column, relation or variant alias of table '" + t.name + "'", names);
  }

  // "<relation>_count": the number of the relation's rows, an integer the database counts.
  void count_field(const table& t, const std::string& row_name, const row_field& f, const std::string& relation) {
    if (f.kind != row_field::value_kind::integer || f.sequence || f.narrow)
      add(row_problem::kind::wrong_type, f.site,
          field_ref(row_name, f) + " is " + f.type + ", and it reads the count of relation '" + t.name + "." + relation +
              "'; make it std::int64_t",
          "std::int64_t");
  }

  // A field whose name is none of `names`: with the close one, when there is one.
  void unknown_field(const std::string& row_name, const row_field& f, const std::string& what,
                     const std::vector<std::string_view>& names) {
    std::string suggestion = closest_name(f.name, names);
    add(row_problem::kind::unknown_field, f.site,
        field_ref(row_name, f) + " " + what +
            (suggestion.empty() ? std::string("; rename it, or remove it") : "; did you mean '" + suggestion + "'?"),
        suggestion);
  }

  void column_field(const table& t, const std::string& row_name, const row_field& f, const column& c) {
    const std::string where = "column '" + t.name + "." + c.name + "'";
    // The type to write: optional when the column can be NULL or the field already is.
    const std::string fitting = c.nullable_in_storage() || f.optional ? "std::optional<" + std::string(cpp_type_for(c.kind)) + ">"
                                                                      : std::string(cpp_type_for(c.kind));
    if (f.sequence || !holds(f.kind, c.kind)) {
      add(row_problem::kind::wrong_type, f.site,
          field_ref(row_name, f) + " is " + f.type + ", which cannot hold " + model::kind_name(c.kind) + " " +
              where + "; make it " + fitting,
          fitting);
      return;
    }
    if (f.narrow) {
      add(row_problem::kind::wrong_type, f.site,
          field_ref(row_name, f) + " is " + f.type + ", which cannot hold every value of " + model::kind_name(c.kind) +
              " " + where + "; make it " + fitting,
          fitting);
      return;
    }
    if (c.nullable_in_storage() && !f.optional)
      add(row_problem::kind::not_optional, f.site,
          field_ref(row_name, f) + " is " + f.type + ", and " + where + " can be NULL; make it std::optional<" + f.type + ">",
          "std::optional<" + f.type + ">");
  }

  // A discriminator's alias: a struct whose fields are the variants' fields, each optional
  // (only the active variant's are set).
  void alias_field(const table& t, const std::string& row_name, const row_field& f, const discriminator& d) {
    if (f.kind != row_field::value_kind::row || f.sequence) {
      add(row_problem::kind::wrong_type, f.site,
          field_ref(row_name, f) + " is " + f.type + ", and '" + d.as + "' holds the fields of the active variant of '" +
              t.name + "." + d.column + "'; make it a struct whose fields are the variants' fields, each std::optional");
      return;
    }
    std::vector<std::string_view> variant_fields;
    for (int v : d.variants)
      for (const variant_field& vf : t.variants[static_cast<std::size_t>(v)].fields) variant_fields.push_back(vf.name);
    for (const row_field& inner : f.fields) {
      const column* c = t.find_column(inner.name);
      if (!c || std::find(variant_fields.begin(), variant_fields.end(), inner.name) == variant_fields.end()) {
        unknown_field(f.row_name, inner, "names no field of a variant of '" + t.name + "." + d.column + "'", variant_fields);
        continue;
      }
      column_field(t, f.row_name, inner, *c);
    }
  }

  void relation_field(const table& t, const std::string& row_name, const row_field& f, const relation& r,
                      const query_options* given, int depth) {
    const table* target = s_.find_table(r.target);
    if (!target) return;  // an unknown target is the schema's own finding
    const std::string what = "relation '" + t.name + "." + r.name + "'";
    if (f.kind != row_field::value_kind::row) {
      add(row_problem::kind::wrong_type, f.site,
          field_ref(row_name, f) + " is " + f.type + ", and " + what + " loads rows of '" + r.target + "'; make it " +
              (r.kind == relation_kind::many ? "std::vector<" : "std::optional<") + "a struct of the fields you read>");
      return;
    }
    if (r.kind == relation_kind::many && (!f.sequence || f.optional)) {
      add(row_problem::kind::wrong_type, f.site,
          field_ref(row_name, f) + " is " + f.type + ", and many() " + what + " loads any number of rows; make it std::vector<" +
              f.row_name + ">",
          "std::vector<" + f.row_name + ">");
      return;
    }
    if (r.kind == relation_kind::one && f.sequence) {
      add(row_problem::kind::wrong_type, f.site,
          field_ref(row_name, f) + " is " + f.type + ", and one() " + what + " loads at most one row; make it std::optional<" +
              f.row_name + ">",
          "std::optional<" + f.row_name + ">");
      return;
    }
    if (r.kind == relation_kind::one && !f.optional && r.optional) {
      add(row_problem::kind::not_optional, f.site,
          field_ref(row_name, f) + " is " + f.type + ", and one() " + what + " may find no row; make it std::optional<" +
              f.type + ">",
          "std::optional<" + f.type + ">");
      return;
    }
    if (depth > max_depth_) {
      add(row_problem::kind::depth, f.site,
          field_ref(row_name, f) + " loads " + what + " " + std::to_string(depth) + " deep, deeper than max_depth " +
              std::to_string(max_depth_) + "; raise max_depth or read it in another query");
      return;
    }
    level(*target, f.row_name, f.fields, given, depth, {});
  }

  const schema& s_;
  int max_depth_;
};

}  // namespace orm::model::detail

namespace orm::model {

const row_field* find_row_field(const std::vector<row_field>& fields, const source_site& site) {
  if (site.line == 0) return nullptr;
  for (const row_field& f : fields) {
    if (f.site.line == site.line && f.site.column == site.column && f.site.file == site.file) return &f;
    if (const row_field* inner = find_row_field(f.fields, site)) return inner;
  }
  return nullptr;
}

const row_field* find_row_field(const row_type& row, const source_site& site) { return find_row_field(row.fields, site); }

}  // namespace orm::model

namespace orm::model::detail {

void add_row_loads(const row_shape& shape, query_options& o) {
  for (const row_shape::load& l : shape.loads) {
    auto load = std::find_if(o.with.begin(), o.with.end(), [&](const query_load& w) { return w.relation.text == l.relation; });
    if (load == o.with.end()) {
      o.with.push_back({{l.relation, l.site}, {}});
      load = o.with.end() - 1;
    }
    add_row_loads(l.shape, load->options);
  }
}

}  // namespace orm::model::detail

namespace orm::model {

query with_row_loads(const schema& s, query q) {
  // An aggregate's fields name its values, and load nothing.
  const table* t = q.row && !q.aggregate ? s.find_table(q.table) : nullptr;
  if (t) detail::add_row_loads(shape_of(s, *t, q.row->fields, q.max_depth), q.top);
  return q;
}

std::vector<row_problem> row_mismatches(const schema& s, const table& t, const row_type& row, int max_depth,
                                               const query_options* given, const source_site& call) {
  detail::row_checker check(s, max_depth);
  check.level(t, row.name, row.fields, given, 0, call);
  return std::move(check.out);
}

std::vector<row_problem> returned_row_mismatches(const schema& s, const table& t, const row_type& row) {
  // A column field is checked by the row rules; any other is refused as no column. Field
  // by field, so that the problems come in the fields' order.
  std::vector<row_problem> out;
  for (const row_field& f : row.fields) {
    const column* c = t.find_column(f.name);
    const bool aliased = std::any_of(t.discriminators.begin(), t.discriminators.end(),
                                     [&](const discriminator& d) { return d.as == f.name; });
    if ((c && !c->variants.empty()) ||
        (!c && (aliased || !s.relations_named(t.name, f.name).empty() || counted_relation(s, t, f.name)))) {
      out.push_back({row_problem::kind::unknown_field,
                     "field '" + f.name + "' of '" + row.name + "' is no column of '" + t.name +
                         "', and a write returns the columns of the rows it wrote; read what they relate to "
                         "with a find after the write",
                     f.site, {}});
      continue;
    }
    for (row_problem& p : row_mismatches(s, t, row_type{row.name, {f}, row.site}, 0)) out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::string> cursor_columns(std::vector<std::string> order) {
  if (std::find(order.begin(), order.end(), "id") == order.end()) order.push_back("id");
  return order;
}

std::vector<row_problem> cursor_field_mismatches(const row_type& row, const std::vector<std::string>& order,
                                                 const source_site& call) {
  std::vector<row_problem> out;
  for (const std::string& column : cursor_columns(order))
    if (std::none_of(row.fields.begin(), row.fields.end(), [&](const row_field& f) { return f.name == column; }))
      out.push_back({row_problem::kind::cursor_field,
                     "find_page makes its cursors from the order's columns, and '" + row.name + "' has no field '" +
                         column + "' to read one from; add the field",
                     call, {}});
  return out;
}

}  // namespace orm::model
