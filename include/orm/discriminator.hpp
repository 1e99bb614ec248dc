#pragma once
// column("actionType", discriminator({.as = "details"},
//     variant("role_change", column("targetUserId", id("users")), ...), ...))
// Storage is flat: the discriminator column and every variant field become columns of
// the table; reads nest the active variant's fields under `as`.
#include <cstddef>
#include <type_traits>

#include <orm/column.hpp>
#include <orm/detail/pack.hpp>

namespace orm {

struct discriminator_options {
  str as = "details";
};

template <std::size_t FieldCount>
struct variant_builder {
  static constexpr std::size_t field_count = FieldCount;
  str name{};
  site where{};
  column_def fields[FieldCount == 0 ? 1 : FieldCount]{};
};

template <class... Fields>
constexpr auto variant(named name, const Fields&... fields) {
  variant_builder<sizeof...(Fields)> v;
  v.name = name.text;
  v.where = name.where;
  std::size_t i = 0;
  detail::for_each_arg([&](const column_def& f) { v.fields[i++] = f; }, fields...);
  return v;
}

// One variant as the table stores it; its fields are the table's columns whose
// `variant` is this variant's index.
struct variant_def {
  str name;
  site where;
  int discriminator;  // index of the owning discriminator within the table
};

struct discriminator_def {
  str column;
  str as;
  site where;
  int first_variant;
  int variant_count;
};

template <std::size_t VariantCount, std::size_t FieldCount>
struct discriminator_builder {
  discriminator_options options{};
  variant_def variants[VariantCount == 0 ? 1 : VariantCount]{};
  column_def fields[FieldCount == 0 ? 1 : FieldCount]{};  // variant = local variant index
};

template <std::size_t... FieldCounts>
constexpr auto discriminator(discriminator_options options, const variant_builder<FieldCounts>&... variants) {
  constexpr std::size_t field_count = detail::sum<std::size_t>({FieldCounts...});
  discriminator_builder<sizeof...(FieldCounts), field_count> d;
  d.options = options;
  int variant_index = 0;
  std::size_t field_index = 0;
  auto add = [&](const auto& v) {
    constexpr std::size_t count = std::remove_cvref_t<decltype(v)>::field_count;
    d.variants[variant_index] = {v.name, v.where, 0};
    for (std::size_t i = 0; i < count; ++i) {
      d.fields[field_index] = v.fields[i];
      d.fields[field_index++].variant = variant_index;
    }
    ++variant_index;
  };
  detail::for_each_arg(add, variants...);
  return d;
}

template <std::size_t VariantCount, std::size_t FieldCount>
struct discriminator_column {
  column_def column;
  discriminator_builder<VariantCount, FieldCount> body;
};

template <std::size_t VariantCount, std::size_t FieldCount>
constexpr auto column(named name, const discriminator_builder<VariantCount, FieldCount>& body) {
  const column_type type = of_kind(column_kind::discriminator).not_null();
  return discriminator_column<VariantCount, FieldCount>{{name.text, name.where, type, -1}, body};
}

}  // namespace orm
