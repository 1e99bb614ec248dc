#pragma once
// Plain structs, reflected without macros or registration (C++20; Clang and GCC): how many
// fields an aggregate has, a reference to each, and each field's name as declared. No
// package on Debian 12 does this (Boost 1.74 predates Boost.PFR's field names;
// docs/dependencies.md), so it is written here, on the techniques Boost.PFR documents:
// aggregate initialization counts the fields, a structured binding ties them, and the
// name is read from __PRETTY_FUNCTION__ of a template whose argument is the field's
// address in an object that is declared, never defined.
#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace orm::reflection {

// The most fields a row struct may have.
inline constexpr std::size_t max_fields = 32;

namespace detail {

// Never called: gives the conversion below a body, which the standard library's
// constexpr constructors instantiate even where the conversion is only asked about.
template <class U>
U& never_called() noexcept {
  U* nothing = nullptr;
  return *nothing;
}

// Converts to anything but T itself: T{any_field<T>{}, ...} is valid for as many values
// as T has fields.
template <class T>
struct any_field {
  template <class U>
    requires(!std::is_same_v<std::remove_cvref_t<U>, T>)
  constexpr operator U&() const noexcept {
    return never_called<U>();
  }
};

template <class T, class... Given>
constexpr std::size_t count_fields() {
  if constexpr (sizeof...(Given) > max_fields) return sizeof...(Given);
  else if constexpr (requires { T{Given{}..., any_field<T>{}}; }) return count_fields<T, Given..., any_field<T>>();
  else return sizeof...(Given);
}

}  // namespace detail

template <class T>
concept row_struct = std::is_aggregate_v<T> && std::is_class_v<T> && !std::is_polymorphic_v<T>;

// The number of fields of the aggregate T.
template <row_struct T>
inline constexpr std::size_t field_count = detail::count_fields<T>();

// A tuple of references to the fields of `object`, in declaration order.
template <class T>
constexpr auto tie_fields(T& object) {
  constexpr std::size_t N = field_count<std::remove_const_t<T>>;
  static_assert(N <= max_fields, "a row struct has at most orm::reflection::max_fields fields");
  if constexpr (N == 0) {
    return std::tuple<>();
  } else if constexpr (N == 1) {
    auto& [m0] = object;
    return std::tie(m0);
  } else if constexpr (N == 2) {
    auto& [m0, m1] = object;
    return std::tie(m0, m1);
  } else if constexpr (N == 3) {
    auto& [m0, m1, m2] = object;
    return std::tie(m0, m1, m2);
  } else if constexpr (N == 4) {
    auto& [m0, m1, m2, m3] = object;
    return std::tie(m0, m1, m2, m3);
  } else if constexpr (N == 5) {
    auto& [m0, m1, m2, m3, m4] = object;
    return std::tie(m0, m1, m2, m3, m4);
  } else if constexpr (N == 6) {
    auto& [m0, m1, m2, m3, m4, m5] = object;
    return std::tie(m0, m1, m2, m3, m4, m5);
  } else if constexpr (N == 7) {
    auto& [m0, m1, m2, m3, m4, m5, m6] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6);
  } else if constexpr (N == 8) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7);
  } else if constexpr (N == 9) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8);
  } else if constexpr (N == 10) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9);
  } else if constexpr (N == 11) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10);
  } else if constexpr (N == 12) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11);
  } else if constexpr (N == 13) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12);
  } else if constexpr (N == 14) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13);
  } else if constexpr (N == 15) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14);
  } else if constexpr (N == 16) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15);
  } else if constexpr (N == 17) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16);
  } else if constexpr (N == 18) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17);
  } else if constexpr (N == 19) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18);
  } else if constexpr (N == 20) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19);
  } else if constexpr (N == 21) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20);
  } else if constexpr (N == 22) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21);
  } else if constexpr (N == 23) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22);
  } else if constexpr (N == 24) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23);
  } else if constexpr (N == 25) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24);
  } else if constexpr (N == 26) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25);
  } else if constexpr (N == 27) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26);
  } else if constexpr (N == 28) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27);
  } else if constexpr (N == 29) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27, m28] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27, m28);
  } else if constexpr (N == 30) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29);
  } else if constexpr (N == 31) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29, m30] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29, m30);
  } else if constexpr (N == 32) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29, m30, m31] = object;
    return std::tie(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29, m30, m31);
  }
}

namespace detail {

template <class T>
struct declared_only {
  T value;
};
// Declared, never defined: only the addresses of its fields are used, at compile time.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wundefined-var-template"
#pragma clang diagnostic ignored "-Wundefined-internal"
#endif
template <class T>
extern const declared_only<T> reflected_object;

template <class P>
struct pointer_box {
  const P* pointer;
};

template <auto Box>
consteval std::string_view spelled() {
  return __PRETTY_FUNCTION__;
}

consteval bool identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The field's name in the spelled template argument, `Box = pointer_box<...>{...}`:
// Clang prints "{&reflected_object.value.title}", GCC
// "{(& reflected_object<T>.declared_only<T>::value.T::title)}" (T may hold
// "{anonymous}::"); the name is the last identifier inside the outer braces.
consteval std::string_view field_in(std::string_view text) {
  std::size_t open = text.find("Box = ");
  open = open == std::string_view::npos ? 0 : open;
  // The brace after pointer_box<...>: "{anonymous}" may appear inside its type argument.
  for (int angle = 0; open < text.size(); ++open) {
    if (text[open] == '<') ++angle;
    if (text[open] == '>') --angle;
    if (text[open] == '{' && angle == 0) break;
  }
  // The matching brace: GCC spells an anonymous namespace "{anonymous}" inside it.
  std::size_t close = open;
  for (int depth = 0; close < text.size(); ++close) {
    if (text[close] == '{') ++depth;
    if (text[close] == '}' && --depth == 0) break;
  }
  std::size_t end = close;
  while (end > 0 && !identifier_char(text[end - 1])) --end;
  std::size_t begin = end;
  while (begin > 0 && identifier_char(text[begin - 1])) --begin;
  return text.substr(begin, end - begin);
}

template <class T, std::size_t I>
consteval std::string_view field_name_of() {
  constexpr auto box = pointer_box<std::remove_cvref_t<decltype(std::get<I>(tie_fields(reflected_object<T>.value)))>>{
      &std::get<I>(tie_fields(reflected_object<T>.value))};
  return field_in(spelled<box>());
}

// The name copied out of the compiler's text, so that nothing at run time refers to it.
template <class T, std::size_t I>
struct stored_name {
  static constexpr std::string_view spelled_name = field_name_of<T, I>();
  static constexpr auto chars = [] {
    std::array<char, spelled_name.size() + 1> out{};
    for (std::size_t i = 0; i < spelled_name.size(); ++i) out[i] = spelled_name[i];
    return out;
  }();
  static constexpr std::string_view value{chars.data(), spelled_name.size()};
};

template <class T, std::size_t... I>
consteval auto field_names_of(std::index_sequence<I...>) {
  return std::array<std::string_view, sizeof...(I)>{stored_name<T, I>::value...};
}

}  // namespace detail
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

namespace detail {
template <class T>
consteval std::string_view spelled_type() {
  return __PRETTY_FUNCTION__;
}
// "... [T = ns::post_row]" (Clang) or "... [with T = ns::post_row; ...]" (GCC).
consteval std::string_view type_in(std::string_view text) {
  std::size_t begin = text.find("T = ");
  if (begin == std::string_view::npos) return {};
  begin += 4;
  std::size_t end = begin;
  int depth = 0;
  for (; end < text.size(); ++end) {
    const char c = text[end];
    if (c == '<' || c == '(') ++depth;
    if (c == '>' || c == ')') --depth;
    if (depth == 0 && (c == ']' || c == ';')) break;
  }
  std::string_view name = text.substr(begin, end - begin);
  // Unqualified, as the struct is declared: "post_row".
  int nesting = 0;
  for (std::size_t i = name.size(); i > 0; --i) {
    const char c = name[i - 1];
    if (c == '>') ++nesting;
    if (c == '<') --nesting;
    if (nesting == 0 && c == ':') return name.substr(i);
  }
  return name;
}
template <class T>
struct stored_type_name {
  static constexpr std::string_view spelled_name = type_in(spelled_type<T>());
  static constexpr auto chars = [] {
    std::array<char, spelled_name.size() + 1> out{};
    for (std::size_t i = 0; i < spelled_name.size(); ++i) out[i] = spelled_name[i];
    return out;
  }();
};
}  // namespace detail

// The unqualified name of a struct, as declared: "post_row".
template <class T>
inline constexpr std::string_view type_name{detail::stored_type_name<T>::chars.data(),
                                            detail::stored_type_name<T>::spelled_name.size()};

// The names of T's fields, in declaration order.
template <row_struct T>
inline constexpr auto field_names = detail::field_names_of<T>(std::make_index_sequence<field_count<T>>());

}  // namespace orm::reflection
