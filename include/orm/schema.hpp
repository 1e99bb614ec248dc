#pragma once
// define_schema(tables(users, posts), {.strict = true, .defaults = {.default_limit = 50}})
//     .relations(many(...), one(...), some_relations_part);
// All tables' elements are pooled into flat arrays, in table order, so that a schema
// of any shape has one plain layout that the runtime and the Clang front end read alike.
#include <cstddef>
#include <cstdint>
#include <source_location>

#include <orm/detail/pack.hpp>
#include <orm/load_strategy.hpp>
#include <orm/relations_part.hpp>
#include <orm/table.hpp>

namespace orm {

struct schema_defaults {
  // Limit applied to a many() load that names none; 0 means no default.
  std::int64_t default_limit = 0;
  // Most distinct parent keys one relation load may look up.
  std::int64_t relation_fan_out_max_keys = 1000;
  // How reads load relations unless a call or a `with` entry says (orm/load_strategy.hpp).
  ::orm::load_strategy load_strategy = ::orm::load_strategy::automatic;
};

struct schema_options {
  // Missing relation indexes are errors; false downgrades them to warnings where the
  // query opted in with allow_full_scan.
  bool strict = true;
  schema_defaults defaults{};
};

// One table of the pool: its name, site and how many entries of each pool it owns.
struct table_entry {
  str name;
  site where;
  std::size_t columns, indexes, checks, foreign_keys, variants, discriminators;
  bool small;
};

template <std::size_t NT, std::size_t NC, std::size_t NI, std::size_t NK, std::size_t NF, std::size_t NV,
          std::size_t ND, std::size_t NR>
struct schema_def {
  detail::fixed_vector<table_entry, NT> tables{};
  detail::fixed_vector<column_def, NC> columns{};
  detail::fixed_vector<index_def, NI> indexes{};
  detail::fixed_vector<check_def, NK> checks{};
  detail::fixed_vector<foreign_key_def, NF> foreign_keys{};
  detail::fixed_vector<variant_def, NV> variants{};
  detail::fixed_vector<discriminator_def, ND> discriminators{};
  detail::fixed_vector<relation_def, NR> relation_defs{};
  schema_options options{};
  site where{};

  template <class... Relations>
  constexpr auto relations(const Relations&... more) const;
};

namespace detail {
template <class T>
struct relation_count { static constexpr std::size_t value = 1; };  // a relation_def
template <std::size_t N>
struct relation_count<relations_part<N>> { static constexpr std::size_t value = N; };

template <class Vector, class Source>
constexpr void append_all(Vector& to, const Source& from) {
  to.append(from.begin(), from.end());
}
template <class Schema>
constexpr void append_relations(Schema& s, const relation_def& r) { s.relation_defs.push_back(r); }
template <class Schema, std::size_t N>
constexpr void append_relations(Schema& s, const relations_part<N>& part) {
  s.relation_defs.append(part.relations, part.relations + N);
}
}  // namespace detail

// The pooled tables of a schema, before options and relations are attached.
template <std::size_t NT, std::size_t NC, std::size_t NI, std::size_t NK, std::size_t NF, std::size_t NV,
          std::size_t ND>
using tables_def = schema_def<NT, NC, NI, NK, NF, NV, ND, 0>;

template <class... Tables>
constexpr auto tables(const Tables&... ts) {
  using detail::sum;
  tables_def<sizeof...(Tables), sum<std::size_t>({decltype(Tables::columns)::capacity...}),
             sum<std::size_t>({decltype(Tables::indexes)::capacity...}),
             sum<std::size_t>({decltype(Tables::checks)::capacity...}),
             sum<std::size_t>({decltype(Tables::foreign_keys)::capacity...}),
             sum<std::size_t>({decltype(Tables::variants)::capacity...}),
             sum<std::size_t>({decltype(Tables::discriminators)::capacity...})>
      pool{};
  auto add = [&](const auto& t) {
    pool.tables.push_back({t.name, t.where, t.columns.size, t.indexes.size, t.checks.size, t.foreign_keys.size,
                           t.variants.size, t.discriminators.size, t.small});
    detail::append_all(pool.columns, t.columns);
    detail::append_all(pool.indexes, t.indexes);
    detail::append_all(pool.checks, t.checks);
    detail::append_all(pool.foreign_keys, t.foreign_keys);
    detail::append_all(pool.variants, t.variants);
    detail::append_all(pool.discriminators, t.discriminators);
  };
  detail::for_each_arg(add, ts...);
  return pool;
}

template <std::size_t NT, std::size_t NC, std::size_t NI, std::size_t NK, std::size_t NF, std::size_t NV,
          std::size_t ND>
constexpr auto define_schema(const tables_def<NT, NC, NI, NK, NF, NV, ND>& pool, schema_options options = {},
                             std::source_location where = std::source_location::current()) {
  auto s = pool;
  s.options = options;
  s.where = site::from(where);
  return s;
}

template <std::size_t NT, std::size_t NC, std::size_t NI, std::size_t NK, std::size_t NF, std::size_t NV,
          std::size_t ND, std::size_t NR>
template <class... Relations>
constexpr auto schema_def<NT, NC, NI, NK, NF, NV, ND, NR>::relations(const Relations&... more) const {
  schema_def<NT, NC, NI, NK, NF, NV, ND, NR + detail::sum<std::size_t>({detail::relation_count<Relations>::value...})> s{
      tables, columns, indexes, checks, foreign_keys, variants, discriminators, {}, options, where};
  detail::append_all(s.relation_defs, relation_defs);
  detail::for_each_arg([&](const auto& r) { detail::append_relations(s, r); }, more...);
  return s;
}

}  // namespace orm
