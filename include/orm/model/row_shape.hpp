#pragma once
// What a row struct reads, derived once for the runtime (the read a find_*<T> runs) and for
// ormlint (the call it plans): the columns of its table that its fields select (a
// discriminator's alias field selects the discriminator's column) and the relations its
// fields load, each with the shape of the field's own struct, as a tree at the fields'
// sites. Fields the rules refuse (model/row_rules.hpp) are left out: callers check the
// rules first.
#include <optional>
#include <string>
#include <vector>

#include <orm/model/query_model.hpp>
#include <orm/model/schema_model.hpp>

namespace orm::model {

struct row_shape {
  std::vector<std::string> columns;
  std::vector<std::string> counts;  // relations a "<relation>_count" field counts
  // A relation field's load: the relation, where the field is declared, its target table,
  // and what the field's struct reads there.
  struct load;
  std::vector<load> loads;
};

struct row_shape::load {
  std::string relation;
  source_site site;
  const table* target = nullptr;
  row_shape shape;
};

// A relation count's key in a row: "comments" is read as "comments_count" (.count, and the
// typed field that asks for it).
std::string count_key(const std::string& relation);

// The relation a field named count_key(<relation>) counts: when that is no column and
// <relation> is one relation of `t`. The one rule of what such a field reads.
std::optional<std::string> counted_relation(const schema& s, const table& t, const std::string& field);

// The shape of `fields` read from table `t`, loads nested at most `max_depth` levels.
row_shape shape_of(const schema& s, const table& t, const std::vector<row_field>& fields, int max_depth);

}  // namespace orm::model
