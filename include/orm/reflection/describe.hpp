#pragma once
// A row struct described for the rules (model/row_rules.hpp): each field's name, what its
// C++ type can hold, and the structs nested in it. ormlint describes the same struct from
// Clang's record of it (tool/extract/row_reader.cpp) in the same words, so the runtime and
// ormlint refuse a struct with the same message.
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <orm/model/row_rules.hpp>
#include <orm/reflection/renamed.hpp>
#include <orm/reflection/reflect.hpp>

namespace orm::reflection {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

template <class T>
struct is_renamed : std::false_type {};
template <fixed_name Name, class T>
struct is_renamed<renamed<Name, T>> : std::true_type {};

// The field's value: the field itself, or what an orm::renamed wraps.
template <class F>
constexpr auto& field_value(F& field) {
  if constexpr (is_renamed<std::remove_const_t<F>>::value) return field.value;
  else return field;
}
template <class F>
using field_value_t = std::remove_cvref_t<decltype(field_value(std::declval<F&>()))>;

// The column or relation a field reads: its own name, or the one orm::renamed gives.
template <class F>
constexpr std::string_view column_name_of(std::string_view field_name) {
  if constexpr (is_renamed<F>::value) return F::name();
  else return field_name;
}

template <class T>
struct is_system_time : std::false_type {};
// Counted in an integer: the stored integer converts to it exactly or is refused
// (runtime/time_conversion.hpp); a floating-point count would round.
template <class D>
struct is_system_time<std::chrono::time_point<std::chrono::system_clock, D>>
    : std::bool_constant<std::is_integral_v<typename D::rep>> {};

// A byte vector holds a bytes() column.
template <class T>
inline constexpr bool is_byte = std::is_same_v<T, std::byte> || std::is_same_v<T, unsigned char>;

// What one C++ type can hold, as the rules see it.
template <class F>
struct field_traits;
template <fixed_name Name, class F>
struct field_traits<renamed<Name, F>> : field_traits<F> {};

template <class F>
struct field_traits {
  using kind = model::row_field::value_kind;
  static constexpr bool optional = false;
  static constexpr bool sequence = false;
  static constexpr kind value = std::is_same_v<F, bool>               ? kind::boolean
                                : is_system_time<F>::value            ? kind::time_point
                                : std::is_integral_v<F>               ? kind::integer
                                : std::is_floating_point_v<F>         ? kind::real
                                : std::is_same_v<F, std::string>      ? kind::text
                                : row_struct<F> && !is_vector<F>::value ? kind::row
                                                                      : kind::unsupported;
  static constexpr bool narrow =
      (value == kind::integer && (sizeof(F) < 8 || std::is_unsigned_v<F>)) || (value == kind::real && sizeof(F) < 8);
  using row = F;  // kind::row
};
template <class F>
struct field_traits<std::optional<F>> : field_traits<F> {
  static constexpr bool optional = true;
};
template <class F, class A>
struct field_traits<std::vector<F, A>> {
  using kind = model::row_field::value_kind;
  static constexpr bool optional = false;
  static constexpr bool sequence = !is_byte<F>;
  static constexpr kind value = is_byte<F> ? kind::bytes : field_traits<F>::value == kind::row ? kind::row : kind::unsupported;
  static constexpr bool narrow = false;
  using row = F;
};

// The type's name in messages: the same words for the runtime and for ormlint.
template <class F>
std::string described_type() {
  using t = field_traits<F>;
  using kind = model::row_field::value_kind;
  if constexpr (is_renamed<F>::value) {
    return described_type<field_value_t<F>>();
  } else if constexpr (is_optional<F>::value) {
    return "std::optional<" + described_type<typename F::value_type>() + ">";
  } else if constexpr (is_vector<F>::value) {
    if constexpr (is_byte<typename F::value_type>) return "std::vector<std::byte>";
    else return "std::vector<" + described_type<typename F::value_type>() + ">";
  } else if constexpr (t::value == kind::boolean) {
    return "bool";
  } else if constexpr (t::value == kind::integer) {
    return std::string(std::is_unsigned_v<F> ? "std::uint" : "std::int") + std::to_string(sizeof(F) * 8) + "_t";
  } else if constexpr (t::value == kind::real) {
    return sizeof(F) < 8 ? "float" : "double";
  } else if constexpr (t::value == kind::time_point) {
    return "std::chrono::sys_time<...>";
  } else if constexpr (t::value == kind::text) {
    return "std::string";
  } else if constexpr (t::value == kind::row) {
    return std::string(type_name<F>);
  } else {
    return std::string(type_name<F>);
  }
}

// A struct may hold itself (std::vector<reply_row> in reply_row, for a self relation): its
// description stops this deep, past any max_depth a query can have.
inline constexpr int describe_depth = 32;

template <class T>
std::vector<model::row_field> describe_fields(int depth);

// What a field's C++ type tells the rules, known at compile time. The model's row_field is
// built from it by compiled code (src/model/row_description.cpp): a unit that reads a
// struct compiles a table of these, not the strings and vectors of each field's model.
struct field_description {
  std::string_view name;
  model::row_field::value_kind kind;
  bool optional, sequence, narrow;
  std::string (*type)();  // described_type<F>
  std::string_view row_name;                           // kind == row: the struct's name
  std::vector<model::row_field> (*fields)(int depth);  // kind == row: its fields
};
model::row_field field_of(const field_description& d, int depth);
std::vector<model::row_field> fields_of(std::span<const field_description> fields, int depth);

template <class F>
constexpr field_description description_of(std::string_view name) {
  using t = field_traits<F>;
  field_description d{name, t::value, t::optional, t::sequence, t::narrow, &described_type<F>, {}, nullptr};
  if constexpr (t::value == model::row_field::value_kind::row) {
    d.row_name = type_name<typename t::row>;
    d.fields = &describe_fields<typename t::row>;
  }
  return d;
}

template <class T>
std::vector<model::row_field> describe_fields(int depth) {
  using fields = decltype(tie_fields(std::declval<T&>()));
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    const std::array<field_description, sizeof...(I)> described{description_of<std::remove_cvref_t<std::tuple_element_t<I, fields>>>(
        column_name_of<std::remove_cvref_t<std::tuple_element_t<I, fields>>>(field_names<T>[I]))...};
    return fields_of(described, depth);
  }(std::make_index_sequence<field_count<T>>());
}

// The struct T as the rules read it.
template <row_struct T>
model::row_type describe() {
  return {std::string(type_name<T>), describe_fields<T>(0), {}};
}

}  // namespace orm::reflection
