#pragma once
// Derives what a schema's relations join on. This is the one place where a many()
// or one() without from/to is resolved from its inverse; the runtime's guards and
// ormlint's checks both read the result, so they cannot disagree. Problems are
// recorded as data on each relation (resolution, candidates), never thrown.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <orm/model/names.hpp>
#include <orm/model/schema_model.hpp>

namespace orm::model {

using column_names = std::vector<std::string>;

// The columns a relation names on each side before inference: when only one side is
// written, the other is the primary key, as for a one() whose `to` is omitted (and for
// both sides of a .through() relation). Empty when it names none.
std::pair<column_names, column_names> declared_ends(const relation& r);

namespace detail {

// Could `q` be the other end of the edge `r` describes, as far as kinds and junctions go?
bool shapes_pair(const relation& r, const relation& q);

bool mirrors(const relation& r, const relation& q);

}  // namespace detail

void resolve(schema& s);

}  // namespace orm::model
