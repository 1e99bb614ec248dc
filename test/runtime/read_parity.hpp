#pragma once
// What the tests of load strategies compare: reads as text, and one read asked with a
// strategy at every level.
#include <string>
#include <vector>

#include <orm/runtime/find_options.hpp>
#include <orm/runtime/node.hpp>

namespace orm::testing {
using runtime::find_options;
using runtime::load_strategy;
using runtime::node;
using runtime::with_list;
using runtime::with_relation;

// A node as text, keys in order: two reads agree when their texts do.
inline std::string text_of(const node& n) {
  switch (n.type()) {
    case node::kind::null: return "null";
    case node::kind::boolean: return n.as_boolean() ? "true" : "false";
    case node::kind::integer: return std::to_string(n.as_integer());
    case node::kind::real: return std::to_string(n.as_real());
    case node::kind::text:
    case node::kind::bytes: return "\"" + n.as_text() + "\"";
    case node::kind::array: {
      std::string out = "[";
      for (const node& item : n) out += (out.size() > 1 ? "," : "") + text_of(item);
      return out + "]";
    }
    case node::kind::object: {
      std::string out = "{";
      for (const auto& [key, value] : n.fields()) out += (out.size() > 1 ? "," : "") + key + ":" + text_of(value);
      return out + "}";
    }
  }
  return "?";
}
inline std::string text_of(const std::vector<node>& rows) {
  std::string out;
  for (const node& row : rows) out += text_of(row) + "\n";
  return out;
}

// Every `with` entry (at every depth) given `how`; loads unbounded (the schema has indexes).
inline find_options with_strategy(find_options o, load_strategy how) {
  o.strategy = how;
  o.allow_full_scan = true;
  std::vector<with_relation> loads(o.with.begin(), o.with.end());
  for (with_relation& w : loads) w.options = with_strategy(w.options, how);
  o.with = with_list(loads);
  return o;
}

}  // namespace orm::testing
