#include "tool/extract/apvalue_pools.hpp"

namespace orm::tool {

std::size_t apvalue_pools::size_of(const char* pool) const {
  return static_cast<std::size_t>(read_.integer_field(read_.field(schema_, pool), "size"));
}

typed_value apvalue_pools::item(const char* pool, std::size_t i) const {
  return read_.element(read_.field(read_.field(schema_, pool), "items"), i);
}

std::string apvalue_pools::text(const typed_value& str) const {
  return read_.c_string(read_.field(str, "ptr"), read_.integer_field(str, "len"));
}

model::source_site apvalue_pools::site_of(const typed_value& site) const {
  return {read_.c_string(read_.field(site, "file")), static_cast<unsigned>(read_.integer_field(site, "line")),
          static_cast<unsigned>(read_.integer_field(site, "column"))};
}

std::vector<std::string> apvalue_pools::names(const typed_value& list) const {
  std::vector<std::string> out;
  const auto n = static_cast<std::size_t>(read_.integer_field(list, "size"));
  const typed_value items = read_.field(list, "names");
  for (std::size_t i = 0; i < n; ++i) out.push_back(text(read_.element(items, i)));
  return out;
}

model::literal apvalue_pools::literal_of(const typed_value& v) const {
  model::literal out;
  out.kind = enumerator<value_kind>(v, "kind");
  out.integer = read_.integer_field(v, "integer");
  out.real = read_.real(read_.field(v, "real"));
  out.text = text(v, "text");
  return out;
}

model::condition apvalue_pools::condition_of(const typed_value& p) const {
  model::condition out;
  const auto n = static_cast<std::size_t>(read_.integer_field(p, "size"));
  const typed_value nodes = read_.field(p, "nodes");
  for (std::size_t i = 0; i < n; ++i) {
    const typed_value node = read_.element(nodes, i);
    out.push_back({enumerator<predicate_op>(node, "op"), text(node, "column"), literal_of(read_.field(node, "operand")),
                   static_cast<unsigned>(read_.integer_field(node, "arity"))});
  }
  return out;
}

model::options apvalue_pools::settings() const {
  const typed_value options = read_.field(schema_, "options");
  const typed_value defaults = read_.field(options, "defaults");
  return {read_.boolean(read_.field(options, "strict")), read_.integer_field(defaults, "default_limit"),
          read_.integer_field(defaults, "relation_fan_out_max_keys")};
}

model::pooled_table apvalue_pools::table(std::size_t i) const {
  const typed_value e = item("tables", i);
  auto count = [&](const char* f) { return static_cast<std::size_t>(read_.integer_field(e, f)); };
  return {text(e, "name"),      site_of(read_.field(e, "where")), count("columns"),  count("indexes"),
          count("checks"),      count("foreign_keys"),             count("variants"), count("discriminators"),
          read_.boolean(read_.field(e, "small"))};
}

model::pooled_column apvalue_pools::column(std::size_t i) const {
  const typed_value c = item("columns", i);
  const typed_value type = read_.field(c, "type");
  model::column out;
  out.name = text(c, "name");
  out.kind = enumerator<column_kind>(type, "kind");
  out.id_table = text(type, "id_table");
  out.not_null = read_.boolean(read_.field(type, "is_not_null"));
  out.unique = read_.boolean(read_.field(type, "is_unique"));
  out.default_value = literal_of(read_.field(type, "default_to"));
  if (std::string table = text(type, "references_table"); !table.empty())
    out.references = model::reference{std::move(table), text(type, "references_column"),
                                      {enumerator<fk_action>(type, "references_on_delete"),
                                       enumerator<fk_action>(type, "references_on_update")}};
  out.site = site_of(read_.field(c, "where"));
  return {out, static_cast<int>(read_.integer_field(c, "variant"))};
}

model::index apvalue_pools::index(std::size_t i) const {
  const typed_value x = item("indexes", i);
  return {text(x, "name"), read_.boolean(read_.field(x, "unique")), names(read_.field(x, "columns")),
          site_of(read_.field(x, "where"))};
}

model::check apvalue_pools::check(std::size_t i) const {
  const typed_value x = item("checks", i);
  return {text(x, "name"), condition_of(read_.field(x, "condition")), site_of(read_.field(x, "where"))};
}

model::foreign_key apvalue_pools::foreign_key(std::size_t i) const {
  const typed_value f = item("foreign_keys", i);
  return {text(f, "name"),
          names(read_.field(f, "columns")),
          text(f, "target_table"),
          names(read_.field(f, "target_columns")),
          {enumerator<fk_action>(f, "on_delete"), enumerator<fk_action>(f, "on_update")},
          site_of(read_.field(f, "where"))};
}

model::variant apvalue_pools::variant(std::size_t i) const {
  const typed_value v = item("variants", i);
  return {text(v, "name"), static_cast<int>(read_.integer_field(v, "discriminator")), {}, site_of(read_.field(v, "where"))};
}

model::pooled_discriminator apvalue_pools::discriminator(std::size_t i) const {
  const typed_value d = item("discriminators", i);
  return {{text(d, "column"), text(d, "as"), {}, site_of(read_.field(d, "where"))},
          static_cast<int>(read_.integer_field(d, "first_variant")),
          static_cast<int>(read_.integer_field(d, "variant_count"))};
}

model::relation apvalue_pools::relation(std::size_t i) const {
  const typed_value r = item("relation_defs", i);
  model::relation out;
  out.kind = enumerator<relation_kind>(r, "kind");
  out.source = text(r, "source");
  out.name = text(r, "name");
  out.target = text(r, "target");
  out.from = names(read_.field(r, "from"));
  out.to = names(read_.field(r, "to"));
  out.alias = text(r, "alias");
  out.optional = read_.boolean(read_.field(r, "optional"));
  out.where = condition_of(read_.field(r, "filter"));
  if (std::string junction = text(r, "through_table"); !junction.empty())
    out.through = model::through_junction{std::move(junction), names(read_.field(r, "through_from")),
                                          names(read_.field(r, "through_to"))};
  out.part = text(r, "part");
  out.site = site_of(read_.field(r, "where"));
  return out;
}

}  // namespace orm::tool
