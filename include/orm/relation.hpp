#pragma once
// one(posts, "author", users, {.from = "authorId", .to = "id", .alias = "author"}),
// many(users, "posts", posts), and many-to-many through a junction table:
// many(users, "groups", groups, {.alias = "member"}).through(users_to_groups, "userId", "groupId").
#include <orm/name_list.hpp>
#include <orm/predicate.hpp>
#include <orm/site.hpp>

namespace orm {

enum class relation_kind : unsigned char { one, many };

struct relation_options {
  name_list from{};  // columns of the source table; empty: inferred from the inverse
  name_list to{};    // columns of the target table; empty: inferred from the inverse
  str alias{};       // names the edge so both ends of it can find each other
  bool optional = true;
  predicate where{};  // filter on the target table's columns, applied on every load
};

// A relation as the schema stores it: relation_options flattened, because the
// options' `optional = true` default would make every pooled relation cost a
// constructor call in the constant evaluator.
struct relation_def {
  relation_kind kind;
  str source;
  str name;
  site where;
  str target;
  name_list from;
  name_list to;
  str alias;
  bool optional;
  predicate filter;  // relation_options::where
  // Many-to-many: source.from = junction.through_from and junction.through_to = target.to.
  str through_table;
  name_list through_from;
  name_list through_to;
  // The define_relations_part this relation came from; empty when written in the schema.
  str part;

  template <class Junction>
  constexpr relation_def through(const Junction& junction, const name_list& junction_from,
                                 const name_list& junction_to) const {
    relation_def r = *this;
    r.through_table = junction.name;
    r.through_from = junction_from;
    r.through_to = junction_to;
    return r;
  }
};

namespace detail {
constexpr relation_def make_relation(relation_kind kind, str source, const named& name, str target,
                                     const relation_options& options) {
  // One initializer rather than a statement per field: each statement is a step of
  // Clang's constant evaluator, whose default limit a schema of 25,000 relations nears.
  return relation_def{kind,         source,     name.text,       name.where,     target, options.from, options.to,
                      options.alias, options.optional, options.where, {},           {},     {},           {}};
}
}  // namespace detail

template <class Source, class Target>
constexpr relation_def one(const Source& source, named name, const Target& target, relation_options options = {}) {
  return detail::make_relation(relation_kind::one, source.name, name, target.name, options);
}

template <class Source, class Target>
constexpr relation_def many(const Source& source, named name, const Target& target, relation_options options = {}) {
  return detail::make_relation(relation_kind::many, source.name, name, target.name, options);
}

}  // namespace orm
