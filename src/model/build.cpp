#include <orm/model/build.hpp>

#include <orm/model/assemble.hpp>

namespace orm::model::convert {

std::string text(str s) { return std::string(s.view()); }

source_site where(const site& s) { return {s.file ? s.file : "", s.line, s.column}; }

std::vector<std::string> names(const name_list& list) {
  std::vector<std::string> out;
  for (str n : list) out.push_back(text(n));
  return out;
}

literal literal_of(const value& v) { return {v.kind, v.integer, v.real, text(v.text)}; }

predicate_term term_of(const predicate_node& n) { return {n.op, text(n.column), literal_of(n.operand), n.arity}; }

condition condition_of(const predicate& p) {
  condition out;
  for (const auto& n : p) out.push_back(term_of(n));
  return out;
}

}  // namespace orm::model::convert

namespace orm::model {

namespace {

// The pools of assemble.hpp, each element converted from its constexpr form.
class view_pools {
 public:
  explicit view_pools(const schema_pools_view& s) : s_(s) {}

  options settings() const {
    return {s_.options.strict, s_.options.defaults.default_limit, s_.options.defaults.relation_fan_out_max_keys,
            s_.options.defaults.load_strategy};
  }
  source_site site() const { return convert::where(s_.where); }
  std::size_t table_count() const { return s_.tables.size(); }
  std::size_t relation_count() const { return s_.relations.size(); }

  pooled_table table(std::size_t i) const {
    const table_entry& e = s_.tables[i];
    return {convert::text(e.name), convert::where(e.where), e.columns, e.indexes, e.checks,
            e.foreign_keys,       e.variants,               e.discriminators, e.small};
  }
  pooled_column column(std::size_t i) const {
    const column_def& c = s_.columns[i];
    model::column out;
    out.name = convert::text(c.name);
    out.kind = c.type.kind;
    out.id_table = convert::text(c.type.id_table);
    out.not_null = c.type.is_not_null;
    out.unique = c.type.is_unique;
    out.default_value = convert::literal_of(c.type.default_to);
    if (!c.type.references_table.empty())
      out.references = reference{convert::text(c.type.references_table), convert::text(c.type.references_column),
                                 {c.type.references_on_delete, c.type.references_on_update}};
    out.site = convert::where(c.where);
    return {out, c.variant};
  }
  model::index index(std::size_t i) const {
    const index_def& x = s_.indexes[i];
    return {convert::text(x.name), x.unique, convert::names(x.columns), convert::where(x.where)};
  }
  model::check check(std::size_t i) const {
    const check_def& x = s_.checks[i];
    return {convert::text(x.name), convert::condition_of(x.condition), convert::where(x.where)};
  }
  model::foreign_key foreign_key(std::size_t i) const {
    const foreign_key_def& f = s_.foreign_keys[i];
    return {convert::text(f.name),          convert::names(f.columns), convert::text(f.target_table),
            convert::names(f.target_columns), {f.on_delete, f.on_update}, convert::where(f.where)};
  }
  model::variant variant(std::size_t i) const {
    const variant_def& v = s_.variants[i];
    return {convert::text(v.name), v.discriminator, {}, convert::where(v.where)};
  }
  pooled_discriminator discriminator(std::size_t i) const {
    const discriminator_def& d = s_.discriminators[i];
    return {{convert::text(d.column), convert::text(d.as), {}, convert::where(d.where)}, d.first_variant, d.variant_count};
  }
  model::relation relation(std::size_t i) const {
    const relation_def& r = s_.relations[i];
    model::relation out;
    out.kind = r.kind;
    out.source = convert::text(r.source);
    out.name = convert::text(r.name);
    out.target = convert::text(r.target);
    out.from = convert::names(r.from);
    out.to = convert::names(r.to);
    out.alias = convert::text(r.alias);
    out.optional = r.optional;
    out.where = convert::condition_of(r.filter);
    if (!r.through_table.empty())
      out.through = through_junction{convert::text(r.through_table), convert::names(r.through_from),
                                     convert::names(r.through_to)};
    out.part = convert::text(r.part);
    out.site = convert::where(r.where);
    return out;
  }

 private:
  const schema_pools_view& s_;
};

}  // namespace

schema build(const schema_pools_view& pools) { return assemble(view_pools(pools)); }

}  // namespace orm::model
