#pragma once
// Column types and their modifiers: text().not_null(), id("users").unique(),
// integer().default_value(0), text().references("users", "name").
#include <orm/str.hpp>
#include <orm/value.hpp>

namespace orm {

enum class column_kind : unsigned char { text, integer, real, boolean, bytes, timestamp, id, discriminator };

enum class fk_action : unsigned char { no_action, restrict, cascade, set_null, set_default };

struct reference_options {
  fk_action on_delete = fk_action::no_action;
  fk_action on_update = fk_action::no_action;
};

struct column_type {
  column_kind kind;
  str id_table;  // for id(table): the table whose ids this column holds
  bool is_not_null;
  bool is_unique;
  value default_to;
  str references_table;  // set by .references(): a real FOREIGN KEY constraint
  str references_column;
  fk_action references_on_delete;  // reference_options, flattened: see relation_def
  fk_action references_on_update;

  constexpr column_type not_null() const { auto c = *this; c.is_not_null = true; return c; }
  constexpr column_type unique() const { auto c = *this; c.is_unique = true; return c; }
  constexpr column_type default_value(value v) const { auto c = *this; c.default_to = v; return c; }
  constexpr column_type references(str table, str column = "id", reference_options o = {}) const {
    auto c = *this;
    c.references_table = table;
    c.references_column = column;
    c.references_on_delete = o.on_delete;
    c.references_on_update = o.on_update;
    return c;
  }
};

constexpr column_type of_kind(column_kind kind) {
  column_type c{};
  c.kind = kind;
  return c;
}

constexpr column_type text() { return of_kind(column_kind::text); }
constexpr column_type integer() { return of_kind(column_kind::integer); }
constexpr column_type real() { return of_kind(column_kind::real); }
constexpr column_type boolean() { return of_kind(column_kind::boolean); }
constexpr column_type bytes() { return of_kind(column_kind::bytes); }
constexpr column_type timestamp() { return of_kind(column_kind::timestamp); }
// A typed reference to another table's primary key. Like the seed's id('users'), it
// does not enforce integrity by itself; add .references() for a FOREIGN KEY.
constexpr column_type id(str table) {
  column_type c = of_kind(column_kind::id);
  c.id_table = table;
  return c;
}

}  // namespace orm
