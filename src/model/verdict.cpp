#include <orm/model/verdict.hpp>

namespace orm::model {

std::vector<std::string> schema_refusals(const schema& s) {
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
