#pragma once
// A row struct's field whose column or relation name is not the field's own: a column
// named "created-at" or "class", or a field you would rather call otherwise.
//   struct event_row { orm::renamed<"created-at", std::int64_t> created; };
//   row.created.value   (or *row.created, row.created->...)
// Typed reads, struct writes and ormlint's orm-row-mismatch all read the name given here.
#include <cstddef>
#include <string_view>
#include <utility>

namespace orm {

// A name as a template argument: the characters of a string literal.
template <std::size_t N>
struct fixed_name {
  char text[N]{};
  constexpr fixed_name(const char (&s)[N]) {
    for (std::size_t i = 0; i < N; ++i) text[i] = s[i];
  }
  constexpr std::string_view view() const { return {text, N - 1}; }
};

template <fixed_name Name, class T>
struct renamed {
  T value{};

  static constexpr std::string_view name() { return Name.view(); }
  T& operator*() { return value; }
  const T& operator*() const { return value; }
  T* operator->() { return &value; }
  const T* operator->() const { return &value; }
};

}  // namespace orm
