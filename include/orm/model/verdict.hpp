#pragma once
// The schema-level refusals: every problem that ormlint reports as an error about the
// schema itself (not about loading one relation), in the words ormlint uses. migrate
// refuses a schema exactly when this is not empty, so the two cannot disagree.
#include <string>
#include <vector>

#include <orm/model/names.hpp>
#include <orm/model/rules.hpp>
#include <orm/model/structure.hpp>

namespace orm::model {

inline std::vector<std::string> schema_refusals(const schema& s) {
  std::vector<std::string> out;
  for (const unknown_name& n : unknown_names(s)) out.push_back(n.message);
  for (const structure_problem& p : structure_problems(s))
    if (p.error) out.push_back(p.message);
  for (const table& t : s.tables)
    for (const discriminator_problem& p : discriminator_problems(s, t))
      if (!p.is_warning())
        out.push_back(p.message(t));
  return out;
}

}  // namespace orm::model
