#include <orm/model/assemble.hpp>

namespace orm::model::detail {

column primary_key(const source_site& table_site) {
  column id;
  id.name = "id";
  id.kind = column_kind::integer;
  id.not_null = true;
  id.unique = true;
  id.implicit = true;
  id.site = table_site;
  return id;
}

void add_column(table& t, const column& declared, int variant_index) {
  // A variant the table does not have (pools that disagree, which the DSL never writes
  // but the fuzzer does) leaves a plain column rather than an index out of range.
  if (variant_index < 0 || static_cast<std::size_t>(variant_index) >= t.variants.size()) {
    t.columns.push_back(declared);
    return;
  }
  auto& v = t.variants[static_cast<std::size_t>(variant_index)];
  v.fields.push_back({declared.name, declared.kind, declared.id_table, declared.not_null, declared.unique, declared.site});
  const int existing = t.column_index(declared.name);
  if (existing >= 0) {
    // Another variant's field of that name shares its column; a base column of that
    // name stays a base column (the discriminator check reports the shadowing).
    auto& shared = t.columns[static_cast<std::size_t>(existing)];
    if (!shared.variants.empty()) shared.variants.push_back(variant_index);
    return;
  }
  column physical = declared;
  physical.variants = {variant_index};
  t.columns.push_back(physical);
}

}  // namespace orm::model::detail
