#pragma once
// table("posts", column(...), index(...).on(...), check(...), foreign_key(...)).
// Every table has an implicit integer primary key `id`, as the seed's tables do.
#include <cstddef>

#include <orm/check.hpp>
#include <orm/column.hpp>
#include <orm/detail/fixed_vector.hpp>
#include <orm/detail/pack.hpp>
#include <orm/discriminator.hpp>
#include <orm/foreign_key.hpp>
#include <orm/index.hpp>

namespace orm {

// small_table(): a table that stays small (countries, settings), so that a read of all of
// it is no cost: orm-unindexed-query does not ask for an index to filter it.
struct small_table_def {};
constexpr small_table_def small_table() { return {}; }

namespace detail {
// How many slots of each kind one table element occupies.
struct table_counts {
  std::size_t columns = 0, indexes = 0, checks = 0, foreign_keys = 0, variants = 0, discriminators = 0;
  constexpr table_counts operator+(const table_counts& o) const {
    return {columns + o.columns,           indexes + o.indexes,   checks + o.checks,
            foreign_keys + o.foreign_keys, variants + o.variants, discriminators + o.discriminators};
  }
};

template <class Element>
struct element_counts;  // a type with no specialization is not a table element
template <>
struct element_counts<column_def> { static constexpr table_counts value{1, 0, 0, 0, 0, 0}; };
template <>
struct element_counts<index_def> { static constexpr table_counts value{0, 1, 0, 0, 0, 0}; };
template <>
struct element_counts<check_def> { static constexpr table_counts value{0, 0, 1, 0, 0, 0}; };
template <>
struct element_counts<foreign_key_def> { static constexpr table_counts value{0, 0, 0, 1, 0, 0}; };
template <>
struct element_counts<small_table_def> { static constexpr table_counts value{}; };
template <std::size_t V, std::size_t F>
struct element_counts<discriminator_column<V, F>> { static constexpr table_counts value{1 + F, 0, 0, 0, V, 1}; };
}  // namespace detail

template <std::size_t NC, std::size_t NI, std::size_t NK, std::size_t NF, std::size_t NV, std::size_t ND>
struct table_def {
  str name{};
  site where{};
  detail::fixed_vector<column_def, NC> columns{};
  detail::fixed_vector<index_def, NI> indexes{};
  detail::fixed_vector<check_def, NK> checks{};
  detail::fixed_vector<foreign_key_def, NF> foreign_keys{};
  detail::fixed_vector<variant_def, NV> variants{};
  detail::fixed_vector<discriminator_def, ND> discriminators{};
  bool small = false;

  constexpr void add(const column_def& c) { columns.push_back(c); }
  constexpr void add(const small_table_def&) { small = true; }
  constexpr void add(const index_def& i) { indexes.push_back(i); }
  constexpr void add(const check_def& k) { checks.push_back(k); }
  constexpr void add(const foreign_key_def& f) { foreign_keys.push_back(f); }

  template <std::size_t V, std::size_t F>
  constexpr void add(const discriminator_column<V, F>& d) {
    const int first_variant = static_cast<int>(variants.size);
    const int discriminator_index = static_cast<int>(discriminators.size);
    columns.push_back(d.column);
    discriminators.push_back({d.column.name, d.body.options.as, d.column.where, first_variant, static_cast<int>(V)});
    for (std::size_t v = 0; v < V; ++v) {
      variant_def variant = d.body.variants[v];
      variant.discriminator = discriminator_index;
      variants.push_back(variant);
    }
    for (std::size_t f = 0; f < F; ++f) {
      column_def field = d.body.fields[f];
      field.variant += first_variant;
      columns.push_back(field);
    }
  }
};

template <class... Elements>
constexpr auto table(named name, const Elements&... elements) {
  constexpr detail::table_counts n = detail::sum<detail::table_counts>({detail::element_counts<Elements>::value...});
  table_def<n.columns, n.indexes, n.checks, n.foreign_keys, n.variants, n.discriminators> t;
  t.name = name.text;
  t.where = name.where;
  detail::for_each_arg([&](const auto& e) { t.add(e); }, elements...);
  return t;
}

}  // namespace orm
