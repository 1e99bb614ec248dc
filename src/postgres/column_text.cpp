#include <orm/postgres/column_text.hpp>

namespace orm::postgres {

runtime::node column_node(const result& r, int row, int column, column_kind kind, std::string_view table,
                                std::string_view name) {
  using runtime::node;
  if (r.is_null(row, column)) return node();
  const std::string_view text = r.text(row, column);
  const auto refuse = [&](const char* what) {
    return runtime::error("'" + std::string(table) + "." + std::string(name) + "' holds text '" + std::string(text) +
                         "', which is not " + what);
  };
  switch (kind) {
    case column_kind::boolean:
      if (text != "t" && text != "f") throw refuse("a boolean");
      return node::of_boolean(text == "t");
    case column_kind::integer:
    case column_kind::id:
    case column_kind::timestamp: {
      std::int64_t value = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (error != std::errc() || end != text.data() + text.size()) throw refuse("an integer");
      return node::of_integer(value);
    }
    case column_kind::real: {
      double value = 0;  // from_chars reads "Infinity" and "NaN" as PostgreSQL writes them
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (error != std::errc() || end != text.data() + text.size()) throw refuse("a real");
      return node::of_real(value);
    }
    case column_kind::bytes: {
      // bytea's text form: \x and two hex digits a byte.
      if (!text.starts_with("\\x") || text.size() % 2 != 0) throw refuse("bytes");
      const auto digit = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
      std::string bytes;
      bytes.reserve(text.size() / 2 - 1);
      for (std::size_t i = 2; i + 1 < text.size(); i += 2) bytes.push_back(static_cast<char>(digit(text[i]) * 16 + digit(text[i + 1])));
      return node::of_text(std::move(bytes), node::kind::bytes);
    }
    default: return node::of_text(std::string(text));
  }
}

}  // namespace orm::postgres
