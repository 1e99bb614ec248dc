// The model of a row struct's fields, from what their C++ types tell at compile time
// (reflection/describe.hpp): compiled once here, not in each unit that reads a struct.
#include <orm/reflection/describe.hpp>

namespace orm::reflection {

model::row_field field_of(const field_description& d, int depth) {
  model::row_field f;
  f.name = std::string(d.name);
  f.kind = d.kind;
  f.optional = d.optional;
  f.sequence = d.sequence;
  f.narrow = d.narrow;
  f.type = d.type();
  if (d.kind == model::row_field::value_kind::row) {
    f.row_name = std::string(d.row_name);
    if (depth < describe_depth) f.fields = d.fields(depth + 1);
  }
  return f;
}

std::vector<model::row_field> fields_of(std::span<const field_description> fields, int depth) {
  std::vector<model::row_field> out;
  out.reserve(fields.size());
  for (const field_description& d : fields) out.push_back(field_of(d, depth));
  return out;
}

}  // namespace orm::reflection
