#pragma once
// The facts about a schema that both ormlint's checks and the runtime's guards decide
// on, in one place, so that a finding exists exactly when the runtime refuses.
#include <algorithm>
#include <map>
#include <tuple>
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>

namespace orm::model {

// One lookup a relation load makes: rows of `table` found by `columns`.
struct lookup {
  std::string table;
  std::vector<std::string> columns;
  bool junction = false;
};

// What loading a resolved relation looks up: the junction by its `from` columns, then
// (or only) the target by `to`.
std::vector<lookup> lookups_of(const relation& r);

// Whether `table` finds rows by `columns` without a scan: the primary key, a .unique()
// base column (SQLite indexes it), or an index whose leading columns match in order.
bool lookup_served(const table& t, const std::vector<std::string>& columns);

// What makes loading a relation ambiguous, as the seed system decides it. A relation
// that writes its from/to is never ambiguous by itself; ambiguity is
// - inference: relations with no from/to that more than one relation back could lend
//   columns to; the inferring relations between the same tables under the same alias
//   are one group, reported once;
// - duplicate_name: one table declaring a relation name more than once;
// - shared_alias: an alias names one edge, whose two ends go one each way between two
//   tables (Prisma: "At most two relation fields can belong to the same relation"), so
//   an alias on more than two ends, or on two ends in the same direction, pairs nothing.
//   Its members are left out of inference groups and of missing-inverse findings: the
//   alias is the one mistake to fix.
struct ambiguity {
  enum class kind : unsigned char { inference, duplicate_name, shared_alias } what;
  std::vector<int> members;     // the relations at fault, in declaration order
  std::vector<int> candidates;  // inference: the relations that could lend their columns

  std::string message(const schema& s) const {
    auto name = [&](int i) {
      const relation& r = s.relations[static_cast<std::size_t>(i)];
      return "'" + r.source + "." + r.name + "'";
    };
    auto listed = [&](const std::vector<int>& items, const char* last_joint) {
      std::string out;
      for (std::size_t k = 0; k < items.size(); ++k)
        out += (k == 0 ? "" : k + 1 == items.size() ? last_joint : ", ") + name(items[k]);
      return out;
    };
    const relation& first = s.relations[static_cast<std::size_t>(members.front())];
    if (what == kind::shared_alias) {
      if (members.size() > 2)
        return "alias '" + first.alias + "' is shared by " + std::to_string(members.size()) + " relation ends (" +
               listed(members, " and ") + "); an alias names one edge, which has at most two ends, one in each "
               "direction: give each edge its own alias";
      return "relations " + listed(members, " and ") + " share alias '" + first.alias + "' and both go from '" +
             first.source + "' to '" + first.target + "'; an alias pairs the two ends of one edge, one in each "
             "direction: give each relation its own alias";
    }
    if (what == kind::duplicate_name)
      return "table '" + first.source + "' declares relation '" + first.name + "' " +
             (members.size() == 2 ? std::string("twice") : std::to_string(members.size()) + " times") +
             "; rename all but one of them";
    const std::string from = candidates.size() == 2 ? listed(candidates, " or ") : "any of " + listed(candidates, ", ");
    if (members.size() == 1)
      return "relation " + name(members.front()) + " has no from/to and could take them from " + from +
             "; give it and its intended inverse the same alias, or write from/to";
    return "relations " + listed(members, " and ") + " have no from/to and each could take them from " + from +
           "; give each edge its own alias on both of its ends, or write from/to";
  }
};

std::vector<ambiguity> ambiguities(const schema& s);

// Whether relation `index` is a member of an ambiguity of kind `k` in `found`.
bool member_of(const std::vector<ambiguity>& found, ambiguity::kind k, int index);

}  // namespace orm::model

namespace orm::model {

// What can be wrong with a discriminator, by the seed's rules. Warnings run; the others
// make the runtime refuse the schema, and ormlint report it.
struct discriminator_problem {
  enum class kind : unsigned char {
    alias_reserved,        // `as` is `with` or `extras`
    alias_is_column,       // `as` names a column of the table
    alias_is_relation,     // `as` names a relation of the table
    second_discriminator,  // a table has one
    no_variants,
    duplicate_variant,
    empty_variant,   // a warning: a value with no data can be meant
    shadows_column,  // a variant field named like a base column
    field_differs,   // a field several variants declare differently
  } what;
  const discriminator* subject = nullptr;
  const variant* in_variant = nullptr;       // the variant at fault
  const variant_field* field = nullptr;      // the field at fault
  const variant* first_variant = nullptr;    // the earlier declaration it clashes with
  const variant_field* first_field = nullptr;
  const column* clashing_column = nullptr;
  const relation* clashing_relation = nullptr;

  bool is_warning() const { return what == kind::empty_variant; }

  // What is wrong, where, and the way out: the words ormlint reports and migrate refuses with.
  std::string message(const table& t) const;
};

bool same_declaration(const variant_field& a, const variant_field& b);

const char* kind_name(column_kind k);

// How a field is written in the DSL: id("users").not_null()
std::string signature(const variant_field& f);


std::vector<discriminator_problem> discriminator_problems(const schema& s, const table& t);

}  // namespace orm::model
